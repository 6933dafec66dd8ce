import { describe, expect, it } from "vitest";
import { drawQuestions, layoutFor, typeQuotas, type BankQuestion } from "./layout";

const bank: BankQuestion[] = ["a", "b", "c", "d"].flatMap((objective) =>
  Array.from({ length: 10 }, (_, i) => ({ id: `${objective}${i}`, objective, type: "single", payload: { options: [{ id: "x" }, { id: "y" }] } })),
);

describe("drawQuestions", () => {
  it("draws the count without repeats, spread evenly across objectives", () => {
    const drawn = drawQuestions(bank, 20);
    expect(drawn).toHaveLength(20);
    expect(new Set(drawn.map((q) => q.id)).size).toBe(20);
    const perObjective = new Map<string, number>();
    for (const q of drawn) perObjective.set(q.objective, (perObjective.get(q.objective) ?? 0) + 1);
    expect([...perObjective.values()]).toEqual([5, 5, 5, 5]);
  });
  // A final-like bank: 4 objectives of 10, each with 3 true/false, 2 short text and 5 single choice.
  const mixed: BankQuestion[] = ["a", "b", "c", "d"].flatMap((objective) =>
    Array.from({ length: 10 }, (_, i) => ({ id: `${objective}${i}`, objective, type: i < 3 ? "true_false" : i < 5 ? "short_text" : "single", payload: {} })),
  );
  const countOf = (drawn: BankQuestion[], key: "type" | "objective") => {
    const counts = new Map<string, number>();
    for (const q of drawn) counts.set(q[key], (counts.get(q[key]) ?? 0) + 1);
    return Object.fromEntries(counts);
  };
  it("every form holds the bank's mix of types, as well as the spread of objectives (parallel forms)", () => {
    expect(Object.fromEntries(typeQuotas(mixed, 20))).toEqual({ true_false: 6, short_text: 4, single: 10 });
    for (let i = 0; i < 200; i++) {
      const drawn = drawQuestions(mixed, 20);
      expect(countOf(drawn, "type")).toEqual({ true_false: 6, short_text: 4, single: 10 });
      expect(countOf(drawn, "objective")).toEqual({ a: 5, b: 5, c: 5, d: 5 });
    }
  });
  it("scales a mix that does not divide evenly by largest remainder, always to the count", () => {
    const quotas = typeQuotas([...mixed.slice(0, 7), ...mixed.slice(10, 13)], 4);
    expect([...quotas.values()].reduce((a, b) => a + b, 0)).toBe(4);
    expect(Object.fromEntries(quotas)).toEqual({ true_false: 2, short_text: 1, single: 1 });
  });
  it("a retake draws from questions not shown before while there are enough, and only then repeats", () => {
    for (let i = 0; i < 50; i++) {
      const first = drawQuestions(mixed, 20);
      const shown = new Set(first.map((q) => q.id));
      const retake = drawQuestions(mixed, 20, undefined, shown);
      expect(retake.filter((q) => shown.has(q.id))).toEqual([]);
      expect(countOf(retake, "objective")).toEqual({ a: 5, b: 5, c: 5, d: 5 });
      // A third attempt has only 0 unseen left in this bank of 40: it repeats, still spread across objectives.
      const third = drawQuestions(mixed, 20, undefined, new Set([...shown, ...retake.map((q) => q.id)]));
      expect(third).toHaveLength(20);
      expect(new Set(third.map((q) => q.id)).size).toBe(20);
    }
    // Objectives a and b were shown whole: the spread still holds, and c and d give only unseen questions.
    const shownHalf = new Set(mixed.slice(0, 20).map((q) => q.id));
    const partly = drawQuestions(mixed, 20, undefined, shownHalf);
    expect(partly.filter((q) => !shownHalf.has(q.id))).toHaveLength(10);
    expect(countOf(partly, "objective")).toEqual({ a: 5, b: 5, c: 5, d: 5 });
  });
  it("uses the whole bank when the count is missing or too large", () => {
    expect(drawQuestions(bank.slice(0, 5), null)).toHaveLength(5);
    expect(drawQuestions(bank.slice(0, 5), 50)).toHaveLength(5);
  });
});

describe("layoutFor", () => {
  it("never presents an ordering question already in its correct order", () => {
    const question: BankQuestion = { id: "o", objective: "x", type: "ordering", payload: { items: [{ id: "1" }, { id: "2" }] }, orderKey: ["1", "2"] };
    for (let i = 0; i < 50; i++) expect(layoutFor([question])[0].o).toEqual(["2", "1"]);
  });
  it("keeps every option", () => {
    const [entry] = layoutFor([bank[0]]);
    expect([...entry.o].sort()).toEqual(["x", "y"]);
  });
});
