import { describe, expect, it } from "vitest";
import { drawQuestions, layoutFor, type BankQuestion } from "./layout";

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
