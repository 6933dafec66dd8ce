import { describe, expect, it } from "vitest";
import { buildOutline, type LessonRecord, type OutlineLesson, type OutlineQuiz, type QuizRecord } from "./outline";

const lessons: OutlineLesson[] = [1, 2, 3].map((n) => ({ id: `l${n}`, slug: `lesson-${n}`, title: `Lesson ${n}`, summary: "s", estimatedMinutes: 10 }));
const quizzes: OutlineQuiz[] = [
  { id: "q1", slug: "quiz-1", title: "Quiz 1", lessonId: "l1", estimatedMinutes: 5 },
  { id: "final", slug: "final", title: "Final", lessonId: null, estimatedMinutes: 30 },
];
const done = (): LessonRecord => ({ startedAt: new Date(), completedAt: new Date() });
const started = (): LessonRecord => ({ startedAt: new Date(), completedAt: null });
const passed: QuizRecord = { passed: true, inProgress: false, attemptsUsed: 1 };
const failed: QuizRecord = { passed: false, inProgress: false, attemptsUsed: 1 };

const statuses = (o: ReturnType<typeof buildOutline>) => o.steps.map((s) => `${s.slug}:${s.status}`);

describe("buildOutline", () => {
  it("starts with only the first lesson available", () => {
    const outline = buildOutline(lessons, quizzes, new Map(), new Map());
    expect(statuses(outline)).toEqual(["lesson-1:available", "quiz-1:locked", "lesson-2:locked", "lesson-3:locked", "final:locked"]);
    expect(outline.percent).toBe(0);
    expect(outline.minutesLeft).toBe(65);
    expect(outline.next?.slug).toBe("lesson-1");
    expect(outline.steps[1].lockedReason).toBe("Complete the lesson “Lesson 1” first.");
  });

  it("a visited lesson is in progress and is where Continue goes", () => {
    const outline = buildOutline(lessons, quizzes, new Map([["l1", started()]]), new Map());
    expect(outline.steps[0].status).toBe("in_progress");
    expect(outline.next?.href).toBe("/lessons/lesson-1");
  });

  it("a completed lesson unlocks its quiz, and the next lesson waits for the quiz", () => {
    const outline = buildOutline(lessons, quizzes, new Map([["l1", done()]]), new Map([["q1", failed]]));
    expect(statuses(outline)).toEqual(["lesson-1:complete", "quiz-1:in_progress", "lesson-2:locked", "lesson-3:locked", "final:locked"]);
    expect(outline.steps[2].lockedReason).toBe("Pass “Quiz 1” first.");
    expect(outline.next?.href).toBe("/quizzes/quiz-1");
    expect(outline.percent).toBe(20);
  });

  it("a lesson without a quiz unlocks the next lesson directly", () => {
    const records = new Map([["l1", done()], ["l2", done()]]);
    const outline = buildOutline(lessons, quizzes, records, new Map([["q1", passed]]));
    expect(statuses(outline)).toEqual(["lesson-1:complete", "quiz-1:complete", "lesson-2:complete", "lesson-3:available", "final:locked"]);
    expect(outline.minutesLeft).toBe(40);
  });

  it("the final unlocks when everything before it is done; the course completes at 100%", () => {
    const records = new Map([["l1", done()], ["l2", done()], ["l3", done()]]);
    const ready = buildOutline(lessons, quizzes, records, new Map([["q1", passed]]));
    expect(ready.next?.slug).toBe("final");
    const finished = buildOutline(lessons, quizzes, records, new Map([["q1", passed], ["final", passed]]));
    expect(finished.percent).toBe(100);
    expect(finished.next).toBeNull();
    expect(finished.minutesLeft).toBe(0);
  });

  it("completion recorded out of order never unlocks past an unfinished step", () => {
    const outline = buildOutline(lessons, quizzes, new Map([["l2", done()]]), new Map());
    expect(outline.steps.find((s) => s.slug === "lesson-2")?.status).toBe("locked");
  });
});
