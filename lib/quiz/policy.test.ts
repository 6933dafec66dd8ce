import { describe, expect, it } from "vitest";
import { DEFAULT_COURSE_CONFIG } from "@/lib/course/config";
import { courseRules, rulesFor } from "@/lib/course/rules";
import { deadlineFor, effectiveLimits, isPastGrace } from "./policy";

describe("quiz policy", () => {
  const final = { kind: "final", maxAttempts: 2, timeLimitSeconds: 1800, reviewPolicy: "after_pass_or_last" };
  const course = courseRules(DEFAULT_COURSE_CONFIG);
  it("accommodations extend time and attempts", () => {
    expect(effectiveLimits(final, course, null)).toEqual({ maxAttempts: 2, timeLimitSeconds: 1800, reviewPolicy: "after_pass_or_last" });
    expect(effectiveLimits(final, course, { timeMultiplier: 1.5, extraAttempts: 1 })).toMatchObject({ maxAttempts: 3, timeLimitSeconds: 2700 });
    expect(effectiveLimits({ ...final, timeLimitSeconds: null }, course, { timeMultiplier: 2, extraAttempts: 0 }).timeLimitSeconds).toBeNull();
  });
  it("a section's choices replace the quiz file's, and an accommodation adds to them", () => {
    const section = rulesFor(DEFAULT_COURSE_CONFIG, { finalMaxAttempts: 4, finalTimeLimitMinutes: 45, reviewPolicy: "never" });
    expect(effectiveLimits(final, section, null)).toEqual({ maxAttempts: 4, timeLimitSeconds: 2700, reviewPolicy: "never" });
    expect(effectiveLimits(final, section, { timeMultiplier: 2, extraAttempts: 1 })).toMatchObject({ maxAttempts: 5, timeLimitSeconds: 5400 });
    // The lesson quizzes keep the file's values: the section chose only for the final.
    expect(effectiveLimits({ ...final, kind: "lesson", maxAttempts: 3, timeLimitSeconds: null }, section, null)).toEqual({ maxAttempts: 3, timeLimitSeconds: null, reviewPolicy: "never" });
  });
  it("one quiz's extension adds attempts to the accommodation's, and the more generous extra time applies", () => {
    expect(effectiveLimits(final, course, { timeMultiplier: 1.5, extraAttempts: 1 }, { timeMultiplier: 1.25, extraAttempts: 2 })).toMatchObject({ maxAttempts: 5, timeLimitSeconds: 2700 });
    expect(effectiveLimits(final, course, null, { timeMultiplier: 2, extraAttempts: 0 })).toMatchObject({ maxAttempts: 2, timeLimitSeconds: 3600 });
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
