import { describe, expect, it } from "vitest";
import { activityOfPath, activityTitle, lineItemFor, MAX_SCORE_TRIES, nextScoredAt, outcomeOf, owedScores, READINESS_ACTIVITY, scoreChanged, scoreRetryDelayMs, scoresUrl } from "./grades";

const slugs = new Set(["roles-quiz", "final"]);

describe("activityOfPath", () => {
  it("names a quiz by its slug, and the course, its outline or readiness as the readiness milestone", () => {
    expect(activityOfPath("/quizzes/roles-quiz", slugs)).toBe("quiz:roles-quiz");
    expect(activityOfPath("/quizzes/final/?x=1", slugs)).toBe("quiz:final");
    expect(activityOfPath("/course", slugs)).toBe(READINESS_ACTIVITY);
    expect(activityOfPath("/", slugs)).toBe(READINESS_ACTIVITY);
    expect(activityOfPath("/readiness", slugs)).toBe(READINESS_ACTIVITY);
  });
  it("names no activity for an ungraded page or an unknown quiz", () => {
    expect(activityOfPath("/lessons/legal-team", slugs)).toBeNull();
    expect(activityOfPath("/quizzes/nope", slugs)).toBeNull();
    expect(activityOfPath("/quizzes/final/attempts/1", slugs)).toBeNull();
  });
  it("names a written assignment by its slug, and no activity for an unknown one", () => {
    const assignments = new Set(["ethics-reflection"]);
    expect(activityOfPath("/assignments/ethics-reflection", slugs, assignments)).toBe("assignment:ethics-reflection");
    expect(activityOfPath("/assignments/ethics-reflection/", slugs, assignments)).toBe("assignment:ethics-reflection");
    expect(activityOfPath("/assignments/nope", slugs, assignments)).toBeNull();
    expect(activityOfPath("/assignments/ethics-reflection", slugs)).toBeNull();
  });
});

describe("owedScores", () => {
  const quizzes = [
    { id: "q1", slug: "roles-quiz" },
    { id: "q2", slug: "final" },
  ];
  it("owes each attempted quiz's best percent out of 100, and readiness once reached", () => {
    expect(owedScores(quizzes, new Map([["q1", { percent: 83.3333 }]]), null, [])).toEqual([
      { activity: "quiz:roles-quiz", scoreGiven: 83.33, scoreMaximum: 100, activityProgress: "Completed", gradingProgress: "FullyGraded" },
    ]);
    const ready = owedScores(quizzes, new Map([["q1", { percent: 100 }], ["q2", { percent: 90 }]]), new Date(), []);
    expect(ready.map((s) => [s.activity, s.scoreGiven])).toEqual([["quiz:roles-quiz", 100], ["quiz:final", 90], [READINESS_ACTIVITY, 100]]);
  });
  it("owes nothing for a quiz never graded: the LMS column stays empty, not zero", () => {
    expect(owedScores(quizzes, new Map([["q1", { percent: null }]]), null, [])).toEqual([]);
    expect(owedScores(quizzes, new Map([["q1", { percent: 0 }]]), null, [])[0].scoreGiven).toBe(0);
  });
  it("owes each assignment's released grade out of 100, after the quizzes; none before a grade is released", () => {
    const owed = owedScores(quizzes, new Map([["q1", { percent: 80 }]]), new Date(), [
      { slug: "ethics-reflection", percent: 200 / 3 },
      { slug: "internship-application", percent: null },
    ]);
    expect(owed.map((s) => [s.activity, s.scoreGiven, s.scoreMaximum])).toEqual([["quiz:roles-quiz", 80, 100], ["assignment:ethics-reflection", 66.67, 100], [READINESS_ACTIVITY, 100, 100]]);
    expect(owedScores(quizzes, new Map(), null, [{ slug: "ethics-reflection", percent: 0 }])).toMatchObject([{ activity: "assignment:ethics-reflection", scoreGiven: 0 }]);
  });
  it("a changed score is one whose value changed", () => {
    const owed = owedScores(quizzes, new Map([["q1", { percent: 80 }]]), null, [])[0];
    expect(scoreChanged({ scoreGiven: 80, scoreMaximum: 100 }, owed)).toBe(false);
    expect(scoreChanged({ scoreGiven: 70, scoreMaximum: 100 }, owed)).toBe(true);
  });
});

describe("the order and pace of posts", () => {
  it("each new timestamp is after the previous one, even when the clock is behind", () => {
    const earlier = new Date("2026-11-30T10:00:00.000Z");
    expect(nextScoredAt(null, earlier)).toEqual(earlier);
    expect(nextScoredAt(earlier, new Date("2026-11-30T10:05:00.000Z")).toISOString()).toBe("2026-11-30T10:05:00.000Z");
    expect(nextScoredAt(earlier, new Date("2026-11-30T09:00:00.000Z")).toISOString()).toBe("2026-11-30T10:00:00.001Z");
    expect(nextScoredAt(earlier, earlier).getTime()).toBeGreaterThan(earlier.getTime());
  });
  it("waits longer after each failure, at most an hour, for hours in all", () => {
    expect(scoreRetryDelayMs(1)).toBe(30_000);
    expect(scoreRetryDelayMs(2)).toBe(60_000);
    expect(scoreRetryDelayMs(30)).toBe(3_600_000);
    let total = 0;
    for (let n = 1; n < MAX_SCORE_TRIES; n++) total += scoreRetryDelayMs(n);
    expect(total).toBeGreaterThan(2 * 3_600_000);
  });
  it("retries what a busy platform answers, reauthorizes on 401, and stops on a refusal", () => {
    expect(outcomeOf(200)).toBe("sent");
    expect(outcomeOf(204)).toBe("sent");
    expect(outcomeOf(401)).toBe("reauthorize");
    for (const status of [408, 429, 500, 502, 503]) expect(outcomeOf(status)).toBe("retry");
    for (const status of [400, 403, 404, 422]) expect(outcomeOf(status)).toBe("refused");
  });
});

describe("line items", () => {
  it("posts to the line item's scores service, keeping its query", () => {
    expect(scoresUrl("https://lms.example/api/lti/courses/1/line_items/7")).toBe("https://lms.example/api/lti/courses/1/line_items/7/scores");
    expect(scoresUrl("https://lms.example/mod/lti/services.php/2/lineitems/4/lineitem?type_id=1")).toBe("https://lms.example/mod/lti/services.php/2/lineitems/4/lineitem/scores?type_id=1");
  });
  const course = { quizzes: [{ slug: "final", title: "Final assessment" }], assignments: [{ slug: "final", title: "Ethics reflection" }] };
  it("labels a made line item by the quiz's or the assignment's title, out of 100, findable by its activity", () => {
    expect(lineItemFor("quiz:final", course)).toEqual({ label: "Casebook: Final assessment", scoreMaximum: 100, resourceId: "quiz:final", tag: "casebook" });
    // A quiz and an assignment may share a slug: the activity's prefix tells them apart.
    expect(lineItemFor("assignment:final", course)).toEqual({ label: "Casebook: Ethics reflection", scoreMaximum: 100, resourceId: "assignment:final", tag: "casebook" });
    expect(lineItemFor(READINESS_ACTIVITY, course).label).toBe("Casebook: Internship ready");
    expect(activityTitle("assignment:retired", course)).toBe("assignment:retired");
  });
});
