import { describe, expect, it } from "vitest";
import { drawableBank, keysReleasedAtGrading, reviewIsFinal, retakeNote } from "./reveal";

const base = { policy: "after_pass_or_last", passed: false, attemptsLeft: 0, drawCount: null, bankSize: 7, keysSeen: 7 };

describe("revealing answers", () => {
  it("the review is final (lesson links) after a pass or the last attempt; never under 'never'", () => {
    expect(reviewIsFinal("after_pass_or_last", false, 1)).toBe(false);
    expect(reviewIsFinal("after_pass_or_last", false, 0)).toBe(true);
    expect(reviewIsFinal("after_pass_or_last", true, 2)).toBe(true);
    expect(reviewIsFinal("after_submit", false, 2)).toBe(true);
    expect(reviewIsFinal("never", true, 0)).toBe(false);
  });
  it("keys after a pass, since no attempt can follow it", () => {
    expect(keysReleasedAtGrading({ ...base, passed: true, attemptsLeft: 2 })).toBe(true);
  });
  it("a whole-bank quiz's last failed attempt releases neither keys nor explanations: a granted retake would repeat it", () => {
    expect(keysReleasedAtGrading(base)).toBe(false);
  });
  it("a drawn quiz reveals the last attempt's keys only while a full fresh draw remains", () => {
    expect(keysReleasedAtGrading({ ...base, drawCount: 20, bankSize: 46, keysSeen: 20 })).toBe(true);
    expect(keysReleasedAtGrading({ ...base, drawCount: 20, bankSize: 46, keysSeen: 40 })).toBe(false);
    expect(keysReleasedAtGrading({ ...base, drawCount: 20, bankSize: 46, keysSeen: 20, attemptsLeft: 1 })).toBe(false);
    expect(keysReleasedAtGrading({ ...base, policy: "after_submit", drawCount: null, attemptsLeft: 2 })).toBe(false);
  });
  it("a new attempt draws from unseen questions when they make a full draw", () => {
    const bank = Array.from({ length: 46 }, (_, i) => ({ id: `q${i}` }));
    const seen = new Set(bank.slice(0, 20).map((q) => q.id));
    expect(drawableBank(bank, seen, 20)!.map((q) => q.id)).toEqual(bank.slice(20).map((q) => q.id));
    // No full fresh draw left, or a whole-bank quiz whose keys were seen: no attempt may start.
    expect(drawableBank(bank, new Set(bank.slice(0, 30).map((q) => q.id)), 20)).toBeNull();
    expect(drawableBank(bank.slice(0, 7), new Set(["q1"]), null)).toBeNull();
    expect(drawableBank(bank.slice(0, 7), new Set(), null)).toHaveLength(7);
  });
  it("tells the instructor what a granted attempt would bring", () => {
    expect(retakeNote({ title: "Final", drawCount: 20, bankSize: 46 }, 20)).toMatch(/draws 20 questions from the 26/);
    expect(retakeNote({ title: "Quiz 1", drawCount: null, bankSize: 7 }, 0)).toMatch(/repeats the same questions.*not the correct answers or explanations/);
  });
});
