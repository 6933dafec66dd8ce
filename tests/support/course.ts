// Takes a student through the course with the real services (lessons, quizzes with
// correct answers), for tests that need a student far along. Used by integration
// tests and by the e2e helper CLI.
import type { CurrentUser } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { completeLesson } from "@/lib/progress";
import { saveAnswer, submitAttempt } from "@/lib/quiz/answers";
import { startAttempt } from "@/lib/quiz/attempts";
import { saveSelfAssessment } from "@/lib/readiness/self-assessment";
import { SKILLS } from "@/lib/readiness/skills";
import { attemptQuestionIds, correctResponse } from "./quiz";

export async function passQuiz(student: CurrentUser, slug: string) {
  const started = await startAttempt(student, slug);
  if (!started.ok) throw new Error(`start ${slug}: ${started.message}`);
  for (const questionId of await attemptQuestionIds(started.attemptId)) {
    const saved = await saveAnswer(student, started.attemptId, { questionId, response: await correctResponse(questionId, started.attemptId) });
    if (!saved.ok) throw new Error(`save ${slug}: ${saved.message}`);
  }
  const submitted = await submitAttempt(student, started.attemptId);
  if (!submitted.ok || !submitted.result.passed) throw new Error(`submit ${slug} did not pass`);
  return started.attemptId;
}

/** Every lesson complete and every lesson quiz passed; optionally the final too. */
export async function completeLessonsAndQuizzes(student: CurrentUser, { final = false } = {}) {
  const lessons = await db.lesson.findMany({ select: { slug: true, quiz: { select: { slug: true } } }, orderBy: { position: "asc" } });
  for (const lesson of lessons) {
    const done = await completeLesson(student, lesson.slug);
    if (!done.ok) throw new Error(`complete ${lesson.slug}: ${done.message}`);
    if (lesson.quiz) await passQuiz(student, lesson.quiz.slug);
  }
  if (final) {
    const finalQuiz = await db.quiz.findFirstOrThrow({ where: { kind: "final" }, select: { slug: true } });
    await passQuiz(student, finalQuiz.slug);
  }
}

export async function completeSelfAssessment(student: CurrentUser) {
  await saveSelfAssessment(student, { ratings: Object.fromEntries(SKILLS.map((s, i) => [s.key, (i % 5) + 1])), specialization: "family" });
}
