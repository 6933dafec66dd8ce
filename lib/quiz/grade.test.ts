import { describe, expect, it } from "vitest";
import { gradeMatching, gradeMultiple, gradeOrdering, gradeResponse, matchesAccepted, normalizeText, scoreAttempt } from "./grade";

describe("single choice and true/false", () => {
  it("is right or wrong", () => {
    expect(gradeResponse("single", { correct: "b" }, { choice: "b" })).toEqual({ fraction: 1, correct: true });
    expect(gradeResponse("single", { correct: "b" }, { choice: "a" })).toEqual({ fraction: 0, correct: false });
    expect(gradeResponse("true_false", { answer: false }, { value: false }).correct).toBe(true);
    expect(gradeResponse("true_false", { answer: false }, { value: true }).correct).toBe(false);
  });
  it("an empty answer scores zero", () => {
    expect(gradeResponse("single", { correct: "b" }, undefined)).toEqual({ fraction: 0, correct: false });
    expect(gradeResponse("short_text", { accepted: ["x"] }, { text: "   " }).correct).toBe(false);
  });
});

describe("multiple select", () => {
  const key = { correct: ["a", "c"] };
  const options = ["a", "b", "c", "d"];
  it("all right and nothing wrong is full credit", () => {
    expect(gradeMultiple(key, options, { choices: ["c", "a"] })).toEqual({ fraction: 1, correct: true });
  });
  it("half the right ones is half credit", () => {
    expect(gradeMultiple(key, options, { choices: ["a"] })).toEqual({ fraction: 0.5, correct: false });
  });
  it("a wrong pick costs", () => {
    expect(gradeMultiple(key, options, { choices: ["a", "c", "b"] })).toEqual({ fraction: 0.5, correct: false });
  });
  it("ticking everything earns nothing", () => {
    expect(gradeMultiple(key, options, { choices: options })).toEqual({ fraction: 0, correct: false });
  });
  it("never goes below zero", () => {
    expect(gradeMultiple(key, options, { choices: ["b", "d"] }).fraction).toBe(0);
  });
  it("duplicates and unknown ids count once or not at all", () => {
    expect(gradeMultiple(key, options, { choices: ["a", "a", "a", "zz"] })).toEqual({ fraction: 0.5, correct: false });
  });
  it("no picks is zero", () => {
    expect(gradeMultiple(key, options, { choices: [] }).fraction).toBe(0);
  });
});

describe("matching", () => {
  const key = { matches: { d1: "la", d2: "pl", d3: "pl", d4: "la" } };
  it("scores the share matched", () => {
    expect(gradeMatching(key, { matches: { d1: "la", d2: "pl", d3: "pl", d4: "la" } })).toEqual({ fraction: 1, correct: true });
    expect(gradeMatching(key, { matches: { d1: "la", d2: "la", d3: "pl" } })).toEqual({ fraction: 0.5, correct: false });
    expect(gradeMatching(key, { matches: {} }).fraction).toBe(0);
  });
});

describe("ordering", () => {
  const key = { order: ["a", "b", "c", "d"] };
  it("full credit for the right order", () => {
    expect(gradeOrdering(key, { order: ["a", "b", "c", "d"] })).toEqual({ fraction: 1, correct: true });
  });
  it("partial credit for the items in the right order relative to each other", () => {
    // One swap of two middle items leaves three of four in order: 2/3, not 0 (issue 16).
    expect(gradeOrdering(key, { order: ["a", "c", "b", "d"] })).toEqual({ fraction: 0.6667, correct: false });
    expect(gradeOrdering(key, { order: ["b", "a", "c", "d"] }).fraction).toBeCloseTo(2 / 3, 3);
    // One item moved from first to last: the other three are still in order.
    expect(gradeOrdering(key, { order: ["b", "c", "d", "a"] }).fraction).toBeCloseTo(2 / 3, 3);
    expect(gradeOrdering(key, { order: ["b", "a", "d", "c"] }).fraction).toBeCloseTo(1 / 3, 3);
    expect(gradeOrdering(key, { order: ["d", "c", "b", "a"] }).fraction).toBe(0);
  });
  it("no credit for the order the quiz showed, left untouched; the same order arrived at otherwise is only what it is", () => {
    const shown = ["b", "c", "d", "a"];
    expect(gradeOrdering(key, { order: shown }, shown)).toEqual({ fraction: 0, correct: false });
    expect(gradeOrdering(key, { order: ["a", "b", "c", "d"] }, shown)).toEqual({ fraction: 1, correct: true });
    expect(gradeOrdering(key, { order: ["b", "c", "a", "d"] }, shown).fraction).toBeCloseTo(2 / 3, 3);
    // Through gradeResponse, the shown order is the attempt's layout.
    expect(gradeResponse("ordering", key, { order: shown }, shown).fraction).toBe(0);
  });
  it("refuses anything but a permutation", () => {
    expect(gradeOrdering(key, { order: ["a", "a", "b", "c"] }).fraction).toBe(0);
    expect(gradeOrdering(key, { order: ["a", "b", "c"] }).fraction).toBe(0);
    expect(gradeOrdering(key, { order: ["a", "b", "c", "x"] }).fraction).toBe(0);
  });
});

describe("short text", () => {
  it("normalizes case, spacing and punctuation", () => {
    expect(normalizeText("  One   Percent. ")).toBe("1 percent");
    expect(gradeResponse("short_text", { accepted: ["1 percent", "one percent"] }, { text: "ONE percent!" }).correct).toBe(true);
    expect(gradeResponse("short_text", { accepted: ["1%"] }, { text: "1" }).correct).toBe(true);
    expect(gradeResponse("short_text", { accepted: ["immigration"] }, { text: "immigrations" }).correct).toBe(false);
  });
  it("reads hyphens as spaces, number words as digits, and drops a leading 'about' or 'the'", () => {
    expect(normalizeText("About Sixty-Five credit hours")).toBe("65 credit hours");
    expect(normalizeText("one hundred")).toBe("100");
    expect(normalizeText("real-estate law")).toBe("real estate law");
    expect(normalizeText("the")).toBe("the");
    expect(matchesAccepted("about 65 credit hours", ["65 credit hours"])).toBe(true);
    expect(matchesAccepted("sixty five credit hours", ["65 credit hours"])).toBe(true);
    expect(matchesAccepted("six tasks", ["6 tasks"])).toBe(true);
    expect(matchesAccepted("real-estate law", ["real estate law"])).toBe(true);
    expect(matchesAccepted("The Bureau of Labor Statistics", ["Bureau of Labor Statistics"])).toBe(true);
  });
  it("reads brackets as optional: the name with or without its abbreviation, and an accepted answer's bracketed part alone", () => {
    expect(matchesAccepted("Bureau of Labor Statistics (BLS)", ["Bureau of Labor Statistics"])).toBe(true);
    expect(matchesAccepted("BLS", ["Bureau of Labor Statistics (BLS)"])).toBe(true);
    expect(matchesAccepted("Bureau of Labor Statistics", ["Bureau of Labor Statistics (BLS)"])).toBe(true);
  });
  it("does not let a student hedge two answers, or an empty one pass", () => {
    expect(matchesAccepted("family law (immigration)", ["immigration"])).toBe(false);
    expect(matchesAccepted("immigration or family law", ["immigration"])).toBe(false);
    expect(matchesAccepted("about", ["about"])).toBe(true);
    expect(matchesAccepted("   ", ["x"])).toBe(false);
    expect(matchesAccepted("()", [""])).toBe(false);
    expect(matchesAccepted("65", ["65 credit hours"])).toBe(false);
  });
});

describe("scoreAttempt", () => {
  it("weighs points and applies the pass mark at the edge", () => {
    expect(scoreAttempt([{ points: 1, fraction: 1 }, { points: 1, fraction: 1 }, { points: 1, fraction: 1 }, { points: 1, fraction: 1 }, { points: 1, fraction: 0 }], 80)).toEqual({ score: 4, maxScore: 5, percent: 80, passed: true });
    expect(scoreAttempt([{ points: 2, fraction: 0.5 }, { points: 2, fraction: 1 }], 80)).toMatchObject({ percent: 75, passed: false });
    expect(scoreAttempt([], 80)).toMatchObject({ percent: 0, passed: false });
  });
});
