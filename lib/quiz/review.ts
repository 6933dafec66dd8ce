import "server-only";
import type { CurrentUser } from "@/lib/auth/session";
import { passMarkFor } from "@/lib/course/rules";
import { getOwnRules } from "@/lib/progress";
import { getQuizOverview } from "./attempts";
import { quizById, reviewQuestionRows } from "./definitions";
import { getOwnAttempt } from "./own-attempt";
import { keyOf, payloadOf } from "./columns";
import { layoutSchema } from "./layout";
import { reviewIsFinal } from "./reveal";
import { NOT_FOUND, type Result } from "./result";
import { CURRENT_RUN } from "@/lib/progress/runs";

export type ReviewedQuestion = {
  id: string;
  type: string;
  prompt: string;
  payload: Record<string, unknown>;
  order: string[];
  targets: string[];
  response: unknown;
  fraction: number;
  correct: boolean;
  /** Present only when the review releases keys (lib/quiz/reveal.ts). */
  key?: unknown;
  /** Present with the key. */
  explanation?: string;
  lessonHref?: string;
};

/**
 * The result of a graded attempt. Keys and explanations are read from the database
 * only when the policy allows revealing them, so they cannot leak otherwise.
 */
export async function getAttemptReview(user: CurrentUser, attemptId: string): Promise<Result<{
  graded: boolean;
  /** From a past run of the course (a term the student started again after). */
  pastRun: boolean;
  quiz: { slug: string; title: string; passMark: number };
  summary: { attemptNumber: number; percent: number; score: number; maxScore: number; passed: boolean; autoSubmitted: boolean; submittedAt: Date | null; startedAt: Date };
  attemptsLeft: number;
  revealKeys: boolean;
  /** The review is final: each question links to its lesson section, even without keys. */
  final: boolean;
  questions: ReviewedQuestion[];
}>> {
  const attempt = await getOwnAttempt(user, attemptId);
  if (!attempt) return NOT_FOUND;
  const [quizRow, rules] = await Promise.all([quizById(attempt.quizId), getOwnRules(user)]);
  if (!quizRow) return NOT_FOUND;
  const summary = {
    attemptNumber: attempt.attemptNumber,
    percent: attempt.percent ?? 0,
    score: attempt.score ?? 0,
    maxScore: attempt.maxScore ?? 0,
    passed: Boolean(attempt.passed),
    autoSubmitted: attempt.autoSubmitted,
    submittedAt: attempt.submittedAt,
    startedAt: attempt.startedAt,
  };
  // The mark the stored `passed` was derived from (a configuration change re-derives both).
  const quiz = { slug: quizRow.slug, title: quizRow.title, passMark: passMarkFor(quizRow, rules) };
  if (attempt.status !== "graded") return { ok: true, graded: false, pastRun: attempt.pastRun !== CURRENT_RUN, quiz, summary, attemptsLeft: 0, revealKeys: false, final: false, questions: [] };

  // A past run's attempt (the student started the course again) shows its totals only: the
  // current run may draw the same questions, and its responses marked right or wrong would
  // be their keys (ADR 0017).
  if (attempt.pastRun !== CURRENT_RUN) return { ok: true, graded: true, pastRun: true, quiz, summary, attemptsLeft: 0, revealKeys: false, final: false, questions: [] };
  const overview = await getQuizOverview(user, quizRow.slug);
  const attemptsLeft = overview?.attemptsLeft ?? 0;
  const everPassed = overview?.passed ?? summary.passed;
  // Keys and explanations only where grading released them (or after a pass, when no
  // attempt can follow), so an attempt granted later never meets an answer it was shown.
  const final = reviewIsFinal(overview?.limits.reviewPolicy ?? quizRow.reviewPolicy, everPassed, attemptsLeft);
  const revealKeys = final && (attempt.keysRevealed || everPassed);

  const layout = layoutSchema.parse(JSON.parse(attempt.layout));
  const ids = layout.map((l) => l.q);
  // Keys and explanations are copied below only when revealKeys, lesson links only when final.
  const questions = [...(await reviewQuestionRows(ids)).values()];
  const answers = attempt.answers;
  const byId = new Map(questions.map((q) => [q.id, q]));
  const answerBy = new Map(answers.map((a) => [a.questionId, a]));
  return {
    ok: true,
    graded: true,
    pastRun: false,
    quiz,
    summary,
    attemptsLeft,
    revealKeys,
    final,
    questions: layout.map((entry) => {
      const q = byId.get(entry.q)!;
      const a = answerBy.get(entry.q);
      return {
        id: q.id,
        type: q.type,
        prompt: q.prompt,
        payload: payloadOf(q),
        order: entry.o,
        targets: entry.t,
        response: a ? JSON.parse(a.response) : null,
        fraction: a?.score ?? 0,
        correct: Boolean(a?.correct),
        ...(revealKeys && q.answerKey ? { key: keyOf({ id: q.id, type: q.type, answerKey: q.answerKey }), explanation: q.explanation } : {}),
        ...(final && q.objective ? { lessonHref: `/lessons/${q.objective.split(".")[0]}#${q.lessonSection}` } : {}),
      };
    }),
  };
}
