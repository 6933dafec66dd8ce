import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { migrateDatabase, runPrisma } from "@/lib/db/migrate";

const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), "casebook-mig-"));
const driftCheck = (schema: string) =>
  runPrisma(["migrate", "diff", "--from-migrations", "prisma/migrations", "--to-schema-datamodel", schema, "--exit-code"], `file:${path.join(tmp(), "x.db")}`);

describe("migrations", () => {
  it("apply to an empty database, in WAL mode, and report up to date", () => {
    const file = path.join(tmp(), "empty.db");
    migrateDatabase(`file:${file}`);
    const sqlite = new Database(file, { readonly: true });
    const tables = sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all().map((row) => (row as { name: string }).name);
    const journal = sqlite.pragma("journal_mode", { simple: true });
    sqlite.close();
    expect(tables).toEqual(expect.arrayContaining(["User", "Course", "Lesson", "Quiz", "Question", "QuizAttempt", "AttemptAnswer", "LessonProgress", "Certificate", "AuditLog", "_prisma_migrations"]));
    expect(journal).toBe("wal");
    const status = runPrisma(["migrate", "status"], `file:${file}`);
    expect(status.output).toContain("Database schema is up to date");
  });

  it("match the schema (drift check)", () => {
    const result = driftCheck("prisma/schema.prisma");
    expect(result.output).toContain("No difference detected");
    expect(result.status).toBe(0);
  });

  it("drift check fails when the schema gains a field the migrations lack", () => {
    const dir = tmp();
    const schema = fs.readFileSync("prisma/schema.prisma", "utf8").replace("model User {", "model User {\n  nickname String?");
    const drifted = path.join(dir, "schema.prisma");
    fs.writeFileSync(drifted, schema);
    expect(driftCheck(drifted).status).toBe(2);
  });
});
