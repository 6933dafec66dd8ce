import "server-only";
// A student's own attempt with its saved answers, in ONE statement (issue 13: the attempt
// page, its reload and the confirm page send at most three; they sent six to thirteen).
// The attempt row and its answers share typed slots in a UNION ALL, as in
// lib/course/own-record.ts; both branches name the owner, so another student's attempt
// id yields nothing at all.
import { requestCache as cache } from "@/lib/http/request-cache";
import { Prisma } from "@/lib/generated/prisma/client";
import { db } from "@/lib/db";
import { asDouble, emptySlot } from "@/lib/db/dialect";
import { rawBool, rawDate, rawNumber } from "@/lib/db/raw";
import type { CurrentUser } from "@/lib/auth/session";
import { gradeAttempt } from "./grading";
import { layoutSchema, type AttemptLayout } from "./layout";
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
  /** 0: the current run; otherwise a past run's attempt, kept readable (ADR 0017). */
  pastRun: number;
  startedAt: Date;
  submittedAt: Date | null;
  deadlineAt: Date | null;
  answers: { questionId: string; response: string; score: number | null; correct: boolean | null }[];
};

type Slots = { kind: string; s1: unknown; s2: unknown; s3: unknown; n1: unknown; n2: unknown; n3: unknown; n4: unknown; n5: unknown; b1: unknown; b2: unknown; b3: unknown; d1: unknown; d2: unknown; d3: unknown };

const { text: S, number: N, boolean: B, time: D } = emptySlot;

async function readOwnAttempt(userId: string, attemptId: string): Promise<OwnAttemptRow | null> {
  const rows = await db.$queryRaw<Slots[]>`
    SELECT 'attempt' AS "kind", a."quizId" AS "s1", a."status" AS "s2", a."layout" AS "s3",
           ${asDouble(Prisma.sql`a."percent"`)} AS "n1", ${asDouble(Prisma.sql`a."score"`)} AS "n2", ${asDouble(Prisma.sql`a."maxScore"`)} AS "n3", ${asDouble(Prisma.sql`a."attemptNumber"`)} AS "n4", ${asDouble(Prisma.sql`a."pastRun"`)} AS "n5",
           a."passed" AS "b1", a."autoSubmitted" AS "b2", a."keysRevealed" AS "b3", a."startedAt" AS "d1", a."submittedAt" AS "d2", a."deadlineAt" AS "d3"
      FROM "QuizAttempt" a WHERE a."id" = ${attemptId} AND a."userId" = ${userId}
    UNION ALL
    SELECT 'answer', aa."questionId", aa."response", ${S}, ${asDouble(Prisma.sql`aa."score"`)}, ${N}, ${N}, ${N}, ${N}, aa."correct", ${B}, ${B}, ${D}, ${D}, ${D}
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
    pastRun: rawNumber(head.n5) ?? 0,
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
const openLayouts = new Map<string, { userId: string; layout: AttemptLayout }>();
const MAX_OPEN_LAYOUTS = 20_000;

function rememberOpenLayout(userId: string, attempt: Pick<OwnAttemptRow, "id" | "layout">) {
  if (openLayouts.size >= MAX_OPEN_LAYOUTS) openLayouts.clear();
  openLayouts.set(attempt.id, { userId, layout: layoutSchema.parse(JSON.parse(attempt.layout)) });
}

/** The layout of an open attempt of this user, when this instance has served it. */
export function knownOpenLayout(userId: string, attemptId: string): AttemptLayout | null {
  const known = openLayouts.get(attemptId);
  return known && known.userId === userId ? known.layout : null;
}

/** Forgets a layout once a save has found its attempt closed (the guarded write refuses it anyway). */
export function forgetOpenLayout(attemptId: string) {
  openLayouts.delete(attemptId);
}
