import "server-only";
import { requestCache as cache } from "@/lib/http/request-cache";
import { db } from "@/lib/db";
import type { CurrentUser } from "@/lib/auth/session";
import { isStaff } from "@/lib/auth/roles";
import { outlineOf } from "@/lib/course/facts";
import { parseCourseConfig } from "@/lib/course/config";
import { courseRules, rulesFor, type CourseRules } from "@/lib/course/rules";
import { readOwnRecord, type OwnRecord } from "@/lib/course/own-record";
import { gradeAttempt } from "@/lib/quiz/grading";
import { isPastGrace } from "@/lib/quiz/policy";
import { recordStudentChanges } from "@/lib/course/record";
import { getCourse, getStructure, VersionedCache } from "@/lib/course/structure";
import { retryOnConflict } from "@/lib/db/retry";
import { previewOutline, type Outline } from "./outline";
import { dueLabel } from "@/lib/sections/dates";
import { noteLessonView } from "./visits";
import { CURRENT_RUN } from "./runs";

export { ACTIVITY_RESOLUTION_MS } from "./visits";

export { getCourse, getStructure };

/**
 * The student's own record (lib/course/own-record.ts): one statement, read once per request
 * for the outline, the lesson, the quiz page and readiness alike. On the student's own
 * requests an attempt whose time ran out is graded first (as touching it would), so no page
 * shows it still open; an instructor's view of the student passes `gradeExpired = false`
 * and only reads.
 */
export const getOwnRecord = cache(async (user: CurrentUser, gradeExpired = true): Promise<OwnRecord> => {
  const course = await getCourse();
  const record = await readOwnRecord(db, course.id, user.id);
  const expired = record.facts.attempts.filter((a) => a.status === "in_progress" && isPastGrace(a.deadlineAt));
  if (!gradeExpired || expired.length === 0) return record;
  for (const attempt of expired) await gradeAttempt(attempt.id, { auto: true });
  return readOwnRecord(db, course.id, user.id);
});

/**
 * "due in 3 days" / "overdue" per quiz id, from the section's dates and the student's
 * extensions, for the outline. Read in the same statement as the rest of the record.
 */
export async function getDueLabels(user: CurrentUser, now = new Date()): Promise<Map<string, string>> {
  if (user.role !== "student") return new Map();
  const record = await getOwnRecord(user);
  const labels = new Map<string, string>();
  for (const [quizId, dates] of record.schedule) {
    const label = dueLabel(dates, record.facts.attempts.some((a) => a.quizId === quizId && a.passed), now);
    if (label) labels.set(quizId, label);
  }
  return labels;
}

/**
 * The rules that apply to the user: a student's section's choices within the course's
 * bounds (read with their record); staff see the course's own.
 */
export const getOwnRules = cache(async (user: CurrentUser): Promise<CourseRules> => {
  const config = parseCourseConfig((await getCourse()).config);
  if (user.role !== "student") return courseRules(config);
  return rulesFor(config, (await getOwnRecord(user)).section?.settings);
});

/** The student's progress, attempts and milestones (see getOwnRecord). */
export const getOwnFacts = cache(async (user: CurrentUser) => (await getOwnRecord(user)).facts);

/** The student's outline: every lesson and quiz with its status, percent and next step. */
export const getOutline = cache(async (user: CurrentUser): Promise<Outline> => {
  const course = await getCourse();
  const structure = await getStructure(course.id);
  if (isStaff(user.role)) return previewOutline(structure.lessons, structure.quizzes);
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
  noteLessonView(user.id, lesson.id, record !== undefined);
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
  const key = { userId: user.id, lessonId: lesson.id, pastRun: CURRENT_RUN };
  await retryOnConflict(() =>
    db.lessonProgress.upsert({
      where: { userId_lessonId_pastRun: key },
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
  const row = await db.lessonProgress.findUniqueOrThrow({ where: { userId_lessonId_pastRun: key }, select: { completedAt: true } });
  return { ok: true, completedAt: row.completedAt!, alreadyComplete: count === 0 };
}

/** Lesson titles by slug, for links from the glossary. */
export async function getLessonTitles(): Promise<Map<string, string>> {
  const course = await getCourse();
  const { lessons } = await getStructure(course.id);
  return new Map(lessons.map((l) => [l.slug, l.title]));
}
