import "server-only";
import { randomBytes } from "node:crypto";
import { Prisma } from "@/lib/generated/prisma/client";
import type { Tx } from "@/lib/db";
import { evaluateReadiness } from "@/lib/readiness/rules";
import { rawDate } from "@/lib/db/raw";
import { queueScores } from "@/lib/lti/scores";
import { replaceSummaries, summaryRowsOf, type SummaryStudent } from "@/lib/roster/summaries";
import { parseCourseConfig, parseSectionSettings, type CourseConfig } from "./config";
import { bestAttemptIds, gradedOf, loadStudentFacts, objectiveEvidence, readinessInputOf, type StudentFacts } from "./facts";
import { passes, passMarkFor, rulesFor } from "./rules";
import { reapplyPassMarks } from "./student-rules";
import { readCourse, readCourseIfSeeded, readStructure, type CourseStructure } from "./structure";

// The one write path for everything derived from a student's records: the readiness
// milestone (with its certificate) and the roster summary. Every event that changes a
// source row (grading, lesson completion, self-assessment, sign-off, revocation, account
// creation or closing) calls recordStudentChanges inside its own transaction, so the
// derived rows commit or roll back with it; page views never call it. See ADR 0007. The
// scores owed to an LMS gradebook are queued here too (ADR 0019).

const BATCH = 400;

export function newCertificateCode(): string {
  // 144 random bits: unguessable, URL-safe.
  return randomBytes(18).toString("base64url");
}

/**
 * Readiness is recorded the first time it is met, with a certificate; never undone here
 * (revocation is the instructor's explicit act). Mutates the facts' readyAt so the
 * summary written next in the same transaction shows it.
 */
async function recordReadiness(tx: Tx, courseId: string, structure: CourseStructure, course: CourseConfig, users: RecordedStudent[], facts: Map<string, StudentFacts>) {
  const final = structure.quizzes.find((q) => q.kind === "final");
  for (const user of users) {
    const mine = facts.get(user.id)!;
    if (mine.readyAt) continue;
    // The student's own rules: their section's choices within the course's bounds.
    const config = rulesFor(course, parseSectionSettings(user.settings));
    // Cheap filter first: nobody is ready without passing the final.
    if (final && !gradedOf(mine).some((a) => a.quizId === final.id && passes(a.percent, passMarkFor(final, config)))) continue;
    const input = readinessInputOf(structure, mine, await objectiveEvidence(tx, bestAttemptIds(mine)));
    if (!evaluateReadiness(input, config).ready) continue;
    const row = await tx.readiness.create({ data: { userId: user.id, courseId }, select: { reachedAt: true } });
    await tx.certificate.create({ data: { userId: user.id, courseId, code: newCertificateCode(), holderName: user.name }, select: { id: true } });
    mine.readyAt = row.reachedAt;
  }
}

/** The students among these users, each with their active section and its settings: one statement. */
type RecordedStudent = SummaryStudent & { settings: string | null; inLmsCourse: boolean };

/**
 * The students among these users, each with their active section, its settings, and
 * whether that section is an LMS course they came from (their scores are owed to it): one statement.
 */
async function summaryStudents(tx: Tx, courseId: string, ids: string[]): Promise<RecordedStudent[]> {
  const rows = await tx.$queryRaw<{ id: string; name: string; email: string; lastActiveAt: unknown; sectionId: string | null; settings: string | null; lmsLinks: unknown }[]>`
    SELECT u."id", u."name", u."email", u."lastActiveAt", e."sectionId", s."settings",
           (SELECT COUNT(*) FROM "LtiContext" c JOIN "LtiIdentity" i ON i."platformId" = c."platformId" AND i."userId" = u."id"
             WHERE c."sectionId" = e."sectionId") AS "lmsLinks"
      FROM "User" u LEFT JOIN "Enrollment" e ON e."userId" = u."id" AND e."activeCourseId" = ${courseId}
      LEFT JOIN "Section" s ON s."id" = e."sectionId"
     WHERE u."id" IN (${Prisma.join(ids)}) AND u."role" = 'student' AND u."deletedAt" IS NULL`;
  return rows.map((r) => ({ id: r.id, name: r.name, email: r.email, lastActiveAt: rawDate(r.lastActiveAt), sectionId: r.sectionId, settings: r.settings, inLmsCourse: Number(r.lmsLinks) > 0 }));
}

/** Records readiness and rewrites the summaries of these users, inside `tx`. */
export async function recordStudentChanges(tx: Tx, userIds: string[]) {
  if (userIds.length === 0) return;
  // Before the first seed there is nothing to derive from (an operator may create
  // accounts first); the first seed rebuilds every student's rows.
  const course = await readCourseIfSeeded(tx);
  if (!course) return;
  const config = parseCourseConfig(course.config);
  const structure = await readStructure(tx, course.id);
  for (let i = 0; i < userIds.length; i += BATCH) {
    const ids = userIds.slice(i, i + BATCH);
    // Take the students' row locks before reading: on PostgreSQL two concurrent events for
    // one student then run one after the other, and the second reads what the first wrote.
    await tx.$executeRaw`UPDATE "User" SET "lastActiveAt" = "lastActiveAt" WHERE "id" IN (${Prisma.join(ids)})`;
    const [users, facts] = await Promise.all([summaryStudents(tx, course.id, ids), loadStudentFacts(tx, course.id, ids)]);
    await recordReadiness(tx, course.id, structure, config, users, facts);
    // Scores owed to an LMS gradebook are queued with the change that made them (AGS outbox).
    await queueScores(tx, structure, users.filter((u) => u.inLmsCourse), facts);
    await replaceSummaries(tx, ids, users.map((u) => summaryRowsOf(course.id, structure, u, facts.get(u.id)!)));
  }
}

/**
 * After the rules that apply to these students changed (their section's settings, or a
 * move to another section): each graded attempt's `passed` is derived again from the
 * marks that now apply, then their derived rows are recorded again, in the caller's
 * transaction.
 */
export async function rebuildStudents(tx: Tx, userIds: string[]) {
  const course = await readCourseIfSeeded(tx);
  if (!course || userIds.length === 0) return;
  // Take the students' open attempts first, as grading does before it reads their rules:
  // a grading that began earlier finishes first and is re-derived below; one that begins
  // now waits and reads the new rules (on PostgreSQL; SQLite runs one writer at a time).
  for (let i = 0; i < userIds.length; i += 1000) {
    await tx.$executeRaw`UPDATE "QuizAttempt" SET "status" = "status" WHERE "status" = 'in_progress' AND "userId" IN (${Prisma.join(userIds.slice(i, i + 1000))})`;
  }
  await reapplyPassMarks(tx, course, parseCourseConfig(course.config), userIds);
  await recordStudentChanges(tx, userIds);
}

/**
 * After the content or the course's configuration changed: every student is rebuilt
 * (one rule, so the result page and readiness agree). Runs in the caller's transaction,
 * with the change that caused it.
 */
export async function rebuildCourse(tx: Tx) {
  await readCourse(tx);
  const students = await tx.user.findMany({ where: { role: "student" }, select: { id: true } });
  // Stray rows of users who are no longer students go too.
  await tx.studentSummary.deleteMany({ where: { user: { role: { not: "student" } } } });
  await rebuildStudents(tx, students.map((s) => s.id));
}

/** Long enough for a rebuild of 10,000 students inside one transaction. */
export const REBUILD_TX_OPTIONS = { maxWait: 30_000, timeout: 10 * 60_000 };
