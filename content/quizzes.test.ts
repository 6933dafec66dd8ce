import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
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

  it("authoring does not hint at the key: right options sit in varied places", () => {
    const choices = quizzes.flatMap((q) => q.questions).flatMap((q) => (q.type === "single" || q.type === "multiple" ? [q] : []));
    const positions = new Map<number, number>();
    for (const q of choices) q.options.forEach((o, i) => o.correct && positions.set(i, (positions.get(i) ?? 0) + 1));
    const rights = [...positions.values()].reduce((a, b) => a + b, 0);
    for (const [position, count] of positions) expect(count / rights, `position ${position}`).toBeLessThan(0.5);
  });

  it("an option's id never changes meaning (stored answers name options by a hash of their id)", () => {
    // tests/fixtures/option-ids.json records the text of every id ever shipped. Rewording an
    // option in place would silently change what students' saved answers say; give the new
    // wording a new id instead. New ids are fine: run with UPDATE_OPTION_IDS=1 to record them.
    const file = path.join(process.cwd(), "tests/fixtures/option-ids.json");
    const shipped = JSON.parse(fs.readFileSync(file, "utf8")) as Record<string, string>;
    const hash = (text: string) => createHash("sha256").update(text).digest("hex").slice(0, 16);
    const changed: string[] = [];
    for (const quiz of quizzes)
      for (const q of quiz.questions as { key: string; options?: { id: string; text: string }[]; items?: { id: string; text: string }[]; targets?: { id: string; text: string }[] }[])
        for (const [kind, list] of [["option", q.options], ["item", q.items], ["target", q.targets]] as const)
          for (const choice of list ?? []) {
            const id = `${quiz.slug}/${q.key}/${kind}:${choice.id}`;
            if (shipped[id] === undefined) shipped[id] = hash(choice.text);
            else if (shipped[id] !== hash(choice.text)) changed.push(id);
          }
    if (process.env.UPDATE_OPTION_IDS === "1") fs.writeFileSync(file, JSON.stringify(shipped, null, 1) + "\n");
    expect(changed).toEqual([]);
  });

  it("a bad quiz file fails with the file name and the field", () => {
    const bad = "slug: x\ntitle: Broken quiz\nkind: lesson\nlesson: legal-team\nquestions:\n  - key: q1\n    type: single\n    objective: legal-team.role\n    section: x\n    prompt: Which one is right?\n    explanation: Because it is.\n    options:\n      - { id: a, text: A }\n      - { id: b, text: B }\n      - { id: c, text: C }\n";
    expect(() => parseQuizFile("quizzes/bad.yaml", bad)).toThrow(/quizzes\/bad\.yaml: questions\.0\.options: a single-choice question needs exactly one correct option/);
  });
});
