import { describe, expect, it } from "vitest";
import { isAtRisk, rosterStatus } from "./rules";

const now = new Date("2026-06-30T12:00:00Z");
const daysAgo = (d: number) => new Date(now.getTime() - d * 86_400_000);
const base = { readyAt: null, lastActiveAt: daysAgo(1), joinedAt: daysAgo(30), maxFailsUnpassed: 0, overdue: false };

describe("at-risk rule", () => {
  it("flags 14 days without activity, not 13", () => {
    expect(isAtRisk({ ...base, lastActiveAt: daysAgo(13.9) }, 14, now)).toBe(false);
    expect(isAtRisk({ ...base, lastActiveAt: daysAgo(14.1) }, 14, now)).toBe(true);
  });
  it("counts from sign-up for a student who never started", () => {
    expect(isAtRisk({ ...base, lastActiveAt: null, joinedAt: daysAgo(20) }, 14, now)).toBe(true);
    expect(isAtRisk({ ...base, lastActiveAt: null, joinedAt: daysAgo(2) }, 14, now)).toBe(false);
  });
  it("flags two failed attempts on a quiz not yet passed", () => {
    expect(isAtRisk({ ...base, maxFailsUnpassed: 1 }, 14, now)).toBe(false);
    expect(isAtRisk({ ...base, maxFailsUnpassed: 2 }, 14, now)).toBe(true);
  });
  it("flags overdue work", () => {
    expect(isAtRisk({ ...base, overdue: true }, 14, now)).toBe(true);
  });
  it("a ready student is never at risk", () => {
    expect(isAtRisk({ ...base, readyAt: daysAgo(40), lastActiveAt: daysAgo(40), maxFailsUnpassed: 5, overdue: true }, 14, now)).toBe(false);
  });
});

describe("roster status", () => {
  it("orders ready, at risk, in progress, not started", () => {
    expect(rosterStatus({ ...base, readyAt: daysAgo(1), progressPercent: 100 }, 14, now)).toBe("ready");
    expect(rosterStatus({ ...base, maxFailsUnpassed: 2, progressPercent: 40 }, 14, now)).toBe("at_risk");
    expect(rosterStatus({ ...base, progressPercent: 40 }, 14, now)).toBe("in_progress");
    expect(rosterStatus({ ...base, progressPercent: 0 }, 14, now)).toBe("not_started");
  });
});
