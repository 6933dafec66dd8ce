import { describe, expect, it } from "vitest";
import { loadLessons } from "@/lib/content/lessons";
import { loadQuizzes, parseQuizFile } from "@/lib/content/quizzes";

const lessons = loadLessons();
const quizzes = loadQuizzes(lessons);

describe("quiz files", () => {
  it("every lesson has a quiz of at least six questions", () => {
    for (const lesson of lessons) {
      const quiz = quizzes.find((q) => q.lesson === lesson.slug);
      expect(quiz, `quiz for ${lesson.slug}`).toBeDefined();
      expect(quiz!.questions.length, quiz!.file).toBeGreaterThanOrEqual(6);
    }
  });

  it("the final draws 20 from a bank of at least 40 that covers every lesson's objectives", () => {
    const final = quizzes.find((q) => q.kind === "final");
    expect(final).toBeDefined();
    expect(final!.questions.length).toBeGreaterThanOrEqual(40);
    expect(final!.drawCount).toBe(20);
    expect(final!.timeLimitMinutes).toBeGreaterThan(0);
    const covered = new Set(final!.questions.map((q) => q.objective.split(".")[0]));
    for (const lesson of lessons) expect(covered.has(lesson.slug), lesson.slug).toBe(true);
  });

  it("has at least 70 questions using every question type", () => {
    const all = quizzes.flatMap((q) => q.questions);
    expect(all.length).toBeGreaterThanOrEqual(70);
    expect(new Set(all.map((q) => q.type))).toEqual(new Set(["single", "multiple", "true_false", "matching", "ordering", "short_text"]));
  });

  it("question keys are unique across the whole course", () => {
    const keys = quizzes.flatMap((q) => q.questions.map((x) => x.key));
    expect(new Set(keys).size).toBe(keys.length);
  });

  it("authoring does not hint at the key: right options sit in varied places, ordering items are not lettered in order", () => {
    const all = quizzes.flatMap((q) => q.questions);
    const positions = new Map<number, number>();
    const choices = all.flatMap((q) => (q.type === "single" || q.type === "multiple" ? [q] : []));
    for (const q of choices) q.options.forEach((o, i) => o.correct && positions.set(i, (positions.get(i) ?? 0) + 1));
    const rights = [...positions.values()].reduce((a, b) => a + b, 0);
    // No position holds more than half of the right options, and "a" is right no more often than chance.
    for (const [position, count] of positions) expect(count / rights, `position ${position}`).toBeLessThan(0.5);
    const aRight = choices.filter((q) => q.options.find((o) => o.id === "a")?.correct).length;
    expect(aRight / choices.length).toBeLessThan(0.5);
    const ordering = all.flatMap((q) => (q.type === "ordering" ? [q] : []));
    const lettered = ordering.filter((q) => q.items.map((i) => i.id).join() === [...q.items.map((i) => i.id)].sort().join());
    expect(lettered.map((q) => q.key)).toEqual([]);
  });

  it("a bad quiz file fails with the file name and the field", () => {
    const bad = "slug: x\ntitle: Broken quiz\nkind: lesson\nlesson: legal-team\nquestions:\n  - key: q1\n    type: single\n    objective: legal-team.role\n    section: x\n    prompt: Which one is right?\n    explanation: Because it is.\n    options:\n      - { id: a, text: A }\n      - { id: b, text: B }\n      - { id: c, text: C }\n";
    expect(() => parseQuizFile("quizzes/bad.yaml", bad)).toThrow(/quizzes\/bad\.yaml: questions\.0\.options: a single-choice question needs exactly one correct option/);
  });
});
