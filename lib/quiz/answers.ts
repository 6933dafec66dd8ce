import "server-only";
import { z } from "zod";
import { db } from "@/lib/db";
import { retryOnConflict } from "@/lib/db/retry";
import type { CurrentUser } from "@/lib/auth/session";
import { gradeAttempt, gradedSummary, type GradedSummary } from "./grading";
import { storedResponse } from "./aliases";
import { ANSWER_PROBLEMS } from "./problems";
import { boundedJsonSize } from "@/lib/http/json";
import { layoutSchema } from "./layout";
import { GRACE_SECONDS, isPastGrace } from "./policy";
import { forgetOpenLayout, getOwnAttempt, knownOpenLayout } from "./own-attempt";
import { lockRowsForShare, timeValue } from "@/lib/db/dialect";
import { randomUUID } from "node:crypto";
import { fail, NOT_FOUND, type Failure, type Result } from "./result";
import { isQuestionType, responseSchemas, type QuestionType } from "./types";
import { CLOSED_UNFINISHED } from "@/lib/progress/restart";
import { CURRENT_RUN } from "@/lib/progress/runs";

/** Largest answer payload accepted, in bytes of JSON. */
export const MAX_RESPONSE_BYTES = 4_096;

export const saveAnswerSchema = z.object({
  questionId: z.string().min(1).max(64),
  response: z.unknown(),
});

type LayoutEntry = { q: string; o: string[]; t: string[]; y?: string; a?: string[]; b?: string[] };

/**
 * Checks a response (naming the attempt's served aliases) against the question's shape
 * and the attempt's own options, and returns it in stored ids, ready to save.
 */
export function validateResponse(type: QuestionType, entry: LayoutEntry, raw: unknown): Result<{ response: unknown }> {
  const size = boundedJsonSize(raw, MAX_RESPONSE_BYTES);
  if (size === null) return fail(413, ANSWER_PROBLEMS.size);
  const parsed = responseSchemas[type].safeParse(raw);
  if (!parsed.success) return fail(400, `${ANSWER_PROBLEMS.shape} ${parsed.error.issues[0]?.message ?? ""}`.trim());
  const stored = storedResponse(type, parsed.data, entry);
  if (stored === null) return fail(400, ANSWER_PROBLEMS.option);
  const options = new Set(entry.o);
  const data = stored as Record<string, unknown>;
  switch (type) {
    case "single":
      if (!options.has(data.choice as string)) return fail(400, ANSWER_PROBLEMS.option);
      break;
    case "multiple": {
      const choices = data.choices as string[];
      if (choices.some((c) => !options.has(c))) return fail(400, ANSWER_PROBLEMS.option);
      if (new Set(choices).size !== choices.length) return fail(400, ANSWER_PROBLEMS.repeated);
      break;
    }
    case "matching": {
      const targets = new Set(entry.t);
      for (const [item, target] of Object.entries(data.matches as Record<string, string>)) {
        if (!options.has(item) || !targets.has(target)) return fail(400, ANSWER_PROBLEMS.match);
      }
      break;
    }
    case "ordering": {
      const order = data.order as string[];
      if (order.length !== options.size || new Set(order).size !== order.length || order.some((id) => !options.has(id)))
        return fail(400, ANSWER_PROBLEMS.positions);
      break;
    }
  }
  return { ok: true, response: stored };
}

const CLOSED = fail(409, "This attempt is already submitted. Time may have run out; your saved answers were graded.");

async function openAttempt(user: CurrentUser, attemptId: string): Promise<Result<{ layout: LayoutEntry[]; deadlineAt: Date | null }>> {
  const owned = await getOwnAttempt(user, attemptId);
  if (!owned) return NOT_FOUND;
  if (owned.status === CLOSED_UNFINISHED) return fail(409, "This attempt was closed when you started the course again in a new term; it was not graded.");
  if (owned.status !== "in_progress" || isPastGrace(owned.deadlineAt))
    return CLOSED;
  return { ok: true, layout: layoutSchema.parse(JSON.parse(owned.layout)), deadlineAt: owned.deadlineAt };
}

/** Autosave: stores one answer for an open attempt, after checking every part of it. */
export async function saveAnswer(user: CurrentUser, attemptId: string, body: unknown): Promise<Result<{ savedAt: Date }>> {
  const input = saveAnswerSchema.safeParse(body);
  if (!input.success) return fail(400, "Send a questionId and a response.");
  const { questionId, response } = input.data;
  // Fast path: this instance served the attempt, so its layout is known; the write itself
  // checks that the attempt is still open. Otherwise (or if it has closed) read it.
  const known = knownOpenLayout(user.id, attemptId);
  if (known) {
    const saved = await saveOne(attemptId, known, questionId, response);
    if (saved.ok || saved.status !== 409) return saved;
    forgetOpenLayout(attemptId);
  }
  const open = await openAttempt(user, attemptId);
  if (!open.ok) return open;
  return saveOne(attemptId, open.layout, questionId, response);
}

async function saveOne(attemptId: string, layout: LayoutEntry[], questionId: string, raw: unknown): Promise<Result<{ savedAt: Date }>> {
  const entry = layout.find((l) => l.q === questionId);
  if (!entry) return fail(400, ANSWER_PROBLEMS.question);
  const type = entry.y ?? (await db.question.findUniqueOrThrow({ where: { id: questionId }, select: { type: true } })).type;
  if (!isQuestionType(type)) return fail(400, "This question cannot be answered.");
  const valid = validateResponse(type, entry, raw);
  if (!valid.ok) return valid;
  const savedAt = new Date();
  const written = await retryOnConflict(() => upsertIfOpen(attemptId, questionId, JSON.stringify(valid.response), savedAt));
  return written ? { ok: true, savedAt } : CLOSED;
}

/**
 * Stores the answer only while the attempt is open (not submitted, deadline plus grace not
 * passed), in one statement: a save racing the submit or the deadline either lands before
 * grading reads the answers or changes nothing. Returns whether it wrote.
 */
async function upsertIfOpen(attemptId: string, questionId: string, response: string, savedAt: Date): Promise<boolean> {
  const cutoff = new Date(savedAt.getTime() - GRACE_SECONDS * 1000);
  const count = await db.$executeRaw`
    INSERT INTO "AttemptAnswer" ("id", "attemptId", "questionId", "response", "savedAt")
    SELECT ${randomUUID()}, ${attemptId}, ${questionId}, ${response}, ${timeValue(savedAt)}
     WHERE EXISTS (SELECT 1 FROM "QuizAttempt" WHERE "id" = ${attemptId} AND "status" = 'in_progress' AND "pastRun" = ${CURRENT_RUN} AND ("deadlineAt" IS NULL OR "deadlineAt" >= ${cutoff}) ${lockRowsForShare})
    ON CONFLICT ("attemptId", "questionId") DO UPDATE SET "response" = excluded."response", "savedAt" = excluded."savedAt"`;
  return count > 0;
}

/**
 * Saves several answers at once (the no-JavaScript form). Every answer is checked
 * first; if any is invalid nothing is saved and each problem is reported.
 */
export async function saveAnswers(
  user: CurrentUser,
  attemptId: string,
  responses: Map<string, unknown>,
): Promise<Result<{ saved: number }> | (Failure & { questionErrors?: Record<string, string> })> {
  const open = await openAttempt(user, attemptId);
  if (!open.ok) return open;
  const types = new Map((await db.question.findMany({ where: { id: { in: [...responses.keys()] } }, select: { id: true, type: true } })).map((q) => [q.id, q.type]));
  const questionErrors: Record<string, string> = {};
  for (const [questionId, raw] of responses) {
    const entry = open.layout.find((l) => l.q === questionId);
    const type = types.get(questionId);
    if (!entry || !type || !isQuestionType(type)) {
      questionErrors[questionId] = ANSWER_PROBLEMS.question;
      continue;
    }
    const valid = validateResponse(type, entry, raw);
    if (!valid.ok) questionErrors[questionId] = valid.message;
  }
  if (Object.keys(questionErrors).length) return { ...fail(400, "Some answers need fixing before they can be saved."), questionErrors };
  for (const [questionId, raw] of responses) {
    const saved = await saveOne(attemptId, open.layout, questionId, raw);
    if (!saved.ok) return saved;
  }
  return { ok: true, saved: responses.size };
}

/**
 * Submits for grading. Idempotent: a retry or double click returns the stored result.
 * After the deadline (plus grace) the attempt is graded with what was saved in time.
 */
export async function submitAttempt(user: CurrentUser, attemptId: string): Promise<Result<{ result: GradedSummary }>> {
  const owned = await getOwnAttempt(user, attemptId);
  if (!owned) return NOT_FOUND;
  if (owned.status === "in_progress") await gradeAttempt(owned.id, { auto: false });
  const result = await gradedSummary(owned.id);
  return result ? { ok: true, result } : fail(409, "This attempt could not be graded. Reload the page and try again.");
}
