import { describe, expect, it } from "vitest";
import { gradeMatching, gradeMultiple, gradeOrdering, gradeResponse, normalizeText, scoreAttempt } from "./grade";

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
  it("partial credit for neighbouring pairs kept", () => {
    expect(gradeOrdering(key, { order: ["b", "a", "c", "d"] }).fraction).toBeCloseTo(1 / 3, 3);
    expect(gradeOrdering(key, { order: ["d", "c", "b", "a"] }).fraction).toBe(0);
  });
  it("refuses anything but a permutation", () => {
    expect(gradeOrdering(key, { order: ["a", "a", "b", "c"] }).fraction).toBe(0);
    expect(gradeOrdering(key, { order: ["a", "b", "c"] }).fraction).toBe(0);
    expect(gradeOrdering(key, { order: ["a", "b", "c", "x"] }).fraction).toBe(0);
  });
});

describe("short text", () => {
  it("normalizes case, spacing and punctuation", () => {
    expect(normalizeText("  One   Percent. ")).toBe("one percent");
    expect(gradeResponse("short_text", { accepted: ["1 percent", "one percent"] }, { text: "ONE percent!" }).correct).toBe(true);
    expect(gradeResponse("short_text", { accepted: ["1%"] }, { text: "1" }).correct).toBe(true);
    expect(gradeResponse("short_text", { accepted: ["immigration"] }, { text: "immigrations" }).correct).toBe(false);
  });
});

describe("scoreAttempt", () => {
  it("weighs points and applies the pass mark at the edge", () => {
    expect(scoreAttempt([{ points: 1, fraction: 1 }, { points: 1, fraction: 1 }, { points: 1, fraction: 1 }, { points: 1, fraction: 1 }, { points: 1, fraction: 0 }], 80)).toEqual({ score: 4, maxScore: 5, percent: 80, passed: true });
    expect(scoreAttempt([{ points: 2, fraction: 0.5 }, { points: 2, fraction: 1 }], 80)).toMatchObject({ percent: 75, passed: false });
    expect(scoreAttempt([], 80)).toMatchObject({ percent: 0, passed: false });
  });
});
