// The course outline as pure rules: which step is locked, available, in progress or
// complete, the course percentage, time left and the exact next step. No database.
// The outline is the one definition of progress: the roster summaries build it too.
import { progressPercent } from "@/lib/course/rules";

export type StepStatus = "locked" | "available" | "in_progress" | "complete";

export type OutlineLesson = { id: string; slug: string; title: string; summary: string; estimatedMinutes: number };
export type OutlineQuiz = { id: string; slug: string; title: string; lessonId: string | null; estimatedMinutes: number };
export type LessonRecord = { startedAt: Date | null; completedAt: Date | null };
export type QuizRecord = { passed: boolean; inProgress: boolean; attemptsUsed: number };

export type OutlineStep = {
  kind: "lesson" | "quiz";
  id: string;
  slug: string;
  title: string;
  summary?: string;
  href: string;
  status: StepStatus;
  estimatedMinutes: number;
  /** For a locked step: what to finish first, in words a student can act on. */
  lockedReason?: string;
};

export type Outline = {
  steps: OutlineStep[];
  completed: number;
  total: number;
  percent: number;
  minutesLeft: number;
  next: OutlineStep | null;
};

export function lessonHref(slug: string) {
  return `/lessons/${slug}`;
}
export function quizHref(slug: string) {
  return `/quizzes/${slug}`;
}

/**
 * Lessons come in course order. A lesson unlocks when the previous lesson is complete
 * and that lesson's quiz (if it has one) is passed; a lesson's quiz unlocks when the
 * lesson is complete; a final quiz (lessonId null) unlocks when everything else is done.
 */
export function buildOutline(
  lessons: OutlineLesson[],
  quizzes: OutlineQuiz[],
  lessonRecords: Map<string, LessonRecord>,
  quizRecords: Map<string, QuizRecord>,
): Outline {
  const quizByLesson = new Map(quizzes.filter((q) => q.lessonId).map((q) => [q.lessonId!, q]));
  const finals = quizzes.filter((q) => !q.lessonId);
  const steps: OutlineStep[] = [];
  let blocker: string | undefined; // the first unfinished requirement, which locks everything after it

  const quizStep = (quiz: OutlineQuiz): OutlineStep => {
    const record = quizRecords.get(quiz.id);
    const status: StepStatus = blocker
      ? "locked"
      : record?.passed
        ? "complete"
        : record && (record.inProgress || record.attemptsUsed > 0)
          ? "in_progress"
          : "available";
    const step: OutlineStep = { kind: "quiz", id: quiz.id, slug: quiz.slug, title: quiz.title, href: quizHref(quiz.slug), status, estimatedMinutes: quiz.estimatedMinutes, lockedReason: blocker };
    if (!blocker && status !== "complete") blocker = `Pass “${quiz.title}” first.`;
    return step;
  };

  for (const lesson of lessons) {
    const record = lessonRecords.get(lesson.id);
    const done = Boolean(record?.completedAt);
    const status: StepStatus = blocker ? "locked" : done ? "complete" : record?.startedAt ? "in_progress" : "available";
    steps.push({ kind: "lesson", id: lesson.id, slug: lesson.slug, title: lesson.title, summary: lesson.summary, href: lessonHref(lesson.slug), status, estimatedMinutes: lesson.estimatedMinutes, lockedReason: blocker });
    if (!blocker && !done) blocker = `Complete the lesson “${lesson.title}” first.`;
    const quiz = quizByLesson.get(lesson.id);
    if (quiz) steps.push(quizStep(quiz));
  }
  for (const quiz of finals) steps.push(quizStep(quiz));

  const completed = steps.filter((s) => s.status === "complete").length;
  const total = steps.length;
  return {
    steps,
    completed,
    total,
    percent: progressPercent(completed, total),
    minutesLeft: steps.filter((s) => s.status !== "complete").reduce((sum, s) => sum + s.estimatedMinutes, 0),
    next: steps.find((s) => s.status === "in_progress" || s.status === "available") ?? null,
  };
}

/** Instructors preview the course: every step open, no progress of their own. */
export function previewOutline(lessons: OutlineLesson[], quizzes: OutlineQuiz[]): Outline {
  const outline = buildOutline(lessons, quizzes, new Map(), new Map());
  const steps = outline.steps.map((s) => ({ ...s, status: "available" as const, lockedReason: undefined }));
  return { ...outline, steps, next: steps[0] ?? null };
}
