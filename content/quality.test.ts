// The second edition's item-quality checks (issue 16), so quality cannot drift back: each
// measure is defined in lib/content/quality.ts, beside its threshold and the reason for it.
import { describe, expect, it } from "vitest";
import { loadCourseFile } from "@/lib/content/course";
import { loadLessons } from "@/lib/content/lessons";
import { absoluteWordRates, isHigherOrder, keyPositionShares, longestKeyShare, nearCopies, objectiveGaps, QUALITY, scenarioShare, trueShare } from "@/lib/content/quality";
import { loadQuizzes } from "@/lib/content/quizzes";
import { drawQuestions } from "@/lib/quiz/layout";

const lessons = loadLessons();
const quizzes = loadQuizzes(lessons);
const items = quizzes.flatMap((q) => q.questions);
const final = quizzes.find((q) => q.kind === "final")!;
const lessonItems = quizzes.filter((q) => q.kind === "lesson").flatMap((q) => q.questions);
const objectives = lessons.flatMap((l) => l.objectives);
const percent = (n: number) => `${Math.round(n * 100)}%`;

describe("no cue gives the key away", () => {
  it("the key sits in every option position about as often", () => {
    const shares = keyPositionShares(items);
    for (const [position, share] of shares.entries()) {
      expect(share, `key in position ${position + 1}: ${percent(share)}`).toBeLessThanOrEqual(QUALITY.maxKeyPositionShare);
      expect(share, `key in position ${position + 1}: ${percent(share)}`).toBeGreaterThanOrEqual(QUALITY.minKeyPositionShare);
    }
  });
  it("true and false are about equally often the answer, in the course and in the final's bank", () => {
    for (const [where, list] of [["course", items], ["final", final.questions]] as const) {
      const share = trueShare(list)!;
      expect(share, `${where}: ${percent(share)} true`).toBeGreaterThanOrEqual(QUALITY.trueShare[0]);
      expect(share, `${where}: ${percent(share)} true`).toBeLessThanOrEqual(QUALITY.trueShare[1]);
    }
  });
  it("the right option is no more often the longest than chance", () => {
    expect(longestKeyShare(items)).toBeLessThanOrEqual(QUALITY.maxLongestKeyShare);
  });
  it("absolute words do not mark the wrong options", () => {
    const { wrong, right } = absoluteWordRates(items);
    expect(wrong - right, `wrong options ${percent(wrong)}, right ones ${percent(right)}`).toBeLessThanOrEqual(QUALITY.maxAbsoluteWordGap);
  });
});

describe("items test understanding", () => {
  it.each(quizzes.map((q) => [q.file, q] as const))("%s: at least a third are scenario items", (_file, quiz) => {
    expect(scenarioShare(quiz.questions)).toBeGreaterThanOrEqual(QUALITY.minScenarioShare);
  });
  it("every lesson objective is measured by at least two items, one of them above recall, and at its own level", () => {
    expect(objectiveGaps(objectives, items)).toEqual([]);
  });
  it("a quarter of the objectives ask students to apply or analyse", () => {
    expect(objectives.filter((o) => isHigherOrder(o.level)).length / objectives.length).toBeGreaterThanOrEqual(QUALITY.minHigherObjectiveShare);
  });
  it("every lesson objective maps up to a course objective, and every course objective is served", () => {
    const course = new Set(loadCourseFile().objectives.map((o) => o.id));
    expect(objectives.filter((o) => !o.supports || !course.has(o.supports)).map((o) => o.id)).toEqual([]);
    expect([...course].filter((c) => !objectives.some((o) => o.supports === c))).toEqual([]);
  });
});

describe("the final", () => {
  it("is written fresh, not copied from the lesson quizzes whose keys students have seen", () => {
    const copies = nearCopies(final.questions, lessonItems);
    expect(copies.length / final.questions.length, JSON.stringify(copies)).toBeLessThanOrEqual(QUALITY.maxNearCopyShare);
  });
  it("its forms are parallel: the same mix of types in every draw, and a retake repeats nothing while unseen items last", () => {
    const bank = final.questions.map((q) => ({ id: q.key, objective: q.objective, type: q.type, payload: {} }));
    const perType = new Map<string, number[]>();
    for (let i = 0; i < 200; i++) {
      const form = drawQuestions(bank, final.drawCount!);
      for (const type of new Set(bank.map((q) => q.type))) perType.set(type, [...(perType.get(type) ?? []), form.filter((q) => q.type === type).length]);
      const retake = drawQuestions(bank, final.drawCount!, undefined, new Set(form.map((q) => q.id)));
      expect(retake.filter((q) => form.some((f) => f.id === q.id))).toEqual([]);
    }
    for (const [type, counts] of perType) expect(Math.max(...counts) - Math.min(...counts), type).toBeLessThanOrEqual(QUALITY.maxTypeSpreadAcrossForms);
  });
});
