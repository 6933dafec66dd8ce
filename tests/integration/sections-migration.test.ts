// The sections migration on a database seeded with the schema before it (issue 14):
// nothing is lost, and everyone lands in one default section open to sign-ups.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import pg from "pg";
import { describe, expect, inject, it } from "vitest";
import { migrationScripts, POSTGRES_MIGRATIONS, SQLITE_MIGRATIONS } from "@/scripts/migration-parity";
import { createPostgresDatabase, withDatabase } from "@/tests/support/databases";

const kind = inject("databaseKind");
const SECTIONS = "20261129204758_sections";

type Sql = { exec: (sql: string) => Promise<void>; rows: <T>(sql: string) => Promise<T[]>; close: () => Promise<void> };

async function freshDatabase(): Promise<Sql> {
  if (kind === "sqlite") {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "casebook-upgrade-")), "old.db");
    const sqlite = new Database(file);
    return { exec: async (sql) => void sqlite.exec(sql), rows: async <T,>(sql: string) => sqlite.prepare(sql).all() as T[], close: async () => void sqlite.close() };
  }
  const name = `${new URL(process.env.DATABASE_URL!).pathname.slice(1)}_upgrade`;
  await createPostgresDatabase(process.env.DATABASE_URL!, name);
  const client = new pg.Client({ connectionString: withDatabase(process.env.DATABASE_URL!, name) });
  await client.connect();
  return { exec: async (sql) => void (await client.query(sql)), rows: async <T,>(sql: string) => (await client.query(sql)).rows as T[], close: () => client.end() };
}

// Rows in the previous schema's shape, written as plain SQL (the current client knows a
// newer schema): a course, an instructor, two students (one with a roster row and an
// attempt), and a closed account.
const NOW = kind === "sqlite" ? "'2026-11-01T10:00:00.000+00:00'" : "TIMESTAMP '2026-11-01 10:00:00'";
const SEED = `
INSERT INTO "Course" ("id", "slug", "title", "description", "config", "contentHash", "createdAt", "updatedAt") VALUES ('c1', 'intro-legal-careers', 'T', 'D', '{}', 'h', ${NOW}, ${NOW});
INSERT INTO "User" ("id", "email", "name", "passwordHash", "role", "createdAt", "updatedAt", "deletedAt") VALUES
  ('i1', 'i1@old.test', 'Old Instructor', 'x', 'instructor', ${NOW}, ${NOW}, NULL),
  ('s1', 's1@old.test', 'Old Student', 'x', 'student', ${NOW}, ${NOW}, NULL),
  ('s2', 's2@old.test', 'Quiet Student', 'x', 'student', ${NOW}, ${NOW}, NULL),
  ('gone', 'gone@old.test', 'Closed', 'x', 'student', ${NOW}, ${NOW}, ${NOW});
INSERT INTO "StudentSummary" ("userId", "courseId", "searchText", "progressPercent", "updatedAt") VALUES ('s1', 'c1', 'old student s1@old.test', 40, ${NOW});
INSERT INTO "Quiz" ("id", "courseId", "slug", "title", "position", "contentHash", "createdAt", "updatedAt") VALUES ('q1', 'c1', 'quiz', 'Quiz', 1, 'h', ${NOW}, ${NOW});
INSERT INTO "QuizAttempt" ("id", "userId", "quizId", "attemptNumber", "status", "layout", "percent", "startedAt") VALUES ('a1', 's1', 'q1', 1, 'graded', '[]', 90, ${NOW});
`;

describe("upgrading to sections", () => {
  it("moves every existing student and instructor into one default section, losing nothing", async () => {
    const dir = kind === "sqlite" ? SQLITE_MIGRATIONS : POSTGRES_MIGRATIONS;
    const scripts = migrationScripts(dir);
    const at = scripts.findIndex((m) => m.name === SECTIONS);
    expect(at).toBeGreaterThan(0);
    const sql = await freshDatabase();
    try {
      for (const m of scripts.slice(0, at)) await sql.exec(m.sql);
      await sql.exec(SEED);
      await sql.exec(scripts[at].sql);

      const sections = await sql.rows<{ id: string; name: string; joinCode: string; openSignup: unknown; joinOpen: unknown }>(`SELECT "id", "name", "joinCode", "openSignup", "joinOpen" FROM "Section"`);
      expect(sections).toHaveLength(1);
      expect(sections[0]).toMatchObject({ name: "Default section" });
      expect(Boolean(sections[0].openSignup) && Boolean(sections[0].joinOpen)).toBe(true);
      expect(sections[0].joinCode).toMatch(/^[0-9A-F]{10}$/);
      const sectionId = sections[0].id;

      const enrollments = await sql.rows<{ userId: string; sectionId: string; activeCourseId: string | null }>(`SELECT "userId", "sectionId", "activeCourseId" FROM "Enrollment" ORDER BY "userId"`);
      expect(enrollments).toEqual([
        { userId: "s1", sectionId, activeCourseId: "c1" },
        { userId: "s2", sectionId, activeCourseId: "c1" },
      ]);
      expect(await sql.rows(`SELECT "sectionId", "userId" FROM "SectionInstructor"`)).toEqual([{ sectionId, userId: "i1" }]);
      expect(await sql.rows(`SELECT "userId", "sectionId", "progressPercent" FROM "StudentSummary"`)).toEqual([{ userId: "s1", sectionId, progressPercent: 40 }]);
      // Nothing else moved or vanished.
      expect(await sql.rows(`SELECT "id", "percent" FROM "QuizAttempt"`)).toEqual([{ id: "a1", percent: 90 }]);
      expect((await sql.rows<{ n: number | string }>(`SELECT COUNT(*) AS "n" FROM "User"`))[0].n).toEqual(kind === "sqlite" ? 4 : "4");
    } finally {
      await sql.close();
    }
  });
});
