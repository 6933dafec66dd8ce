import { describe, expect, it } from "vitest";
import { CURRENT_RUN, nextPastRun, startsNewRun } from "./runs";

const term = (start: string, end: string) => ({ termStart: new Date(start), termEnd: new Date(end) });
const spring = term("2026-01-12T06:00:00Z", "2026-05-16T04:59:59Z");

describe("startsNewRun", () => {
  it("starts afresh in a term that begins after the last one ended", () => {
    expect(startsNewRun(spring, term("2026-08-24T05:00:00Z", "2026-12-12T05:59:59Z"))).toBe(true);
  });
  it("starts afresh when the next term begins the instant the last one ends", () => {
    expect(startsNewRun(spring, term(spring.termEnd.toISOString(), "2026-12-12T05:59:59Z"))).toBe(true);
  });
  it("keeps the run for a move between sections whose terms overlap", () => {
    expect(startsNewRun(spring, term("2026-01-19T06:00:00Z", "2026-05-16T04:59:59Z"))).toBe(false);
    expect(startsNewRun(spring, term("2026-05-16T04:59:58Z", "2026-08-01T00:00:00Z"))).toBe(false);
  });
  it("keeps the run for a move back into an earlier term", () => {
    expect(startsNewRun(term("2026-08-24T05:00:00Z", "2026-12-12T05:59:59Z"), spring)).toBe(false);
  });
  it("never archives a student's first section", () => {
    expect(startsNewRun(null, spring)).toBe(false);
  });
});

describe("nextPastRun", () => {
  it("numbers past runs from one upwards", () => {
    expect(nextPastRun(null)).toBe(1);
    expect(nextPastRun(CURRENT_RUN)).toBe(1);
    expect(nextPastRun(2)).toBe(3);
  });
});
