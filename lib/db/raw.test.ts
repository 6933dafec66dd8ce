import { describe, expect, it } from "vitest";
import { rawBool, rawDate, rawNumber, rawText } from "./raw";

describe("raw values from either driver", () => {
  it("reads dates as SQLite stores them and as PostgreSQL returns them", () => {
    const at = new Date("2026-11-29T17:18:04.421Z");
    expect(rawDate("2026-11-29T17:18:04.421+00:00")).toEqual(at);
    expect(rawDate("2026-11-29 17:18:04.421")).toEqual(at);
    expect(rawDate(at)).toBe(at);
    expect(rawDate(at.getTime())).toEqual(at);
    expect(rawDate(String(at.getTime()))).toEqual(at);
    expect(rawDate(null)).toBeNull();
    expect(() => rawDate("yesterday")).toThrow(/Not a stored date/);
  });

  it("reads booleans, numbers and text", () => {
    expect([rawBool(1), rawBool(0), rawBool(1n), rawBool(true), rawBool(false), rawBool("true"), rawBool(null)]).toEqual([true, false, true, true, false, true, null]);
    expect([rawNumber(2n), rawNumber(66.66666666666667), rawNumber(null)]).toEqual([2, 66.66666666666667, null]);
    expect([rawText(3), rawText(undefined)]).toEqual(["3", null]);
  });
});
