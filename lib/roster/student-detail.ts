import "server-only";
import { db } from "@/lib/db";
import { retryOnConflict } from "@/lib/db/retry";
import { recordAudit } from "@/lib/audit";
import type { CurrentUser } from "@/lib/auth/session";
import { getCourse } from "@/lib/progress";
import { keyOf, payloadOf } from "@/lib/quiz/columns";
import { layoutSchema } from "@/lib/quiz/layout";
import { effectiveLimits, type Accommodation } from "@/lib/quiz/policy";
import { getOwnRecord } from "@/lib/progress";
import { isLate } from "@/lib/sections/dates";
import type { CourseRules } from "@/lib/course/rules";
import { retakeNote, type RetakeNote } from "@/lib/quiz/reveal";
import type { ReviewedQuestion } from "@/lib/quiz/review";
import { getReadiness } from "@/lib/readiness";
import { canSeeStudent } from "@/lib/sections/scope";
import { CURRENT_RUN } from "@/lib/progress/runs";

/** Everything an instructor sees about one student. Null when there is no such student in the viewer's sections. */
export async function getStudentDetail(viewer: CurrentUser, studentId: string) {
  if (!(await canSeeStudent(viewer, studentId))) return null;
  const student = await db.user.findFirst({
    where: { id: studentId, role: "student", deletedAt: null },
    select: { id: true, name: true, email: true, createdAt: true, lastActiveAt: true },
  });
  if (!student) return null;
  const course = await getCourse();
  const asStudent: CurrentUser = { id: student.id, name: student.name, email: student.email, role: "student" };
  const [readiness, record, progress, attempts, accommodation, enrollments, extensions] = await Promise.all([
    // Read only: an instructor looking at a student never records or grades anything for them.
    getReadiness(asStudent, { readOnly: true }),
    // The same (request-cached) read readiness makes: the student's dates, for late marks.
    getOwnRecord(asStudent, false),
    db.lessonProgress.findMany({
      where: { userId: student.id, pastRun: CURRENT_RUN, completedAt: { not: null }, lesson: { courseId: course.id } },
      select: { completedAt: true, lesson: { select: { title: true, slug: true } } },
    }),
    db.quizAttempt.findMany({
      where: { userId: student.id, pastRun: CURRENT_RUN, quiz: { courseId: course.id } },
      select: {
        id: true, attemptNumber: true, status: true, startedAt: true, submittedAt: true, deadlineAt: true, percent: true, passed: true, autoSubmitted: true, layout: true, keysRevealed: true,
        quiz: { select: { id: true, title: true, slug: true, kind: true, maxAttempts: true, timeLimitSeconds: true, reviewPolicy: true, drawCount: true } },
        answers: { select: { questionId: true, response: true, score: true, correct: true } },
      },
      orderBy: { startedAt: "desc" },
    }),
    db.accommodation.findUnique({ where: { userId_courseId: { userId: student.id, courseId: course.id } }, select: { timeMultiplier: true, extraAttempts: true } }),
    db.enrollment.findMany({
      where: { userId: student.id, courseId: course.id },
      select: { startedAt: true, endedAt: true, endReason: true, pastRun: true, section: { select: { id: true, name: true } } },
      orderBy: { startedAt: "desc" },
    }),
    db.dueDateExtension.findMany({
      where: { userId: student.id, quiz: { courseId: course.id } },
      select: { quizId: true, dueAt: true, extraAttempts: true, timeMultiplier: true, quiz: { select: { title: true, position: true } } },
      orderBy: { quiz: { position: "asc" } },
    }),
  ]);
  const questionIds = [...new Set(attempts.flatMap((a) => layoutSchema.parse(JSON.parse(a.layout)).map((l) => l.q)))];
  const questions = new Map(
    (await db.question.findMany({ where: { id: { in: questionIds } }, select: { id: true, type: true, prompt: true, payload: true, answerKey: true, explanation: true } })).map((q) => [q.id, q]),
  );
  const detailedAttempts = attempts.map((a) => {
    const answers = new Map(a.answers.map((x) => [x.questionId, x]));
    const reviewed: ReviewedQuestion[] = layoutSchema.parse(JSON.parse(a.layout)).flatMap((entry) => {
      const q = questions.get(entry.q);
      if (!q) return [];
      const answer = answers.get(entry.q);
      return [{
        id: q.id, type: q.type, prompt: q.prompt, payload: payloadOf(q), order: entry.o, targets: entry.t,
        response: answer ? JSON.parse(answer.response) : null, fraction: answer?.score ?? 0, correct: Boolean(answer?.correct),
        key: keyOf(q), explanation: q.explanation,
      }];
    });
    const seconds = a.submittedAt ? Math.round((a.submittedAt.getTime() - a.startedAt.getTime()) / 1000) : null;
    return { id: a.id, quiz: a.quiz, attemptNumber: a.attemptNumber, status: a.status, startedAt: a.startedAt, submittedAt: a.submittedAt, deadlineAt: a.deadlineAt, percent: a.percent, passed: a.passed, autoSubmitted: a.autoSubmitted, late: isLate(a.submittedAt, record.schedule.get(a.quiz.id)), seconds, questions: reviewed };
  });
  const timeline = [
    ...progress.map((p) => ({ at: p.completedAt!, text: `Completed the lesson “${p.lesson.title}”` })),
    ...attempts.filter((a) => a.submittedAt).map((a) => ({ at: a.submittedAt!, text: `${a.quiz.title}, attempt ${a.attemptNumber}: ${a.percent}% (${a.passed ? "passed" : "not passed"}${a.autoSubmitted ? ", time ran out" : ""})` })),
    ...(readiness.reachedAt ? [{ at: readiness.reachedAt, text: "Became internship ready" }] : []),
  ].sort((x, y) => y.at.getTime() - x.at.getTime());
  const limits = accommodation ?? { timeMultiplier: 1, extraAttempts: 0 };
  const sections = enrollments.map((e) => ({ ...e.section, startedAt: e.startedAt, endedAt: e.endedAt, endReason: e.endReason, pastRun: e.pastRun }));
  return { student, readiness, attempts: detailedAttempts, timeline, accommodation: limits, retakeNotes: await retakeNotesFor(attempts, limits, new Map(extensions.map((x) => [x.quizId, x])), readiness.config), sections, extensions };
}

type AttemptForNotes = { status: string; passed: boolean | null; keysRevealed: boolean; layout: string; quiz: { id: string; title: string; kind: string; maxAttempts: number; timeLimitSeconds: number | null; reviewPolicy: string; drawCount: number | null } };

/**
 * For each quiz the student has used up without passing: what granting another attempt
 * would bring back (fresh questions, or ones whose explanations they have read).
 */
async function retakeNotesFor(attempts: AttemptForNotes[], accommodation: Accommodation, extensions: Map<string, Accommodation>, rules: CourseRules): Promise<RetakeNote[]> {
  const byQuiz = new Map<string, AttemptForNotes[]>();
  for (const a of attempts) byQuiz.set(a.quiz.id, [...(byQuiz.get(a.quiz.id) ?? []), a]);
  const usedUp = [...byQuiz.values()].filter((list) => !list.some((a) => a.passed) && list.length >= effectiveLimits(list[0].quiz, rules, accommodation, extensions.get(list[0].quiz.id) ?? null).maxAttempts);
  if (usedUp.length === 0) return [];
  const banks = await db.question.groupBy({ by: ["quizId"], where: { quizId: { in: usedUp.map((list) => list[0].quiz.id) }, retiredAt: null }, _count: { _all: true } });
  const bankSize = new Map(banks.map((b) => [b.quizId, b._count._all]));
  return usedUp.map((list) => {
    const quiz = list[0].quiz;
    const seen = new Set(list.filter((a) => a.keysRevealed).flatMap((a) => layoutSchema.parse(JSON.parse(a.layout)).map((l) => l.q)));
    return { quizTitle: quiz.title, text: retakeNote({ title: quiz.title, drawCount: quiz.drawCount, bankSize: bankSize.get(quiz.id) ?? 0 }, seen.size) };
  });
}

/**
 * Extra time (multiplier) and extra attempts on every quiz for one student, recorded in
 * the audit log. A field left out keeps its current value.
 */
export async function setAccommodation(viewer: CurrentUser, studentId: string, change: { timeMultiplier?: number; extraAttempts?: number }) {
  if (!(await canSeeStudent(viewer, studentId))) return { ok: false as const, message: "No such student." };
  const course = await getCourse();
  const after = await retryOnConflict(() => db.$transaction(async (tx) => {
    const key = { userId_courseId: { userId: studentId, courseId: course.id } };
    const before = (await tx.accommodation.findUnique({ where: key, select: { timeMultiplier: true, extraAttempts: true } })) ?? { timeMultiplier: 1, extraAttempts: 0 };
    // Only these two fields, whatever the caller passed.
    const next = { timeMultiplier: change.timeMultiplier ?? before.timeMultiplier, extraAttempts: change.extraAttempts ?? before.extraAttempts };
    await tx.accommodation.upsert({ where: key, create: { userId: studentId, courseId: course.id, ...next }, update: next, select: { id: true } });
    await recordAudit({ actorId: viewer.id, action: "accommodation.set", targetType: "User", targetId: studentId, detail: { before, after: next } }, tx);
    return next;
  }));
  return { ok: true as const, ...after };
}
