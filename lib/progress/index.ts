import "server-only";
import { requestCache as cache } from "@/lib/http/request-cache";
import { db } from "@/lib/db";
import type { CurrentUser } from "@/lib/auth/session";
import { loadStudentFacts, outlineOf } from "@/lib/course/facts";
import { recordStudentChanges } from "@/lib/course/record";
import { getCourse, getStructure, VersionedCache } from "@/lib/course/structure";
import { touchActivity } from "@/lib/roster/summaries";
import { retryOnConflict } from "@/lib/db/retry";
import { previewOutline, type Outline } from "./outline";

/** How stale a student's "last active" time may get before a page view rewrites it. */
export const ACTIVITY_RESOLUTION_MS = 5 * 60_000;

export { getCourse, getStructure };

/** The student's progress and attempts, read once per request for the outline and readiness alike. */
export const getOwnFacts = cache(async (user: CurrentUser) => {
  const course = await getCourse();
  return (await loadStudentFacts(db, course.id, [user.id], { milestones: false })).get(user.id)!;
});

/** The student's outline: every lesson and quiz with its status, percent and next step. */
export const getOutline = cache(async (user: CurrentUser): Promise<Outline> => {
  const course = await getCourse();
  const structure = await getStructure(course.id);
  if (user.role === "instructor") return previewOutline(structure.lessons, structure.quizzes);
  return outlineOf(structure, await getOwnFacts(user));
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
  const lesson = await lessonContent(step.id);
  if (user.role !== "student") return { state: "open", lesson, completedAt: null, outline };
  // The request already read the student's progress rows (the outline did).
  const record = (await getOwnFacts(user)).lessonRecords.get(lesson.id);
  await recordVisit(user.id, lesson.id, record !== undefined);
  return { state: "open", lesson, completedAt: record?.completedAt ?? null, outline };
}

const lessonBodies = new VersionedCache<Map<string, LessonContent>>();
type LessonContent = Extract<LessonView, { state: "open" }>["lesson"];

/** A lesson's text, from process memory for the current content version (see getStructure). */
async function lessonContent(lessonId: string): Promise<LessonContent> {
  const course = await getCourse();
  const bodies = await lessonBodies.get(`${course.id}:${course.contentHash}`, async () => new Map());
  const known = bodies.get(lessonId);
  if (known) return known;
  const lesson = await db.lesson.findUniqueOrThrow({
    where: { id: lessonId },
    select: { id: true, slug: true, title: true, summary: true, body: true, contentHash: true, estimatedMinutes: true, objectives: true, position: true },
  });
  bodies.set(lessonId, lesson);
  return lesson;
}

// When this instance last wrote a visit or activity, so repeated views within the interval
// cost no write and no query. Per instance: another instance may write once more, harmless.
const lastWritten = new Map<string, number>();
const MAX_REMEMBERED = 50_000;

function dueForWrite(key: string, now: number): boolean {
  const last = lastWritten.get(key);
  if (last !== undefined && now - last < ACTIVITY_RESOLUTION_MS) return false;
  if (lastWritten.size >= MAX_REMEMBERED) lastWritten.clear();
  lastWritten.set(key, now);
  return true;
}

/**
 * "Started" is recorded once, on the first view (a fact the outline and the roster need).
 * "Last visited" and "last active" are coarse: at most once per interval per student and
 * lesson, decided in memory first, so a student reading a lesson does not write on every
 * request. "Last active" is shown by the day and the at-risk rule counts days.
 */
async function recordVisit(userId: string, lessonId: string, started: boolean): Promise<void> {
  const now = new Date();
  if (!started) {
    await retryOnConflict(() =>
      db.lessonProgress.upsert({
        where: { userId_lessonId: { userId, lessonId } },
        create: { userId, lessonId, startedAt: now, lastVisitedAt: now },
        update: {},
        select: { id: true },
      }),
    );
    dueForWrite(`visit:${userId}:${lessonId}`, now.getTime());
  } else if (dueForWrite(`visit:${userId}:${lessonId}`, now.getTime())) {
    await db.lessonProgress.updateMany({ where: { userId, lessonId }, data: { lastVisitedAt: now } });
  }
  if (!dueForWrite(`active:${userId}`, now.getTime())) return;
  const staleBefore = new Date(now.getTime() - ACTIVITY_RESOLUTION_MS);
  // The user's time and the summary's copy change together.
  await retryOnConflict(() => db.$transaction(async (tx) => {
    const { count } = await tx.user.updateMany({
      where: { id: userId, OR: [{ lastActiveAt: null }, { lastActiveAt: { lt: staleBefore } }] },
      data: { lastActiveAt: now },
    });
    if (count > 0) await touchActivity(tx, userId, now);
  }));
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
  // Conditional update: of any number of concurrent calls, exactly one sets the time, and
  // that one records readiness and the roster summary in the same transaction.
  const count = await retryOnConflict(() => db.$transaction(async (tx) => {
    const { count } = await tx.lessonProgress.updateMany({
      where: { ...key, completedAt: null },
      data: { completedAt: now, completedHash: lesson.contentHash, lastVisitedAt: now },
    });
    if (count > 0) await recordStudentChanges(tx, [user.id]);
    return count;
  }));
  const row = await db.lessonProgress.findUniqueOrThrow({ where: { userId_lessonId: key }, select: { completedAt: true } });
  return { ok: true, completedAt: row.completedAt!, alreadyComplete: count === 0 };
}

/** Lesson titles by slug, for links from the glossary. */
export async function getLessonTitles(): Promise<Map<string, string>> {
  const course = await getCourse();
  const lessons = await db.lesson.findMany({ where: { courseId: course.id }, select: { slug: true, title: true } });
  return new Map(lessons.map((l) => [l.slug, l.title]));
}
