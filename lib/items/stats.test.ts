import { describe, expect, it } from "vitest";
import { discrimination, facility, flagsFor, optionCounts, type ItemSums } from "./stats";

/** Sums from raw pairs, the way the SQL aggregate computes them. */
function sums(pairs: [x: number, rest: number][]): ItemSums {
  return pairs.reduce(
    (s, [x, r]) => ({ n: s.n + 1, sx: s.sx + x, sxx: s.sxx + x * x, sr: s.sr + r, srr: s.srr + r * r, sxr: s.sxr + x * r }),
    { n: 0, sx: 0, sxx: 0, sr: 0, srr: 0, sxr: 0 },
  );
}

describe("facility and discrimination (hand-computed)", () => {
  it("x = 1,1,0,0 against rest = 3,2,1,0: p = 0.5, r = 8/√80 ≈ 0.894", () => {
    const s = sums([[1, 3], [1, 2], [0, 1], [0, 0]]);
    expect(facility(s)).toBe(0.5);
    expect(discrimination(s)).toBeCloseTo(8 / Math.sqrt(80), 6);
  });

  it("an item the weak get right and the strong get wrong discriminates negatively", () => {
    // x = 0,0,1,1 against rest = 3,2,1,0: the mirror of the case above.
    expect(discrimination(sums([[0, 3], [0, 2], [1, 1], [1, 0]]))).toBeCloseTo(-8 / Math.sqrt(80), 6);
  });

  it("partial credit: x = 1, 0.5, 0 against rest = 2, 1, 0 is perfectly correlated", () => {
    const s = sums([[1, 2], [0.5, 1], [0, 0]]);
    expect(facility(s)).toBe(0.5);
    expect(discrimination(s)).toBeCloseTo(1, 6);
  });

  it("no variance means no discrimination, and no responses no facility", () => {
    expect(discrimination(sums([[1, 3], [1, 2], [1, 1]]))).toBeNull();
    expect(facility(sums([]))).toBeNull();
  });
});

describe("flags", () => {
  const many = (x: number, count: number) => Array.from({ length: count }, (_, i) => [x, i % 5] as [number, number]);
  it("reports insufficient data below 20 responses", () => {
    expect(flagsFor(sums(many(1, 19)), [])).toEqual(["insufficient_data"]);
  });
  it("flags too easy and too hard", () => {
    expect(flagsFor(sums(many(1, 25)), [])).toContain("too_easy");
    expect(flagsFor(sums(many(0, 25)), [])).toContain("too_hard");
  });
  it("flags a distractor that outdraws the key", () => {
    const options = [
      { id: "a", text: "A", isKey: true, count: 8 },
      { id: "b", text: "B", isKey: false, count: 12 },
    ];
    expect(flagsFor(sums([...many(1, 10), ...many(0, 12)]), options)).toContain("distractor_outdraws_key");
  });
});

describe("option counts", () => {
  it("tallies single, multiple and true/false choices from grouped responses", () => {
    const payload = { options: [{ id: "a", text: "A" }, { id: "b", text: "B" }, { id: "c", text: "C" }] };
    expect(optionCounts("single", payload, { correct: "b" }, [{ response: '{"choice":"a"}', count: 3 }, { response: '{"choice":"b"}', count: 5 }, { response: "null", count: 2 }])).toEqual([
      { id: "a", text: "A", isKey: false, count: 3 },
      { id: "b", text: "B", isKey: true, count: 5 },
      { id: "c", text: "C", isKey: false, count: 0 },
    ]);
    expect(optionCounts("multiple", payload, { correct: ["a", "c"] }, [{ response: '{"choices":["a","c"]}', count: 2 }, { response: '{"choices":["a","b"]}', count: 1 }]).map((o) => o.count)).toEqual([3, 1, 2]);
    expect(optionCounts("true_false", {}, { answer: false }, [{ response: '{"value":true}', count: 4 }, { response: '{"value":false}', count: 6 }])).toEqual([
      { id: "true", text: "True", isKey: false, count: 4 },
      { id: "false", text: "False", isKey: true, count: 6 },
    ]);
  });
});
