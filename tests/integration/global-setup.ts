// Migrates one base SQLite file per run; every test file copies it (per-file-database.ts),
// so tests never share rows and never pay for migrations twice.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { migrateDatabase } from "../../lib/db/migrate";

export default function setup(project: TestProject) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "casebook-it-"));
  const base = path.join(dir, "base.db");
  migrateDatabase(`file:${base}`);
  project.provide("baseDatabase", base);
  project.provide("databaseDir", dir);
  return () => fs.rmSync(dir, { recursive: true, force: true });
}

declare module "vitest" {
  export interface ProvidedContext {
    baseDatabase: string;
    databaseDir: string;
  }
}
