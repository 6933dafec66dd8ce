import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { describe, expect, inject, it } from "vitest";
import { migrateDatabase, runPrisma } from "@/lib/db/migrate";
import { createPostgresDatabase, withDatabase } from "@/tests/support/databases";

const kind = inject("databaseKind");
const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), "casebook-mig-"));
const variant = kind === "postgres" ? { schema: "prisma/postgres/schema.prisma", migrations: "prisma/postgres/migrations" } : { schema: "prisma/schema.prisma", migrations: "prisma/migrations" };

/** The drift check: migrations replayed on a shadow database must equal the schema. */
function driftCheck(schema: string) {
  const url = kind === "postgres" ? process.env.DATABASE_URL! : `file:${path.join(tmp(), "x.db")}`;
  return runPrisma(["migrate", "diff", "--from-migrations", variant.migrations, "--to-schema-datamodel", schema, "--exit-code"], url);
}

describe("migrations", () => {
  it.runIf(kind === "sqlite")("apply to an empty SQLite file, in WAL mode, and report up to date", () => {
    const file = path.join(tmp(), "empty.db");
    migrateDatabase(`file:${file}`);
    const sqlite = new Database(file, { readonly: true });
    const tables = sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all().map((row) => (row as { name: string }).name);
    const journal = sqlite.pragma("journal_mode", { simple: true });
    sqlite.close();
    expect(tables).toEqual(expect.arrayContaining(["User", "Course", "Lesson", "Quiz", "Question", "QuizAttempt", "AttemptAnswer", "LessonProgress", "Certificate", "AuditLog", "StudentSummary", "_prisma_migrations"]));
    expect(journal).toBe("wal");
    expect(runPrisma(["migrate", "status"], `file:${file}`).output).toContain("Database schema is up to date");
  });

  it.runIf(kind === "postgres")("apply to an empty PostgreSQL database and report up to date", async () => {
    const name = `${new URL(process.env.DATABASE_URL!).pathname.slice(1)}_empty`;
    await createPostgresDatabase(process.env.DATABASE_URL!, name);
    const url = withDatabase(process.env.DATABASE_URL!, name);
    migrateDatabase(url);
    expect(runPrisma(["migrate", "status"], url).output).toContain("Database schema is up to date");
  });

  it("match the schema (drift check)", () => {
    const result = driftCheck(variant.schema);
    expect(result.output).toContain("No difference detected");
    expect(result.status).toBe(0);
  });

  it("drift check fails when the schema gains a field the migrations lack", () => {
    const dir = tmp();
    const schema = fs.readFileSync(variant.schema, "utf8").replace("model User {", "model User {\n  nickname String?");
    const drifted = path.join(dir, "schema.prisma");
    fs.writeFileSync(drifted, schema);
    expect(driftCheck(drifted).status).toBe(2);
  });
});
