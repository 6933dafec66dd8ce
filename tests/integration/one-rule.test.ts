// One rule, one place: the pass mark, objective mastery and readiness each have one
// definition, and pages only read what the events recorded.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { parseCourseConfig } from "@/lib/course/config";
import { isMastered } from "@/lib/course/rules";
import { changeCourseConfig } from "@/lib/course/settings";
import { analyzeObjectives } from "@/lib/items";
import { getOutline } from "@/lib/progress";
import { saveAnswer, submitAttempt } from "@/lib/quiz/answers";
import { getQuizOverview, startAttempt } from "@/lib/quiz/attempts";
import { getAttemptReview } from "@/lib/quiz/review";
import { getReadiness, readinessInput } from "@/lib/readiness";
import { setSignOffRequired } from "@/lib/readiness/sign-off";
import { getStudentDetail } from "@/lib/roster/student-detail";
import { seed } from "@/lib/seed";
import { completeLessonsAndQuizzes, completeSelfAssessment, passQuiz } from "@/tests/support/course";
import { attemptQuestionIds, correctResponse } from "@/tests/support/quiz";
import { makeUser } from "@/tests/support/users";

beforeAll(async () => {
  await seed({ demo: false });
});

/** Starts a quiz and answers all but the first `wrong` questions correctly. */
async function takeQuiz(student: Awaited<ReturnType<typeof makeUser>>, slug: string, wrong: number) {
  const started = await startAttempt(student, slug);
  if (!started.ok) throw new Error(started.message);
  for (const [i, questionId] of (await attemptQuestionIds(started.attemptId)).entries()) {
    if (i >= wrong) await saveAnswer(student, started.attemptId, { questionId, response: await correctResponse(questionId, started.attemptId) });
  }
  const submitted = await submitAttempt(student, started.attemptId);
  if (!submitted.ok) throw new Error(submitted.message);
  return submitted.result;
}

/** Everything the readiness, certificate, outline and drill-down pages read, and what was written. */
async function writes(studentId: string) {
  const [readiness, certificates, summary, audit] = await Promise.all([
    db.readiness.count({ where: { userId: studentId } }),
    db.certificate.count({ where: { userId: studentId } }),
    db.studentSummary.findUnique({ where: { userId: studentId }, select: { updatedAt: true, readyAt: true } }),
    db.auditLog.count(),
  ]);
  return { readiness, certificates, summary, audit };
}

describe("the pass mark has one source", () => {
  it("after a configuration change the result page, the quiz page and readiness agree", async () => {
    const coordinator = await makeUser("coordinator");
    const student = await makeUser();
    await completeLessonsAndQuizzes(student);
    const result = await takeQuiz(student, "final-assessment", 1); // one question wrong: passes at 85%, not at 100%
    expect(result.passed).toBe(true);
    const finalRequirement = async () => (await getReadiness(student)).requirements.find((r) => r.id === "final")!;
    expect((await finalRequirement()).met).toBe(true);

    await changeCourseConfig(coordinator, { finalPassPercent: 100 });
    const review = await getAttemptReview(student, result.attemptId);
    if (!review.ok) throw new Error(review.message);
    expect(review.quiz.passMark).toBe(100);
    expect(review.summary.passed).toBe(false);
    expect((await finalRequirement()).met).toBe(false);
    expect((await getQuizOverview(student, "final-assessment"))!.quiz.passMark).toBe(100);
    expect((await getQuizOverview(student, "final-assessment"))!.passed).toBe(false);

    await changeCourseConfig(coordinator, { finalPassPercent: 85 });
    const again = await getAttemptReview(student, result.attemptId);
    expect(again.ok && again.summary.passed).toBe(true);
    expect((await finalRequirement()).met).toBe(true);
  });
});

describe("objective mastery has one definition", () => {
  it("the objectives page lists exactly the students readiness finds short, counting best attempts only", async () => {
    const instructor = await makeUser("instructor");
    const improved = await makeUser(); // a bad first attempt, then a perfect one
    const { completeLesson } = await import("@/lib/progress");
    await completeLesson(improved, "legal-team");
    await takeQuiz(improved, "legal-team-quiz", 100);
    await passQuiz(improved, "legal-team-quiz");
    const weak = await makeUser();
    await completeLesson(weak, "legal-team");
    await takeQuiz(weak, "legal-team-quiz", 100);

    const config = parseCourseConfig((await db.course.findFirstOrThrow({ select: { config: true } })).config);
    const { objectives } = (await analyzeObjectives(instructor))!;
    for (const objective of objectives) {
      const { below } = (await analyzeObjectives(instructor, objective.id))!;
      for (const student of [improved, weak]) {
        const evidence = (await readinessInput(student)).objectives.find((o) => o.id === objective.id)!;
        if (evidence.possible === 0) continue;
        // SQL (lib/items) and the pure rule (lib/course/rules) on the same data.
        expect(below.some((b) => b.id === student.id), `${objective.id} ${student.email}`).toBe(!isMastered(evidence, config));
      }
    }
    const firstObjective = (await readinessInput(improved)).objectives.find((o) => o.possible > 0)!;
    expect(isMastered(firstObjective, config)).toBe(true);
    expect(((await analyzeObjectives(instructor, firstObjective.id))!).below.map((b) => b.id)).not.toContain(improved.id);
  });
});

describe("pages read, events record", () => {
  it("viewing the outline, readiness, certificate or an instructor's drill-down writes nothing; the completing event records", async () => {
    const instructor = await makeUser("instructor");
    const student = await makeUser();
    await completeLessonsAndQuizzes(student, { final: true });
    // Every requirement met, but by a row written behind the events' back: nothing recorded yet.
    const course = await db.course.findFirstOrThrow({ select: { id: true } });
    await db.skillsSelfAssessment.create({ data: { userId: student.id, courseId: course.id, ratings: "{}", specialization: "family" }, select: { id: true } });
    const before = await writes(student.id);
    expect(before).toMatchObject({ readiness: 0, certificates: 0 });

    expect((await getReadiness(student)).ready).toBe(true);
    await getOutline(student);
    await getStudentDetail(instructor, student.id);
    expect(await writes(student.id)).toEqual(before);

    await completeSelfAssessment(student); // the event
    expect(await writes(student.id)).toMatchObject({ readiness: 1, certificates: 1 });
    expect((await getReadiness(student)).certificate).not.toBeNull();
  });

  it("a sign-off and a configuration change record readiness too", async () => {
    const instructor = await makeUser("instructor");
    const coordinator = await makeUser("coordinator");
    await expect(setSignOffRequired(instructor, true)).rejects.toThrow(/coordinator/); // course-wide: not one instructor's call
    await setSignOffRequired(coordinator, true);
    const [signed, waiting] = [await makeUser(), await makeUser()];
    for (const s of [signed, waiting]) {
      await completeLessonsAndQuizzes(s, { final: true });
      await completeSelfAssessment(s);
    }
    expect((await writes(signed.id)).readiness).toBe(0);
    const { signOffStudent } = await import("@/lib/readiness/sign-off");
    expect(await signOffStudent(instructor, signed.id, "Well done")).toEqual({ ok: true });
    expect(await writes(signed.id)).toMatchObject({ readiness: 1, certificates: 1 });
    expect((await writes(waiting.id)).readiness).toBe(0);
    await setSignOffRequired(coordinator, false);
    expect(await writes(waiting.id)).toMatchObject({ readiness: 1, certificates: 1 });
  });
});
