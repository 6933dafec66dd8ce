import "server-only";
// A student's own attempt with its saved answers, in ONE statement (issue 13: the attempt
// page, its reload and the confirm page send at most three; they sent six to thirteen).
// The attempt row and its answers share typed slots in a UNION ALL, as in
// lib/course/own-record.ts; both branches name the owner, so another student's attempt
// id yields nothing at all.
import { requestCache as cache } from "@/lib/http/request-cache";
import { Prisma } from "@/lib/generated/prisma/client";
import { db } from "@/lib/db";
import { rawBool, rawDate, rawNumber } from "@/lib/db/raw";
import type { CurrentUser } from "@/lib/auth/session";
import { gradeAttempt } from "./grading";
import { isPastGrace } from "./policy";

export type OwnAttemptRow = {
  id: string;
  quizId: string;
  status: string;
  layout: string;
  attemptNumber: number;
  percent: number | null;
  score: number | null;
  maxScore: number | null;
  passed: boolean | null;
  autoSubmitted: boolean;
  keysRevealed: boolean;
  startedAt: Date;
  submittedAt: Date | null;
  deadlineAt: Date | null;
  answers: { questionId: string; response: string; score: number | null; correct: boolean | null }[];
};

type Slots = { kind: string; s1: unknown; s2: unknown; s3: unknown; n1: unknown; n2: unknown; n3: unknown; n4: unknown; b1: unknown; b2: unknown; b3: unknown; d1: unknown; d2: unknown; d3: unknown };

const S = Prisma.sql`CAST(NULL AS TEXT)`;
const N = Prisma.sql`CAST(NULL AS DOUBLE PRECISION)`;
const B = Prisma.sql`CAST(NULL AS BOOLEAN)`;
const D = Prisma.sql`CAST(NULL AS TIMESTAMP(3))`;

async function readOwnAttempt(userId: string, attemptId: string): Promise<OwnAttemptRow | null> {
  const rows = await db.$queryRaw<Slots[]>`
    SELECT 'attempt' AS "kind", a."quizId" AS "s1", a."status" AS "s2", a."layout" AS "s3",
           CAST(a."percent" AS DOUBLE PRECISION) AS "n1", CAST(a."score" AS DOUBLE PRECISION) AS "n2", CAST(a."maxScore" AS DOUBLE PRECISION) AS "n3", CAST(a."attemptNumber" AS DOUBLE PRECISION) AS "n4",
           a."passed" AS "b1", a."autoSubmitted" AS "b2", a."keysRevealed" AS "b3", a."startedAt" AS "d1", a."submittedAt" AS "d2", a."deadlineAt" AS "d3"
      FROM "QuizAttempt" a WHERE a."id" = ${attemptId} AND a."userId" = ${userId}
    UNION ALL
    SELECT 'answer', aa."questionId", aa."response", ${S}, CAST(aa."score" AS DOUBLE PRECISION), ${N}, ${N}, ${N}, aa."correct", ${B}, ${B}, ${D}, ${D}, ${D}
      FROM "AttemptAnswer" aa JOIN "QuizAttempt" a ON a."id" = aa."attemptId"
     WHERE a."id" = ${attemptId} AND a."userId" = ${userId}`;
  const head = rows.find((r) => r.kind === "attempt");
  if (!head) return null;
  return {
    id: attemptId,
    quizId: String(head.s1),
    status: String(head.s2),
    layout: String(head.s3),
    percent: rawNumber(head.n1),
    score: rawNumber(head.n2),
    maxScore: rawNumber(head.n3),
    attemptNumber: rawNumber(head.n4)!,
    passed: rawBool(head.b1),
    autoSubmitted: rawBool(head.b2)!,
    keysRevealed: rawBool(head.b3)!,
    startedAt: rawDate(head.d1)!,
    submittedAt: rawDate(head.d2),
    deadlineAt: rawDate(head.d3),
    answers: rows
      .filter((r) => r.kind === "answer")
      .map((r) => ({ questionId: String(r.s1), response: String(r.s2), score: rawNumber(r.n1), correct: rawBool(r.b1) })),
  };
}

/**
 * The attempt with its saved answers, only if it belongs to the user, read once per
 * request. An attempt whose deadline (plus grace) has passed is graded on touch first.
 */
export const getOwnAttempt = cache(async (user: CurrentUser, attemptId: string): Promise<OwnAttemptRow | null> => {
  if (typeof attemptId !== "string" || attemptId.length > 64) return null;
  const attempt = await readOwnAttempt(user.id, attemptId);
  if (attempt?.status === "in_progress") rememberOpenLayout(user.id, attempt);
  if (!attempt || attempt.status !== "in_progress" || !isPastGrace(attempt.deadlineAt)) return attempt;
  await gradeAttempt(attempt.id, { auto: true });
  return readOwnAttempt(user.id, attemptId);
});

// The layouts of open attempts this instance has served, by attempt id. A layout never
// changes once the attempt starts, so autosave can check an answer against it without
// reading the attempt again (issue 13: autosave in two round trips); whether the attempt
// is still open is checked by the write itself (lib/quiz/answers.ts). Per instance and
// bounded: a miss costs one read, nothing else.
const openLayouts = new Map<string, { userId: string; layout: string }>();
const MAX_OPEN_LAYOUTS = 20_000;

function rememberOpenLayout(userId: string, attempt: Pick<OwnAttemptRow, "id" | "layout">) {
  if (openLayouts.size >= MAX_OPEN_LAYOUTS) openLayouts.clear();
  openLayouts.set(attempt.id, { userId, layout: attempt.layout });
}

/** The layout of an open attempt of this user, when this instance has served it. */
export function knownOpenLayout(userId: string, attemptId: string): string | null {
  const known = openLayouts.get(attemptId);
  return known && known.userId === userId ? known.layout : null;
}

/** Forgets a layout once a save has found its attempt closed (the guarded write refuses it anyway). */
export function forgetOpenLayout(attemptId: string) {
  openLayouts.delete(attemptId);
}
