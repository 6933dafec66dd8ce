import "server-only";
import { db } from "@/lib/db";
import { isUniqueViolation } from "@/lib/db/retry";
import type { CurrentUser } from "@/lib/auth/session";
import { bestPercent, passMarkFor } from "@/lib/course/rules";
import { getOutline, getOwnRecord, getOwnRules } from "@/lib/progress";
import { payloadOf } from "./columns";
import { activeBank, quizById, quizBySlug, servedQuestionRows } from "./definitions";
import { getOwnAttempt } from "./own-attempt";
import { servedOrder, servedPayload, servedResponse } from "./aliases";
import { isQuestionType } from "./types";
import { drawQuestions, layoutFor, layoutSchema } from "./layout";
import { deadlineFor, effectiveLimits } from "./policy";
import { drawableBank } from "./reveal";
import { attemptDeadline, availability, formatForPerson } from "@/lib/sections/dates";
import { fail, NOT_FOUND, type Result } from "./result";
import { CURRENT_RUN } from "@/lib/progress/runs";

export type QuizOverview = Awaited<ReturnType<typeof getQuizOverview>>;

/**
 * Everything the quiz's landing page shows, from the request's one read of the student's
 * record (attempts whose time ran out are graded by that read). Never loads questions or keys.
 */
export async function getQuizOverview(user: CurrentUser, slug: string) {
  const quiz = await quizBySlug(slug);
  if (!quiz) return null;
  const [outline, record, rules] = await Promise.all([getOutline(user), getOwnRecord(user), getOwnRules(user)]);
  const attempts = record.facts.attempts.filter((a) => a.quizId === quiz.id).sort((a, b) => a.attemptNumber - b.attemptNumber);
  const step = outline.steps.find((s) => s.kind === "quiz" && s.id === quiz.id);
  // The quiz's limits under the student's section rules, plus their accommodation and extension.
  const limits = effectiveLimits(quiz, rules, record.accommodation, record.extensions.get(quiz.id) ?? null);
  const graded = attempts.filter((a) => a.status === "graded");
  const passed = graded.some((a) => a.passed);
  // The section's dates, decided here on the server (lib/sections/dates.ts).
  const dates = record.schedule.get(quiz.id);
  const when = availability(dates, new Date());
  const zone = dates?.timeZone ?? "UTC";
  return {
    dates,
    availability: when,
    /** Why no attempt may start now because of the dates, or null. */
    closed:
      when.state === "not_open"
        ? `This quiz opens on ${formatForPerson(when.opensAt, zone, user.timeZone)}.`
        : when.state === "closed"
          ? `This quiz closed on ${formatForPerson(when.due, zone, user.timeZone)}. Ask your instructor if you need an extension.`
          : null,
    // In the section's zone, and in the student's own where they set a different one.
    dueText: "due" in when && when.due ? formatForPerson(when.due, zone, user.timeZone) : null,
    quiz: { ...quiz, questionCount: quiz.drawCount ?? quiz._count.questions, passMark: passMarkFor(quiz, rules) },
    locked: step?.status === "locked" ? (step.lockedReason ?? "Finish the earlier steps first.") : null,
    limits,
    attempts,
    inProgress: attempts.find((a) => a.status === "in_progress") ?? null,
    attemptsLeft: Math.max(0, limits.maxAttempts - attempts.length),
    bestPercent: bestPercent(graded),
    passed,
  };
}

/** The questions earlier attempts showed, and those among them whose keys a review revealed. */
async function questionsShown(attempts: { id: string; keysRevealed: boolean }[]): Promise<{ shown: Set<string>; keysSeen: Set<string> }> {
  const shown = new Set<string>();
  const keysSeen = new Set<string>();
  if (attempts.length === 0) return { shown, keysSeen };
  const revealed = new Set(attempts.filter((a) => a.keysRevealed).map((a) => a.id));
  const rows = await db.quizAttempt.findMany({ where: { id: { in: attempts.map((a) => a.id) } }, select: { id: true, layout: true } });
  for (const row of rows)
    for (const { q } of layoutSchema.parse(JSON.parse(row.layout))) {
      shown.add(q);
      if (revealed.has(row.id)) keysSeen.add(q);
    }
  return { shown, keysSeen };
}

/**
 * Starts (or resumes) an attempt. The server fixes the questions, their order and the
 * deadline here. The attempt limit holds under concurrency because attempt numbers are
 * unique per user and quiz: two racing starts cannot both take the same number.
 */
export async function startAttempt(user: CurrentUser, slug: string): Promise<Result<{ attemptId: string; resumed: boolean }>> {
  if (user.role !== "student") return fail(403, "Only students take quizzes. Preview the questions from the instructor pages.");
  const overview = await getQuizOverview(user, slug);
  if (!overview) return fail(404, "We could not find that quiz.");
  if (overview.locked) return fail(409, overview.locked);
  if (overview.inProgress) return { ok: true, attemptId: overview.inProgress.id, resumed: true };
  if (overview.passed) return fail(409, "You have passed this quiz; your best score counts. There is nothing more to do here.");
  if (overview.closed) return fail(409, overview.closed);
  if (overview.attemptsLeft <= 0) return fail(409, "You have used all your attempts for this quiz. Ask your instructor if you need another.");

  const { quiz, limits } = overview;
  const questions = await activeBank(quiz.id);
  const { shown, keysSeen } = await questionsShown(overview.attempts);
  const drawable = drawableBank(questions, keysSeen, quiz.drawCount);
  if (!drawable) return fail(409, "You have already been shown this quiz's answers, so another attempt cannot start. Ask your instructor.");
  const layout = layoutFor(drawQuestions(drawable, quiz.drawCount, undefined, shown));
  const attemptNumber = Math.max(0, ...overview.attempts.map((a) => a.attemptNumber)) + 1;
  if (attemptNumber > limits.maxAttempts) return fail(409, "You have used all your attempts for this quiz.");
  const startedAt = new Date();
  try {
    const created = await db.quizAttempt.create({
      data: {
        userId: user.id,
        quizId: quiz.id,
        attemptNumber,
        layout: JSON.stringify(layout),
        startedAt,
        // Kept with the attempt (0: none), so a later change of rules leaves it as it began.
        timeLimitSeconds: limits.timeLimitSeconds ?? 0,
        // The time limit, and the due date where the quiz closes then: the server ends the attempt.
        deadlineAt: attemptDeadline(deadlineFor(startedAt, limits.timeLimitSeconds), overview.dates),
      },
      select: { id: true },
    });
    return { ok: true, attemptId: created.id, resumed: false };
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    // A concurrent start took this number first: resume that attempt instead.
    const winner = await db.quizAttempt.findFirst({ where: { userId: user.id, quizId: quiz.id, pastRun: CURRENT_RUN, status: "in_progress" }, select: { id: true } });
    return winner ? { ok: true, attemptId: winner.id, resumed: true } : fail(409, "Another attempt was just started. Reload the page.");
  }
}

export type PublicQuestion = { id: string; type: string; prompt: string; payload: Record<string, unknown>; order: string[]; targets: string[] };

/**
 * What a student sees while taking an attempt: prompts and options in the attempt's
 * order, and their saved responses. The select names no key or explanation column.
 */
export async function getAttemptForTaking(user: CurrentUser, attemptId: string): Promise<Result<{
  attempt: { id: string; status: string; attemptNumber: number; deadlineAt: Date | null; quiz: { slug: string; title: string; kind: string } };
  questions: PublicQuestion[];
  responses: Record<string, unknown>;
}>> {
  const owned = await getOwnAttempt(user, attemptId);
  if (!owned) return NOT_FOUND;
  // A past run's questions with its responses and totals would say which answers were right
  // while the new run takes the same quiz (ADR 0017).
  if (owned.pastRun !== CURRENT_RUN) return fail(409, "This attempt is from an earlier term of the course. Its questions and your answers stay hidden while you take the course again.");
  const quiz = await quizById(owned.quizId);
  if (!quiz) return NOT_FOUND;
  const attempt = { id: owned.id, status: owned.status, attemptNumber: owned.attemptNumber, deadlineAt: owned.deadlineAt, quiz: { slug: quiz.slug, title: quiz.title, kind: quiz.kind } };
  const layout = layoutSchema.parse(JSON.parse(owned.layout));
  const byId = await servedQuestionRows(layout.map((l) => l.q));
  const entryById = new Map(layout.map((entry) => [entry.q, { layout: entry, type: byId.get(entry.q)?.type ?? "" }]));
  const answers = owned.answers;
  return {
    ok: true,
    attempt,
    // Options go out under this attempt's aliases, listed in its display order, and saved
    // responses are renamed to match: nothing served can be traced to a stored id.
    questions: layout.map((entry) => {
      const row = byId.get(entry.q)!;
      return { id: row.id, type: row.type, prompt: row.prompt, payload: servedPayload(payloadOf(row), entry), ...servedOrder(entry) };
    }),
    responses: Object.fromEntries(
      answers.flatMap((a) => {
        const entry = entryById.get(a.questionId);
        return entry && isQuestionType(entry.type) ? [[a.questionId, servedResponse(entry.type, JSON.parse(a.response), entry.layout)]] : [];
      }),
    ),
  };
}
