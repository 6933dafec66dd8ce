import "server-only";
import { db, type Tx } from "@/lib/db";
import { retryOnConflict } from "@/lib/db/retry";
import { recordStudentChanges } from "@/lib/course/record";
import { passMarkFor, quizPolicyFor, type CourseRules } from "@/lib/course/rules";
import { rulesOfStudent } from "@/lib/course/student-rules";
import { gradeResponse, scoreAttempt } from "./grade";
import { layoutSchema } from "./layout";
import { effectiveLimits } from "./policy";
import { keysReleasedAtGrading, reviewIsFinal } from "./reveal";
import { isQuestionType } from "./types";
import { CURRENT_RUN } from "@/lib/progress/runs";

const TX_OPTIONS = { maxWait: 15_000, timeout: 15_000 };

export type GradedSummary = { attemptId: string; score: number; maxScore: number; percent: number; passed: boolean; autoSubmitted: boolean };

/**
 * Grades an in-progress attempt in one transaction with its state change. The update
 * that flips the status is conditional (status = in_progress), so of any number of
 * concurrent calls exactly one grades; the rest find it graded and change nothing.
 * Readiness and the roster summary are recorded in the same transaction: a failure
 * anywhere rolls the grade back too, so they can never disagree.
 */
export async function gradeAttempt(attemptId: string, { auto }: { auto: boolean }): Promise<void> {
  await retryOnConflict(() => db.$transaction(async (tx) => {
    // Take the attempt's row first: an autosave racing this grading waits for it and then
    // finds the attempt closed, or commits first and is read below (lib/quiz/answers.ts).
    await tx.$executeRaw`UPDATE "QuizAttempt" SET "status" = "status" WHERE "id" = ${attemptId} AND "status" = 'in_progress' AND "pastRun" = ${CURRENT_RUN}`;
    const attempt = await tx.quizAttempt.findUnique({
      where: { id: attemptId },
      select: {
        userId: true, status: true, pastRun: true, layout: true, deadlineAt: true,
        quiz: { select: { id: true, kind: true, courseId: true, reviewPolicy: true, maxAttempts: true, timeLimitSeconds: true, drawCount: true } },
      },
    });
    // Only the current run's attempts are graded (a past run's open one was closed, ADR 0017).
    if (!attempt || attempt.status !== "in_progress" || attempt.pastRun !== CURRENT_RUN) return null;
    const layout = layoutSchema.parse(JSON.parse(attempt.layout));
    const questions = await tx.question.findMany({
      where: { id: { in: layout.map((l) => l.q) } },
      select: { id: true, type: true, answerKey: true, points: true },
    });
    const answers = await tx.attemptAnswer.findMany({ where: { attemptId }, select: { id: true, questionId: true, response: true } });
    const answerByQuestion = new Map(answers.map((a) => [a.questionId, a]));
    const optionsByQuestion = new Map(layout.map((l) => [l.q, l.o]));

    const graded = questions.map((q) => {
      const answer = answerByQuestion.get(q.id);
      const type = isQuestionType(q.type) ? q.type : "single";
      const result = gradeResponse(type, JSON.parse(q.answerKey), answer ? JSON.parse(answer.response) : null, optionsByQuestion.get(q.id));
      return { question: q, answer, ...result };
    });
    // The student's rules: their section's pass mark and review policy, within the course's bounds.
    const rules = await rulesOfStudent(tx, attempt.quiz.courseId, attempt.userId);
    const totals = scoreAttempt(graded.map((g) => ({ points: g.question.points, fraction: g.fraction })), passMarkFor(attempt.quiz, rules));
    const keysRevealed = await releasesKeys(tx, attempt.userId, attempt.quiz, rules, totals.passed, layout.map((l) => l.q));
    const now = new Date();
    const claimed = await tx.quizAttempt.updateMany({
      where: { id: attemptId, status: "in_progress", pastRun: CURRENT_RUN },
      data: {
        status: "graded",
        gradedAt: now,
        submittedAt: auto && attempt.deadlineAt ? attempt.deadlineAt : now,
        autoSubmitted: auto,
        keysRevealed,
        ...totals,
      },
    });
    if (claimed.count === 0) return null;
    // One statement per distinct outcome (usually right, wrong, and a partial credit or
    // two) instead of one per answer: fewer round trips while the transaction is open.
    const byOutcome = new Map<string, { score: number; correct: boolean; ids: string[] }>();
    for (const g of graded) {
      if (!g.answer) continue;
      const key = `${g.fraction}:${g.correct}`;
      const group = byOutcome.get(key) ?? { score: g.fraction, correct: g.correct, ids: [] };
      group.ids.push(g.answer.id);
      byOutcome.set(key, group);
    }
    for (const group of byOutcome.values()) {
      await tx.attemptAnswer.updateMany({ where: { id: { in: group.ids }, attemptId }, data: { score: group.score, correct: group.correct } });
    }
    // Unanswered questions get a row too, so item statistics count omissions.
    const missing = graded.filter((g) => !g.answer);
    if (missing.length) {
      await tx.attemptAnswer.createMany({
        data: missing.map((g) => ({ attemptId, questionId: g.question.id, response: "null", score: 0, correct: false })),
      });
    }
    await recordStudentChanges(tx, [attempt.userId]);
    return attempt.userId;
  }, TX_OPTIONS));
}

type GradedQuiz = { id: string; kind: string; courseId: string; reviewPolicy: string; maxAttempts: number; timeLimitSeconds: number | null; drawCount: number | null };

/**
 * Whether this attempt's review may show its answer key (lib/quiz/reveal.ts), decided
 * once, inside the grading transaction. A pass needs no reads; a failure reads the
 * student's limit and earlier attempts only for a quiz that draws from a larger bank.
 */
async function releasesKeys(tx: Tx, userId: string, quiz: GradedQuiz, rules: CourseRules, passed: boolean, questionIds: string[]): Promise<boolean> {
  const { reviewPolicy } = quizPolicyFor(quiz, rules);
  if (passed || reviewPolicy === "never") return keysReleasedAtGrading({ policy: reviewPolicy, passed, attemptsLeft: 0, drawCount: null, bankSize: 0, keysSeen: 0 });
  // A failed attempt at a whole-bank quiz never releases keys: any retake repeats them.
  if (quiz.drawCount === null) return false;
  const [accommodation, extension, attempts] = await Promise.all([
    tx.accommodation.findUnique({ where: { userId_courseId: { userId, courseId: quiz.courseId } }, select: { timeMultiplier: true, extraAttempts: true } }),
    tx.dueDateExtension.findUnique({ where: { userId_quizId: { userId, quizId: quiz.id } }, select: { timeMultiplier: true, extraAttempts: true } }),
    tx.quizAttempt.findMany({ where: { userId, quizId: quiz.id, pastRun: CURRENT_RUN }, select: { keysRevealed: true, layout: true } }),
  ]);
  const attemptsLeft = effectiveLimits(quiz, rules, accommodation, extension).maxAttempts - attempts.length;
  if (!reviewIsFinal(reviewPolicy, passed, attemptsLeft)) return false;
  const seen = new Set(questionIds);
  for (const earlier of attempts) if (earlier.keysRevealed) for (const entry of layoutSchema.parse(JSON.parse(earlier.layout))) seen.add(entry.q);
  const bankSize = await tx.question.count({ where: { quizId: quiz.id, retiredAt: null } });
  return keysReleasedAtGrading({ policy: reviewPolicy, passed, attemptsLeft, drawCount: quiz.drawCount, bankSize, keysSeen: seen.size });
}

/** The stored grade; the same answer however many times it is asked. */
export async function gradedSummary(attemptId: string): Promise<GradedSummary | null> {
  const row = await db.quizAttempt.findUnique({
    where: { id: attemptId },
    select: { id: true, status: true, score: true, maxScore: true, percent: true, passed: true, autoSubmitted: true },
  });
  if (!row || row.status !== "graded") return null;
  return { attemptId: row.id, score: row.score ?? 0, maxScore: row.maxScore ?? 0, percent: row.percent ?? 0, passed: Boolean(row.passed), autoSubmitted: row.autoSubmitted };
}
