import "server-only";
import { db } from "@/lib/db";
import type { CurrentUser } from "@/lib/auth/session";
import { parseCourseConfig } from "@/lib/course/config";
import { passMarkFor } from "@/lib/course/rules";
import { getQuizOverview, loadOwnAttempt } from "./attempts";
import { keyOf, payloadOf } from "./columns";
import { layoutSchema } from "./layout";
import { reviewIsFinal } from "./reveal";
import { NOT_FOUND, type Result } from "./result";

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
  quiz: { slug: string; title: string; passMark: number };
  summary: { attemptNumber: number; percent: number; score: number; maxScore: number; passed: boolean; autoSubmitted: boolean; submittedAt: Date | null; startedAt: Date };
  attemptsLeft: number;
  revealKeys: boolean;
  /** The review is final: each question links to its lesson section, even without keys. */
  final: boolean;
  questions: ReviewedQuestion[];
}>> {
  const owned = await loadOwnAttempt(user, attemptId);
  if (!owned) return NOT_FOUND;
  const attempt = await db.quizAttempt.findUniqueOrThrow({
    where: { id: owned.id },
    select: {
      status: true, attemptNumber: true, percent: true, score: true, maxScore: true, passed: true, autoSubmitted: true, submittedAt: true, startedAt: true, layout: true, keysRevealed: true,
      quiz: { select: { slug: true, title: true, kind: true, reviewPolicy: true, maxAttempts: true, timeLimitSeconds: true, course: { select: { config: true } } } },
    },
  });
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
  const quiz = { slug: attempt.quiz.slug, title: attempt.quiz.title, passMark: passMarkFor(attempt.quiz, parseCourseConfig(attempt.quiz.course.config)) };
  if (attempt.status !== "graded") return { ok: true, graded: false, quiz, summary, attemptsLeft: 0, revealKeys: false, final: false, questions: [] };

  const overview = await getQuizOverview(user, attempt.quiz.slug);
  const attemptsLeft = overview?.attemptsLeft ?? 0;
  const everPassed = overview?.passed ?? summary.passed;
  // Keys and explanations only where grading released them (or after a pass, when no
  // attempt can follow), so an attempt granted later never meets an answer it was shown.
  const final = reviewIsFinal(attempt.quiz.reviewPolicy, everPassed, attemptsLeft);
  const revealKeys = final && (attempt.keysRevealed || everPassed);

  const layout = layoutSchema.parse(JSON.parse(attempt.layout));
  const ids = layout.map((l) => l.q);
  const [questions, answers] = await Promise.all([
    revealKeys
      ? db.question.findMany({ where: { id: { in: ids } }, select: { id: true, type: true, prompt: true, payload: true, answerKey: true, explanation: true, objective: true, lessonSection: true } })
      : final
        ? db.question.findMany({ where: { id: { in: ids } }, select: { id: true, type: true, prompt: true, payload: true, objective: true, lessonSection: true } })
        : db.question.findMany({ where: { id: { in: ids } }, select: { id: true, type: true, prompt: true, payload: true } }),
    db.attemptAnswer.findMany({ where: { attemptId: owned.id }, select: { questionId: true, response: true, score: true, correct: true } }),
  ]);
  const byId = new Map(questions.map((q) => [q.id, q]));
  const answerBy = new Map(answers.map((a) => [a.questionId, a]));
  return {
    ok: true,
    graded: true,
    quiz,
    summary,
    attemptsLeft,
    revealKeys,
    final,
    questions: layout.map((entry) => {
      const q = byId.get(entry.q)! as (typeof questions)[number] & { answerKey?: string; explanation?: string; objective?: string; lessonSection?: string };
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
