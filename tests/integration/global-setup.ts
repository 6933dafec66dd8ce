// Migrates one base database per run; every test file gets its own copy
// (per-file-database.ts), so tests never share rows and never pay for migrations twice.
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { migrateDatabase } from "../../lib/db/migrate";
import { createPostgresDatabase, dropPostgresDatabases, testDatabaseKind, withDatabase } from "../support/databases";

export default async function setup(project: TestProject) {
  if (testDatabaseKind() === "postgres") {
    const url = process.env.TEST_DATABASE_URL!;
    const prefix = `casebook_it_${crypto.randomUUID().slice(0, 6)}`;
    const base = `${prefix}_base`;
    await createPostgresDatabase(url, base);
    migrateDatabase(withDatabase(url, base));
    project.provide("databaseKind", "postgres");
    project.provide("baseDatabase", base);
    project.provide("databaseDir", url);
    return () => dropPostgresDatabases(url, prefix);
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "casebook-it-"));
  const base = path.join(dir, "base.db");
  migrateDatabase(`file:${base}`);
  project.provide("databaseKind", "sqlite");
  project.provide("baseDatabase", base);
  project.provide("databaseDir", dir);
  return () => fs.rmSync(dir, { recursive: true, force: true });
}

declare module "vitest" {
  export interface ProvidedContext {
    databaseKind: "sqlite" | "postgres";
    /** The migrated base: a file path (SQLite) or a database name (PostgreSQL). */
    baseDatabase: string;
    /** Where copies go: a folder (SQLite) or the server URL (PostgreSQL). */
    databaseDir: string;
  }
}
