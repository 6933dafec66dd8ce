// A hash of every row that matters, to prove a request changed nothing. Visit and
// activity times are left out: merely looking at a page may touch them.
import { createHash } from "node:crypto";
import { db } from "../../lib/db";
import { Prisma } from "../../lib/generated/prisma/client";

const VOLATILE_COLUMNS = new Set(["lastVisitedAt", "lastActiveAt"]);
// Failed sign-ins are counted on purpose; the credential signing key is made on first use.
const VOLATILE_TABLES = new Set<string>(["SignInFailure", "SigningKey"]);

// With a user: that user's rows plus the course content, for a database other tests
// write to at the same time.
const CONTENT_TABLES = new Set<string>(["Course", "Lesson", "Quiz", "Question"]);
const USER_TABLES = new Set<string>(["LessonProgress", "QuizAttempt", "Readiness", "Certificate", "SkillsSelfAssessment", "Accommodation", "StudentSummary", "QuizBest"]);
const scopedQuery: Record<string, (userId: string) => Prisma.Sql> = {
  User: (id) => Prisma.sql`SELECT * FROM "User" WHERE "id" = ${id}`,
  InstructorSignOff: (id) => Prisma.sql`SELECT * FROM "InstructorSignOff" WHERE "studentId" = ${id}`,
  AttemptAnswer: (id) => Prisma.sql`SELECT a.* FROM "AttemptAnswer" a JOIN "QuizAttempt" t ON t."id" = a."attemptId" WHERE t."userId" = ${id}`,
};

/** One hash per table, so a failing comparison names the table that changed. */
export async function fingerprint({ userId }: { userId?: string } = {}): Promise<Record<string, string>> {
  const tables: Record<string, string> = {};
  for (const model of Object.values(Prisma.ModelName)) {
    if (VOLATILE_TABLES.has(model)) continue;
    let query: Prisma.Sql | null = Prisma.sql`SELECT * FROM ${Prisma.raw(`"${model}"`)}`;
    if (userId && !CONTENT_TABLES.has(model)) {
      query = scopedQuery[model]?.(userId) ?? (USER_TABLES.has(model) ? Prisma.sql`SELECT * FROM ${Prisma.raw(`"${model}"`)} WHERE "userId" = ${userId}` : null);
      if (!query) continue;
    }
    const rows = await db.$queryRaw<Record<string, unknown>[]>(query);
    const lines = rows
      .map((row) => JSON.stringify(Object.entries(row).filter(([column]) => !VOLATILE_COLUMNS.has(column)), (_k, v) => (typeof v === "bigint" ? String(v) : v)))
      .sort();
    tables[model] = `${rows.length} rows ${createHash("sha256").update(lines.join("\n")).digest("hex").slice(0, 16)}`;
  }
  return tables;
}
