import { describe, expect, it } from "vitest";
import { deadlineFor, effectiveLimits, isPastGrace } from "./policy";

describe("quiz policy", () => {
  const final = { maxAttempts: 2, timeLimitSeconds: 1800, reviewPolicy: "after_pass_or_last" };
  it("accommodations extend time and attempts", () => {
    expect(effectiveLimits(final, null)).toEqual({ maxAttempts: 2, timeLimitSeconds: 1800 });
    expect(effectiveLimits(final, { timeMultiplier: 1.5, extraAttempts: 1 })).toEqual({ maxAttempts: 3, timeLimitSeconds: 2700 });
    expect(effectiveLimits({ ...final, timeLimitSeconds: null }, { timeMultiplier: 2, extraAttempts: 0 }).timeLimitSeconds).toBeNull();
  });
  it("the deadline has a short grace period", () => {
    const start = new Date("2026-01-01T10:00:00Z");
    const deadline = deadlineFor(start, 60)!;
    expect(deadline.toISOString()).toBe("2026-01-01T10:01:00.000Z");
    expect(isPastGrace(deadline, new Date("2026-01-01T10:01:09Z"))).toBe(false);
    expect(isPastGrace(deadline, new Date("2026-01-01T10:01:11Z"))).toBe(true);
    expect(isPastGrace(null)).toBe(false);
  });
});
