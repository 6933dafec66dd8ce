import { db } from "@/lib/db";
import type { CurrentUser } from "@/lib/auth/session";
import { servedResponse } from "@/lib/quiz/aliases";
import { layoutSchema } from "@/lib/quiz/layout";
import { isQuestionType } from "@/lib/quiz/types";

/** The right response in stored ids, built from the question's key (tests only). */
export async function storedCorrectResponse(questionId: string): Promise<unknown> {
  const q = await db.question.findUniqueOrThrow({ where: { id: questionId }, select: { type: true, answerKey: true } });
  const key = JSON.parse(q.answerKey);
  switch (q.type) {
    case "single": return { choice: key.correct };
    case "multiple": return { choices: key.correct };
    case "true_false": return { value: key.answer };
    case "matching": return { matches: key.matches };
    case "ordering": return { order: key.order };
    default: return { text: key.accepted[0] };
  }
}

/** The right response as the student would send it: in the attempt's served aliases. */
export async function correctResponse(questionId: string, attemptId: string): Promise<unknown> {
  const row = await db.quizAttempt.findUniqueOrThrow({ where: { id: attemptId }, select: { layout: true } });
  const entry = layoutSchema.parse(JSON.parse(row.layout)).find((l) => l.q === questionId);
  const q = await db.question.findUniqueOrThrow({ where: { id: questionId }, select: { type: true } });
  if (!entry || !isQuestionType(q.type)) throw new Error(`question ${questionId} is not in attempt ${attemptId}`);
  return servedResponse(q.type, await storedCorrectResponse(questionId), entry);
}

export async function attemptQuestionIds(attemptId: string): Promise<string[]> {
  const row = await db.quizAttempt.findUniqueOrThrow({ where: { id: attemptId }, select: { layout: true } });
  return layoutSchema.parse(JSON.parse(row.layout)).map((l) => l.q);
}

export async function rowCounts() {
  const [attempts, answers, progress] = await Promise.all([db.quizAttempt.count(), db.attemptAnswer.count(), db.lessonProgress.count()]);
  return { attempts, answers, progress, answerRows: await db.attemptAnswer.findMany({ select: { id: true, response: true, savedAt: true }, orderBy: { id: "asc" } }) };
}

export type Student = CurrentUser;
