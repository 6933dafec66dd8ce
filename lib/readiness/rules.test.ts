import { describe, expect, it } from "vitest";
import { DEFAULT_COURSE_CONFIG } from "@/lib/course/config";
import { evaluateReadiness, masteryPercent, type ReadinessInput } from "./rules";

const config = DEFAULT_COURSE_CONFIG; // final 85%, mastery 70%, no sign-off

function complete(): ReadinessInput {
  return {
    lessons: [
      { slug: "l1", title: "One", complete: true },
      { slug: "l2", title: "Two", complete: true },
    ],
    lessonQuizzes: [
      { slug: "q1", title: "Quiz one", passed: true, bestPercent: 90 },
      { slug: "q2", title: "Quiz two", passed: true, bestPercent: 100 },
    ],
    final: { slug: "final", title: "Final", bestPercent: 90 },
    objectives: [
      { id: "l1.a", text: "Objective A", lessonSlug: "l1", earned: 8, possible: 10 },
      { id: "l2.b", text: "Objective B", lessonSlug: "l2", earned: 3, possible: 3 },
    ],
    selfAssessmentDone: true,
    signedOff: false,
    writtenWork: [
      { slug: "a1", title: "Letter", percent: 75 },
      { slug: "a2", title: "Reflection", percent: null },
    ],
  };
}

const unmet = (input: ReadinessInput, c = config) => evaluateReadiness(input, c).requirements.filter((r) => !r.met).map((r) => r.id);

describe("evaluateReadiness", () => {
  it("is ready when everything is met", () => {
    const result = evaluateReadiness(complete(), config);
    expect(result.ready).toBe(true);
    expect(result.requirements.map((r) => r.id)).toEqual(["lessons", "quizzes", "final", "mastery", "self-assessment"]);
  });

  it("an unfinished lesson blocks readiness and names the lesson", () => {
    const input = complete();
    input.lessons[1].complete = false;
    expect(unmet(input)).toEqual(["lessons"]);
    const lessons = evaluateReadiness(input, config).requirements[0];
    expect(lessons.detail).toContain("Two");
    expect(lessons.href).toBe("/lessons/l2");
  });

  it("an unpassed lesson quiz blocks readiness and says how far off", () => {
    const input = complete();
    input.lessonQuizzes[0] = { ...input.lessonQuizzes[0], passed: false, bestPercent: 60 };
    expect(unmet(input)).toEqual(["quizzes"]);
    expect(evaluateReadiness(input, config).requirements[1].detail).toContain("best 60%, need 80%");
  });

  it("the final pass mark is inclusive at the edge", () => {
    const at = complete();
    at.final!.bestPercent = 85;
    expect(evaluateReadiness(at, config).ready).toBe(true);
    const below = complete();
    below.final!.bestPercent = 84.9;
    expect(unmet(below)).toEqual(["final"]);
    expect(evaluateReadiness(below, config).requirements[2].detail).toContain("0.1 points short");
    const none = complete();
    none.final!.bestPercent = null;
    expect(evaluateReadiness(none, config).requirements[2].detail).toBe("Not taken yet.");
  });

  it("objective mastery is inclusive at 70% and names the weak objective", () => {
    const at = complete();
    at.objectives[0] = { ...at.objectives[0], earned: 7, possible: 10 };
    expect(evaluateReadiness(at, config).ready).toBe(true);
    const below = complete();
    below.objectives[0] = { ...below.objectives[0], earned: 6.99, possible: 10 };
    expect(unmet(below)).toEqual(["mastery"]);
    expect(evaluateReadiness(below, config).requirements[3].detail).toContain("Objective A (69.9%)");
  });

  it("an objective with no answers is not mastered", () => {
    const input = complete();
    input.objectives[1] = { ...input.objectives[1], earned: 0, possible: 0 };
    expect(unmet(input)).toEqual(["mastery"]);
    expect(evaluateReadiness(input, config).requirements[3].detail).toContain("no answers yet");
  });

  it("the self-assessment is required", () => {
    const input = complete();
    input.selfAssessmentDone = false;
    expect(unmet(input)).toEqual(["self-assessment"]);
  });

  it("instructor sign-off is required only when the course turns it on", () => {
    const withSignOff = { ...config, requireInstructorSignOff: true };
    expect(unmet(complete(), withSignOff)).toEqual(["sign-off"]);
    expect(evaluateReadiness({ ...complete(), signedOff: true }, withSignOff).ready).toBe(true);
  });

  it("thresholds come from the configuration", () => {
    const strict = { ...config, finalPassPercent: 95, objectiveMasteryPercent: 90 };
    expect(unmet(complete(), strict)).toEqual(["final", "mastery"]);
  });
});

describe("masteryPercent", () => {
  it("is null without evidence and rounds to one decimal", () => {
    expect(masteryPercent({ earned: 0, possible: 0 })).toBeNull();
    expect(masteryPercent({ earned: 2, possible: 3 })).toBe(66.7);
  });

  it("counts written work only when the course asks for it, on every assignment's released grade", () => {
    expect(unmet(complete())).toEqual([]);
    const asking = { ...config, writtenWorkPercent: 75 };
    const req = evaluateReadiness(complete(), asking).requirements.find((r) => r.id === "written")!;
    expect(req.met).toBe(false);
    expect(req.detail).toContain("“Reflection” (no released grade yet)");
    expect(req.href).toBe("/assignments/a2");
    const graded = { ...complete(), writtenWork: [{ slug: "a1", title: "Letter", percent: 75 }, { slug: "a2", title: "Reflection", percent: 74.9 }] };
    expect(unmet(graded, asking)).toEqual(["written"]);
    graded.writtenWork[1].percent = 80;
    expect(unmet(graded, asking)).toEqual([]);
    // A course without assignments has nothing to require.
    expect(unmet({ ...complete(), writtenWork: [] }, asking)).toEqual([]);
  });
});
