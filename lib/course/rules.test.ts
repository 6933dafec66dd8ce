import { describe, expect, it } from "vitest";
import { courseConfigSchema, DEFAULT_COURSE_CONFIG, parseCourseConfig, parseSectionSettings } from "./config";
import { bestAttempts, bestPercent, courseRules, isMastered, masteryPercent, passes, passMarkFor, progressPercent, quizPolicyFor, rulesFor } from "./rules";

describe("passMarkFor", () => {
  it("reads the course configuration by quiz kind, so a changed config changes every answer", () => {
    expect(passMarkFor({ kind: "lesson" }, DEFAULT_COURSE_CONFIG)).toBe(80);
    expect(passMarkFor({ kind: "final" }, DEFAULT_COURSE_CONFIG)).toBe(85);
    expect(passMarkFor({ kind: "final" }, { ...DEFAULT_COURSE_CONFIG, finalPassPercent: 95 })).toBe(95);
  });
  it("passes at the mark, not below it, and never without a score", () => {
    expect(passes(85, 85)).toBe(true);
    expect(passes(84.9, 85)).toBe(false);
    expect(passes(null, 0)).toBe(false);
  });
});

describe("best attempt", () => {
  const attempts = [
    { quizId: "a", percent: 60, attemptNumber: 1, id: "a1" },
    { quizId: "a", percent: 90, attemptNumber: 2, id: "a2" },
    { quizId: "a", percent: 90, attemptNumber: 3, id: "a3" },
    { quizId: "b", percent: 10, attemptNumber: 1, id: "b1" },
  ];
  it("is the highest percent per quiz, the earliest attempt on a tie", () => {
    const best = bestAttempts(attempts);
    expect(best.get("a")?.id).toBe("a2");
    expect(best.get("b")?.id).toBe("b1");
    expect(bestAttempts([...attempts].reverse()).get("a")?.id).toBe("a2");
  });
  it("bestPercent agrees with bestAttempts, and is null before any attempt", () => {
    expect(bestPercent(attempts.filter((a) => a.quizId === "a"))).toBe(90);
    expect(bestPercent([])).toBeNull();
  });
});

describe("objective mastery", () => {
  it("compares unrounded: 69.96% is not 70%, although it displays as 70%", () => {
    const o = { earned: 69.96, possible: 100 };
    expect(masteryPercent(o)).toBe(70);
    expect(isMastered(o, DEFAULT_COURSE_CONFIG)).toBe(false);
    expect(isMastered({ earned: 7, possible: 10 }, DEFAULT_COURSE_CONFIG)).toBe(true);
  });
  it("needs evidence", () => {
    expect(isMastered({ earned: 0, possible: 0 }, { objectiveMasteryPercent: 0 })).toBe(false);
    expect(masteryPercent({ earned: 0, possible: 0 })).toBeNull();
  });
});

describe("progressPercent", () => {
  it("rounds down, so 100% means everything", () => {
    expect(progressPercent(14, 15)).toBe(93);
    expect(progressPercent(0, 0)).toBe(0);
  });
});

describe("a section's rules", () => {
  const quiz = { kind: "lesson", maxAttempts: 3, timeLimitSeconds: null, reviewPolicy: "after_pass_or_last" };

  it("follow the course where the section chose nothing", () => {
    const rules = rulesFor(DEFAULT_COURSE_CONFIG, {});
    expect(passMarkFor({ kind: "lesson" }, rules)).toBe(80);
    expect(quizPolicyFor(quiz, rules)).toEqual({ maxAttempts: 3, timeLimitSeconds: null, reviewPolicy: "after_pass_or_last" });
    expect(rules).toEqual(courseRules(DEFAULT_COURSE_CONFIG));
  });

  it("replace the course's where the section chose, within the coordinator's bounds", () => {
    const rules = rulesFor(DEFAULT_COURSE_CONFIG, { lessonPassPercent: 75, finalPassPercent: 90, lessonMaxAttempts: 5, lessonTimeLimitMinutes: 20, reviewPolicy: "after_submit", requireInstructorSignOff: true });
    expect(passMarkFor({ kind: "lesson" }, rules)).toBe(75);
    expect(passMarkFor({ kind: "final" }, rules)).toBe(90);
    expect(rules.requireInstructorSignOff).toBe(true);
    expect(quizPolicyFor(quiz, rules)).toEqual({ maxAttempts: 5, timeLimitSeconds: 1200, reviewPolicy: "after_submit" });
  });

  it("hold a choice outside the bounds to the nearest bound, and ignore what the coordinator does not allow", () => {
    const config = courseConfigSchema.parse({
      sectionBounds: { passPercent: { min: 70, max: 90 }, maxAttempts: { min: 1, max: 3 }, reviewPolicies: ["never"], signOffChoice: false },
    });
    const rules = rulesFor(config, { lessonPassPercent: 40, finalPassPercent: 99, lessonMaxAttempts: 9, reviewPolicy: "after_submit", requireInstructorSignOff: true });
    expect(passMarkFor({ kind: "lesson" }, rules)).toBe(70);
    expect(passMarkFor({ kind: "final" }, rules)).toBe(90);
    expect(quizPolicyFor(quiz, rules)).toEqual({ maxAttempts: 3, timeLimitSeconds: null, reviewPolicy: "after_pass_or_last" });
    expect(rules.requireInstructorSignOff).toBe(false);
  });

  it("read a stored configuration without bounds with the default bounds, and bad settings as none", () => {
    expect(parseCourseConfig(JSON.stringify({ lessonPassPercent: 70 })).sectionBounds).toEqual(DEFAULT_COURSE_CONFIG.sectionBounds);
    expect(parseSectionSettings("not json")).toEqual({});
    expect(parseSectionSettings(JSON.stringify({ lessonPassPercent: 500 }))).toEqual({});
    expect(() => courseConfigSchema.parse({ sectionBounds: { passPercent: { min: 90, max: 80 } } })).toThrow();
  });
});
