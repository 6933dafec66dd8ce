// The pure rubric rules of written work (issue 17, ADR 0023): the score of a grade, THE grade
// that counts, the anonymous pseudonym and the level distribution.
import { describe, expect, it } from "vitest";
import { levelDistribution, maxPointsOf, parseRubric, percentOf, pseudonymOf, releasedGradeOf, scoreLevels, type Rubric } from "./rubric";

const level = (id: string, points: number) => ({ id, title: id, description: `${id} work`, points });
const rubric: Rubric = [
  { id: "content", title: "Content", description: "What it says", objectives: ["a.b"], levels: [level("strong", 4), level("fair", 2), level("weak", 0)] },
  { id: "writing", title: "Writing", description: "How it says it", objectives: ["c.d"], levels: [level("clear", 3), level("muddled", 1)] },
];

describe("scoreLevels", () => {
  it("totals the picked levels against every criterion's top level", () => {
    expect(maxPointsOf(rubric)).toBe(7);
    expect(scoreLevels(rubric, { content: "strong", writing: "clear" })).toEqual({ ok: true, points: 7, possible: 7, percent: 100 });
    expect(scoreLevels(rubric, { content: "fair", writing: "muddled" })).toEqual({ ok: true, points: 3, possible: 7, percent: 42.9 });
    expect(scoreLevels(rubric, { content: "weak", writing: "muddled" })).toEqual({ ok: true, points: 1, possible: 7, percent: 14.3 });
  });

  it("names each criterion still missing a level, and saves nothing partial", () => {
    const result = scoreLevels(rubric, { content: "strong" });
    expect(result).toEqual({ ok: false, problems: { writing: expect.stringContaining("Writing") } });
    expect(scoreLevels(rubric, {})).toEqual({ ok: false, problems: { content: expect.any(String), writing: expect.any(String) } });
  });

  it("refuses a level the criterion does not have, even one another criterion has", () => {
    expect(scoreLevels(rubric, { content: "strong", writing: "nonsense" })).toMatchObject({ ok: false, problems: { writing: expect.any(String) } });
    // "clear" is a level of writing, not of content.
    expect(scoreLevels(rubric, { content: "clear", writing: "clear" })).toMatchObject({ ok: false, problems: { content: expect.any(String) } });
    expect(scoreLevels(rubric, { content: "", writing: "clear" }).ok).toBe(false);
  });

  it("refuses a criterion that is not in the rubric, even with every real one picked", () => {
    const result = scoreLevels(rubric, { content: "strong", writing: "clear", extra: "strong" });
    expect(result).toEqual({ ok: false, problems: { extra: "This criterion is not in the rubric." } });
    // An inherited property name is not a criterion either.
    expect(scoreLevels(rubric, { content: "strong", writing: "clear", constructor: "strong" }).ok).toBe(false);
    // A long made-up id is named by its first 40 characters only.
    const long = "x".repeat(500);
    const problems = (scoreLevels(rubric, { content: "strong", writing: "clear", [long]: "y" }) as { problems: Record<string, string> }).problems;
    expect(Object.keys(problems)).toEqual(["x".repeat(40)]);
  });

  it("percent has one decimal and never divides by zero", () => {
    expect(percentOf(1, 3)).toBe(33.3);
    expect(percentOf(9, 16)).toBe(56.3);
    expect(percentOf(0, 0)).toBe(0);
  });
});

describe("parseRubric", () => {
  it("reads a stored rubric and refuses a damaged one", () => {
    expect(parseRubric(JSON.stringify(rubric))).toEqual(rubric);
    expect(() => parseRubric("not json")).toThrow();
    expect(() => parseRubric(JSON.stringify([{ ...rubric[0], levels: [] }]))).toThrow();
  });
});

describe("releasedGradeOf", () => {
  const day = (n: number) => new Date(Date.UTC(2026, 10, n));

  it("is the released grade of the latest try that has one", () => {
    const tries = [
      { tryNumber: 1, percent: 80, releasedAt: day(1) },
      { tryNumber: 2, percent: 60, releasedAt: day(2) },
    ];
    expect(releasedGradeOf(tries)?.percent).toBe(60);
    // In any order.
    expect(releasedGradeOf([...tries].reverse())?.tryNumber).toBe(2);
  });

  it("ignores a grade still held: until the later try is released the earlier grade stands", () => {
    expect(releasedGradeOf([{ tryNumber: 1, percent: 80, releasedAt: day(1) }, { tryNumber: 2, percent: 95, releasedAt: null }])).toMatchObject({ tryNumber: 1, percent: 80 });
    expect(releasedGradeOf([{ tryNumber: 2, percent: 95, releasedAt: null }, { tryNumber: 1, percent: 80, releasedAt: day(1) }])?.percent).toBe(80);
  });

  it("is null with no released grade, or a released one without a percent", () => {
    expect(releasedGradeOf([])).toBeNull();
    expect(releasedGradeOf([{ tryNumber: 1, percent: 100, releasedAt: null }])).toBeNull();
    expect(releasedGradeOf([{ tryNumber: 1, percent: null, releasedAt: day(1) }])).toBeNull();
  });

  it("a released 0% is a grade, not the absence of one", () => {
    expect(releasedGradeOf([{ tryNumber: 1, percent: 0, releasedAt: day(1) }])?.percent).toBe(0);
  });

  it("reads any iterable, once", () => {
    function* tries() {
      yield { tryNumber: 1, percent: 50, releasedAt: day(1) };
      yield { tryNumber: 3, percent: 70, releasedAt: day(3) };
      yield { tryNumber: 2, percent: 90, releasedAt: day(2) };
    }
    expect(releasedGradeOf(tries())?.tryNumber).toBe(3);
  });
});

describe("pseudonymOf", () => {
  const ids = Array.from({ length: 60 }, (_, i) => `cm${(i * 7919).toString(36).padStart(6, "0")}x${i}abcdefghij`);

  it("is stable for a submission and has the documented form", () => {
    for (const id of ids) {
      expect(pseudonymOf(id)).toBe(pseudonymOf(id));
      expect(pseudonymOf(id)).toMatch(/^Submission [A-HJ-NP-Z2-9]{4}$/);
    }
  });

  it("differs between submissions", () => {
    expect(new Set(ids.map(pseudonymOf)).size).toBe(ids.length);
    expect(pseudonymOf("a")).not.toBe(pseudonymOf("b"));
    // Ids that differ in one late character still differ.
    expect(pseudonymOf("cmabcdefghijklmnopqrstuv0")).not.toBe(pseudonymOf("cmabcdefghijklmnopqrstuv1"));
  });

  it("tells nothing of the id it hides", () => {
    const id = "cmzzzzabcd1234";
    expect(pseudonymOf(id)).not.toContain(id.slice(0, 4).toUpperCase());
    expect(pseudonymOf("")).toMatch(/^Submission [A-HJ-NP-Z2-9]{4}$/);
  });
});

describe("levelDistribution", () => {
  it("counts each level of each criterion, in rubric order, with the mean points", () => {
    const grades = [
      { content: "strong", writing: "clear" },
      { content: "strong", writing: "muddled" },
      { content: "weak", writing: "muddled" },
    ];
    const rows = levelDistribution(rubric, grades);
    expect(rows.map((r) => [r.criterion.id, r.counts.map((c) => [c.level.id, c.count]), r.meanPoints])).toEqual([
      ["content", [["strong", 2], ["fair", 0], ["weak", 1]], 2.7],
      ["writing", [["clear", 1], ["muddled", 2]], 1.7],
    ]);
  });

  it("has no mean without grades, and ignores levels the criterion does not have", () => {
    const empty = levelDistribution(rubric, []);
    expect(empty.map((r) => r.meanPoints)).toEqual([null, null]);
    expect(empty.flatMap((r) => r.counts.map((c) => c.count))).toEqual([0, 0, 0, 0, 0]);
    const odd = levelDistribution(rubric, [{ content: "clear", writing: "clear" }]);
    expect(odd[0]).toMatchObject({ meanPoints: null, counts: [{ count: 0 }, { count: 0 }, { count: 0 }] });
    expect(odd[1].meanPoints).toBe(3);
  });
});
