import "server-only";
import { cache } from "react";
import { db } from "@/lib/db";
import type { CurrentUser } from "@/lib/auth/session";
import { COURSE_SLUG } from "@/lib/course/constants";
import { refreshSummaries, touchActivity } from "@/lib/roster/summaries";
import { retryOnConflict } from "@/lib/db/retry";
import { buildOutline, previewOutline, type LessonRecord, type Outline, type OutlineQuiz, type QuizRecord } from "./outline";

/** How stale a student's "last active" time may get before a page view rewrites it. */
export const ACTIVITY_RESOLUTION_MS = 5 * 60_000;

// Rough reading-and-answering time per quiz question, for "time left".
const MINUTES_PER_QUESTION = 1;

export const getCourse = cache(async () => {
  const course = await db.course.findUnique({ where: { slug: COURSE_SLUG }, select: { id: true, title: true, config: true } });
  if (!course) throw new Error("The course is not seeded. Run `npm run seed` (npm start does this for you).");
  return course;
});

/** Lessons and quizzes in order, read once per request however many callers need them. */
export const getStructure = cache(async (courseId: string) => {
  const [lessons, quizzes] = await Promise.all([
    db.lesson.findMany({
      where: { courseId },
      select: { id: true, slug: true, title: true, summary: true, estimatedMinutes: true, objectives: true },
      orderBy: { position: "asc" },
    }),
    db.quiz.findMany({
      where: { courseId },
      select: { id: true, slug: true, title: true, kind: true, lessonId: true, drawCount: true, timeLimitSeconds: true, _count: { select: { questions: { where: { retiredAt: null } } } } },
      orderBy: { position: "asc" },
    }),
  ]);
  const outlineQuizzes: (OutlineQuiz & { kind: string })[] = quizzes.map((q) => ({
    id: q.id,
    slug: q.slug,
    title: q.title,
    kind: q.kind,
    lessonId: q.lessonId,
    estimatedMinutes: q.timeLimitSeconds ? Math.ceil(q.timeLimitSeconds / 60) : (q.drawCount ?? q._count.questions) * MINUTES_PER_QUESTION,
  }));
  return { lessons, quizzes: outlineQuizzes };
});

/** The student's outline: every lesson and quiz with its status, percent and next step. */
export const getOutline = cache(async (user: CurrentUser): Promise<Outline> => {
  const course = await getCourse();
  const { lessons, quizzes } = await getStructure(course.id);
  const [progress, attempts] = await Promise.all([
    db.lessonProgress.findMany({
      where: { userId: user.id, lesson: { courseId: course.id } },
      select: { lessonId: true, startedAt: true, completedAt: true },
    }),
    db.quizAttempt.groupBy({
      by: ["quizId", "status", "passed"],
      where: { userId: user.id, quiz: { courseId: course.id } },
      _count: { _all: true },
    }),
  ]);
  if (user.role === "instructor") return previewOutline(lessons, quizzes);
  const lessonRecords = new Map<string, LessonRecord>(progress.map((p) => [p.lessonId, p]));
  const quizRecords = new Map<string, QuizRecord>();
  for (const row of attempts) {
    const record = quizRecords.get(row.quizId) ?? { passed: false, inProgress: false, attemptsUsed: 0 };
    record.attemptsUsed += row._count._all;
    if (row.status === "in_progress") record.inProgress = true;
    if (row.passed) record.passed = true;
    quizRecords.set(row.quizId, record);
  }
  return buildOutline(lessons, quizzes, lessonRecords, quizRecords);
});

export type LessonView =
  | { state: "missing" }
  | { state: "locked"; title: string; reason: string; href: string }
  | {
      state: "open";
      lesson: { id: string; slug: string; title: string; summary: string; body: string; contentHash: string; estimatedMinutes: number; objectives: string; position: number };
      completedAt: Date | null;
      outline: Outline;
    };

/**
 * A lesson for the asking user. A locked lesson's body is never loaded, so it cannot
 * leak into any response; the caller gets only what to finish first.
 */
export async function getLessonView(user: CurrentUser, slug: string): Promise<LessonView> {
  const outline = await getOutline(user);
  const step = outline.steps.find((s) => s.kind === "lesson" && s.slug === slug);
  if (!step) return { state: "missing" };
  if (step.status === "locked") {
    const unlockAt = outline.next ?? outline.steps[0];
    return { state: "locked", title: step.title, reason: step.lockedReason ?? "Finish the earlier steps first.", href: unlockAt.href };
  }
  const lesson = await db.lesson.findUniqueOrThrow({
    where: { id: step.id },
    select: { id: true, slug: true, title: true, summary: true, body: true, contentHash: true, estimatedMinutes: true, objectives: true, position: true },
  });
  let completedAt: Date | null = null;
  if (user.role === "student") completedAt = await recordVisit(user.id, lesson.id);
  return { state: "open", lesson, completedAt, outline };
}

/** Marks the lesson started (once) and visited (every time); returns its completion time. */
async function recordVisit(userId: string, lessonId: string): Promise<Date | null> {
  const now = new Date();
  const row = await retryOnConflict(() =>
    db.lessonProgress.upsert({
      where: { userId_lessonId: { userId, lessonId } },
      create: { userId, lessonId, startedAt: now, lastVisitedAt: now },
      update: { lastVisitedAt: now },
      select: { completedAt: true },
    }),
  );
  // "Last active" is shown by the day and the at-risk rule counts days, so a write per
  // page view would only add lock traffic: record activity at most every few minutes.
  const staleBefore = new Date(now.getTime() - ACTIVITY_RESOLUTION_MS);
  const { count } = await db.user.updateMany({
    where: { id: userId, OR: [{ lastActiveAt: null }, { lastActiveAt: { lt: staleBefore } }] },
    data: { lastActiveAt: now },
  });
  if (count > 0) await touchActivity(userId, now);
  return row.completedAt;
}

export type CompleteResult = { ok: true; completedAt: Date; alreadyComplete: boolean } | { ok: false; message: string };

/**
 * Records completion once: a double click or a replayed request finds the row already
 * complete and changes nothing. Only an unlocked lesson can be completed.
 */
export async function completeLesson(user: CurrentUser, slug: string): Promise<CompleteResult> {
  if (user.role !== "student") return { ok: false, message: "Only students record progress." };
  const outline = await getOutline(user);
  const step = outline.steps.find((s) => s.kind === "lesson" && s.slug === slug);
  if (!step) return { ok: false, message: "That lesson does not exist." };
  if (step.status === "locked") return { ok: false, message: step.lockedReason ?? "This lesson is locked." };
  const lesson = await db.lesson.findUniqueOrThrow({ where: { id: step.id }, select: { id: true, contentHash: true } });
  const now = new Date();
  const key = { userId: user.id, lessonId: lesson.id };
  await retryOnConflict(() =>
    db.lessonProgress.upsert({
      where: { userId_lessonId: key },
      create: { ...key, startedAt: now, lastVisitedAt: now },
      update: {},
      select: { id: true },
    }),
  );
  // Conditional update: of any number of concurrent calls, exactly one sets the time.
  const { count } = await db.lessonProgress.updateMany({
    where: { ...key, completedAt: null },
    data: { completedAt: now, completedHash: lesson.contentHash, lastVisitedAt: now },
  });
  const row = await db.lessonProgress.findUniqueOrThrow({ where: { userId_lessonId: key }, select: { completedAt: true } });
  if (count > 0) await refreshSummaries([user.id]);
  return { ok: true, completedAt: row.completedAt!, alreadyComplete: count === 0 };
}

/** Lesson titles by slug, for links from the glossary. */
export async function getLessonTitles(): Promise<Map<string, string>> {
  const course = await getCourse();
  const lessons = await db.lesson.findMany({ where: { courseId: course.id }, select: { slug: true, title: true } });
  return new Map(lessons.map((l) => [l.slug, l.title]));
}
