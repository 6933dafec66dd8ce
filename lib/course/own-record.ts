import "server-only";
// A student's own record, for the pages they view: everything the outline, the lesson,
// the quiz landing, readiness and the certificate need, in ONE statement (issue 13: a
// signed-in page sends at most three). The tables differ, so the statement is a UNION ALL
// of one branch per table into shared typed slots (text s*, number n*, boolean b*, time
// d*); each branch names its columns. Only the current run is read (ADR 0017). The roster's write path reads the same rows for
// many students through Prisma (lib/course/facts.ts loadStudentFacts); a test compares
// the two readers row for row (tests/integration/own-record.test.ts).
import { Prisma } from "@/lib/generated/prisma/client";
import type { Tx } from "@/lib/db";
import { asDouble, emptySlot } from "@/lib/db/dialect";
import { rawBool, rawDate, rawNumber, rawText } from "@/lib/db/raw";
import { CURRENT_RUN } from "@/lib/progress/runs";
import { isLatePolicy, type QuizDates } from "@/lib/sections/dates";
import { parseSectionSettings, type SectionSettings } from "./config";
import type { StudentFacts } from "./facts";

export type OwnAttempt = StudentFacts["attempts"][number] & {
  startedAt: Date;
  submittedAt: Date | null;
  deadlineAt: Date | null;
  autoSubmitted: boolean;
  keysRevealed: boolean;
};

export type OwnRecord = {
  facts: Omit<StudentFacts, "attempts"> & { attempts: OwnAttempt[] };
  certificate: { code: string; holderName: string; issuedAt: Date; revokedAt: Date | null; revokedReason: string | null; withdrawnAt: Date | null } | null;
  accommodation: { timeMultiplier: number; extraAttempts: number } | null;
  /** Scores of every answer in the student's graded attempts: mastery sums the best ones. */
  gradedAnswers: { attemptId: string; questionId: string; score: number | null }[];
  /** Each quiz's dates in the student's section, with their own extension (issue 14). */
  schedule: Map<string, QuizDates>;
  /** Each quiz's extra time and attempts from the student's extension for it (issue 14). */
  extensions: Map<string, { timeMultiplier: number; extraAttempts: number }>;
  /** The active section and its own rules (lib/course/rules.ts rulesFor), or null. */
  section: { id: string; settings: SectionSettings; timeZone: string } | null;
  /** Each assignment's due date in the student's section (issue 17). */
  assignmentDue: Map<string, Date>;
  /** How many past runs the student has (they started the course again; ADR 0017). */
  pastRuns: number;
  /** Every try at written work in this run, without its text (issue 17). */
  tries: { assignmentId: string; tryNumber: number; status: string }[];
};

type Slots = { kind: string; s1: unknown; s2: unknown; s3: unknown; n1: unknown; n2: unknown; b1: unknown; b2: unknown; b3: unknown; d1: unknown; d2: unknown; d3: unknown };

const { text: S, number: N, boolean: B, time: D } = emptySlot;
const num = asDouble;

function statement(userId: string, courseId: string) {
  const lessons = Prisma.sql`SELECT "id" FROM "Lesson" WHERE "courseId" = ${courseId}`;
  const quizzes = Prisma.sql`SELECT "id" FROM "Quiz" WHERE "courseId" = ${courseId}`;
  return Prisma.sql`
    SELECT 'lesson' AS "kind", "lessonId" AS "s1", ${S} AS "s2", ${S} AS "s3", ${N} AS "n1", ${N} AS "n2", ${B} AS "b1", ${B} AS "b2", ${B} AS "b3", "startedAt" AS "d1", "completedAt" AS "d2", ${D} AS "d3"
      FROM "LessonProgress" WHERE "userId" = ${userId} AND "pastRun" = ${CURRENT_RUN} AND "lessonId" IN (${lessons})
    UNION ALL
    SELECT 'attempt', "id", "quizId", "status", ${num(Prisma.sql`"percent"`)}, ${num(Prisma.sql`"attemptNumber"`)}, "passed", "autoSubmitted", "keysRevealed", "startedAt", "submittedAt", "deadlineAt"
      FROM "QuizAttempt" WHERE "userId" = ${userId} AND "pastRun" = ${CURRENT_RUN} AND "quizId" IN (${quizzes})
    UNION ALL
    SELECT 'self', ${S}, ${S}, ${S}, ${N}, ${N}, ${B}, ${B}, ${B}, ${D}, ${D}, ${D}
      FROM "SkillsSelfAssessment" WHERE "userId" = ${userId} AND "courseId" = ${courseId} AND "pastRun" = ${CURRENT_RUN}
    UNION ALL
    SELECT 'signoff', ${S}, ${S}, ${S}, ${N}, ${N}, ${B}, ${B}, ${B}, ${D}, ${D}, ${D}
      FROM "InstructorSignOff" WHERE "studentId" = ${userId} AND "courseId" = ${courseId} AND "pastRun" = ${CURRENT_RUN}
    UNION ALL
    SELECT 'ready', ${S}, ${S}, ${S}, ${N}, ${N}, ${B}, ${B}, ${B}, "reachedAt", ${D}, ${D}
      FROM "Readiness" WHERE "userId" = ${userId} AND "courseId" = ${courseId} AND "pastRun" = ${CURRENT_RUN}
    UNION ALL
    SELECT 'certificate', "code", "holderName", "revokedReason", ${N}, ${N}, ${B}, ${B}, ${B}, "issuedAt", "revokedAt", "withdrawnAt"
      FROM "Certificate" WHERE "userId" = ${userId} AND "courseId" = ${courseId} AND "pastRun" = ${CURRENT_RUN}
    UNION ALL
    SELECT 'accommodation', ${S}, ${S}, ${S}, ${num(Prisma.sql`"timeMultiplier"`)}, ${num(Prisma.sql`"extraAttempts"`)}, ${B}, ${B}, ${B}, ${D}, ${D}, ${D}
      FROM "Accommodation" WHERE "userId" = ${userId} AND "courseId" = ${courseId}
    UNION ALL
    SELECT 'answer', aa."attemptId", aa."questionId", ${S}, ${num(Prisma.sql`aa."score"`)}, ${N}, ${B}, ${B}, ${B}, ${D}, ${D}, ${D}
      FROM "AttemptAnswer" aa JOIN "QuizAttempt" qa ON qa."id" = aa."attemptId"
      WHERE qa."userId" = ${userId} AND qa."pastRun" = ${CURRENT_RUN} AND qa."status" = 'graded' AND qa."quizId" IN (${quizzes})
    UNION ALL
    SELECT 'section', e."sectionId", sec."settings", sec."timeZone", ${N}, ${N}, ${B}, ${B}, ${B}, ${D}, ${D}, ${D}
      FROM "Enrollment" e JOIN "Section" sec ON sec."id" = e."sectionId"
      WHERE e."userId" = ${userId} AND e."activeCourseId" = ${courseId}
    UNION ALL
    SELECT 'dates', d."quizId", d."latePolicy", sec."timeZone", ${N}, ${N}, ${B}, ${B}, ${B}, d."opensAt", d."dueAt", ${D}
      FROM "Enrollment" e JOIN "SectionQuizDates" d ON d."sectionId" = e."sectionId" JOIN "Section" sec ON sec."id" = e."sectionId"
      WHERE e."userId" = ${userId} AND e."activeCourseId" = ${courseId}
    UNION ALL
    SELECT 'adue', sa."assignmentId", ${S}, ${S}, ${N}, ${N}, ${B}, ${B}, ${B}, sa."dueAt", ${D}, ${D}
      FROM "Enrollment" e JOIN "SectionAssignment" sa ON sa."sectionId" = e."sectionId"
      WHERE e."userId" = ${userId} AND e."activeCourseId" = ${courseId} AND sa."dueAt" IS NOT NULL
    UNION ALL
    SELECT 'extension', x."quizId", ${S}, sec."timeZone", ${num(Prisma.sql`x."timeMultiplier"`)}, ${num(Prisma.sql`x."extraAttempts"`)}, ${B}, ${B}, ${B}, x."dueAt", ${D}, ${D}
      FROM "DueDateExtension" x LEFT JOIN "Enrollment" e ON e."userId" = x."userId" AND e."activeCourseId" = ${courseId} LEFT JOIN "Section" sec ON sec."id" = e."sectionId"
      WHERE x."userId" = ${userId} AND x."quizId" IN (${quizzes})
    UNION ALL
    SELECT 'try', sub."assignmentId", sub."status", ${S}, ${num(Prisma.sql`CASE WHEN g."releasedAt" IS NOT NULL THEN g."percent" END`)}, ${num(Prisma.sql`sub."tryNumber"`)}, ${B}, ${B}, ${B}, g."releasedAt", ${D}, ${D}
      FROM "AssignmentSubmission" sub LEFT JOIN "AssignmentGrade" g ON g."submissionId" = sub."id"
      WHERE sub."userId" = ${userId} AND sub."pastRun" = ${CURRENT_RUN} AND sub."assignmentId" IN (SELECT "id" FROM "Assignment" WHERE "courseId" = ${courseId})
    UNION ALL
    SELECT 'pastruns', ${S}, ${S}, ${S}, ${num(Prisma.sql`MAX("pastRun")`)}, ${N}, ${B}, ${B}, ${B}, ${D}, ${D}, ${D}
      FROM "Enrollment" WHERE "userId" = ${userId} AND "courseId" = ${courseId}`;
}

/** The student's own record in one statement, through any client. */
export async function readOwnRecord(client: Tx, courseId: string, userId: string): Promise<OwnRecord> {
  const rows = await client.$queryRaw<Slots[]>(statement(userId, courseId));
  const record: OwnRecord = {
    facts: { lessonRecords: new Map(), attempts: [], written: [], selfAssessed: false, signedOff: false, readyAt: null },
    certificate: null,
    accommodation: null,
    gradedAnswers: [],
    schedule: new Map(),
    extensions: new Map(),
    section: null,
    pastRuns: 0,
    tries: [],
    assignmentDue: new Map(),
  };
  const extensions: { quizId: string; dueAt: Date; timeZone: string }[] = [];
  for (const row of rows) {
    switch (row.kind) {
      case "lesson":
        record.facts.lessonRecords.set(String(row.s1), { startedAt: rawDate(row.d1), completedAt: rawDate(row.d2) });
        break;
      case "attempt":
        record.facts.attempts.push({
          id: String(row.s1),
          quizId: String(row.s2),
          status: String(row.s3),
          percent: rawNumber(row.n1),
          attemptNumber: rawNumber(row.n2)!,
          passed: rawBool(row.b1),
          autoSubmitted: rawBool(row.b2)!,
          keysRevealed: rawBool(row.b3)!,
          startedAt: rawDate(row.d1)!,
          submittedAt: rawDate(row.d2),
          deadlineAt: rawDate(row.d3),
        });
        break;
      case "self":
        record.facts.selfAssessed = true;
        break;
      case "signoff":
        record.facts.signedOff = true;
        break;
      case "ready":
        record.facts.readyAt = rawDate(row.d1);
        break;
      case "certificate":
        record.certificate = { code: String(row.s1), holderName: String(row.s2), revokedReason: rawText(row.s3), issuedAt: rawDate(row.d1)!, revokedAt: rawDate(row.d2), withdrawnAt: rawDate(row.d3) };
        break;
      case "accommodation":
        record.accommodation = { timeMultiplier: rawNumber(row.n1)!, extraAttempts: rawNumber(row.n2)! };
        break;
      case "answer":
        record.gradedAnswers.push({ attemptId: String(row.s1), questionId: String(row.s2), score: rawNumber(row.n1) });
        break;
      case "section":
        record.section = { id: String(row.s1), settings: parseSectionSettings(rawText(row.s2)), timeZone: rawText(row.s3) ?? "UTC" };
        break;
      case "dates":
        record.schedule.set(String(row.s1), {
          opensAt: rawDate(row.d1),
          dueAt: rawDate(row.d2),
          latePolicy: isLatePolicy(row.s2) ? row.s2 : "accept_late",
          extendedTo: null,
          timeZone: rawText(row.s3) ?? "UTC",
        });
        break;
      case "try": {
        const tryRow = { assignmentId: String(row.s1), tryNumber: rawNumber(row.n2)!, percent: rawNumber(row.n1), releasedAt: rawDate(row.d1) };
        record.tries.push({ assignmentId: tryRow.assignmentId, tryNumber: tryRow.tryNumber, status: String(row.s2) });
        // Released grades are facts (the same rows loadStudentFacts reads): a held grade's percent is not even read.
        if (tryRow.percent !== null && tryRow.releasedAt !== null) record.facts.written.push(tryRow);
        break;
      }
      case "adue": {
        const dueAt = rawDate(row.d1);
        if (dueAt) record.assignmentDue.set(String(row.s1), dueAt);
        break;
      }
      case "pastruns":
        record.pastRuns = rawNumber(row.n1) ?? 0;
        break;
      case "extension": {
        const dueAt = rawDate(row.d1);
        if (dueAt) extensions.push({ quizId: String(row.s1), dueAt, timeZone: rawText(row.s3) ?? "UTC" });
        record.extensions.set(String(row.s1), { timeMultiplier: rawNumber(row.n1) ?? 1, extraAttempts: rawNumber(row.n2) ?? 0 });
        break;
      }
    }
  }
  // An extension applies whether or not the section dated the quiz.
  for (const x of extensions) {
    const dated = record.schedule.get(x.quizId) ?? { opensAt: null, dueAt: null, latePolicy: "accept_late" as const, extendedTo: null, timeZone: x.timeZone };
    record.schedule.set(x.quizId, { ...dated, extendedTo: x.dueAt });
  }
  // The order every caller relies on (Prisma's readers sort the same way).
  record.facts.attempts.sort((a, b) => a.quizId.localeCompare(b.quizId) || a.attemptNumber - b.attemptNumber);
  record.facts.written.sort((a, b) => a.assignmentId.localeCompare(b.assignmentId) || a.tryNumber - b.tryNumber);
  return record;
}
