// A section's own rules within the coordinator's bounds (issue 14): pass marks, attempts,
// time limit, review policy and sign-off, read by every rule for that section's students
// only, audited, and applied to their passes and readiness in the change's transaction.
import { beforeAll, describe, expect, it } from "vitest";
import type { CurrentUser } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { DEFAULT_COURSE_CONFIG, parseCourseConfig } from "@/lib/course/config";
import { readOwnRecord } from "@/lib/course/own-record";
import { rulesFor } from "@/lib/course/rules";
import { rulesOfStudent, sectionSettingsOf } from "@/lib/course/student-rules";
import { changeCourseConfig } from "@/lib/course/settings";
import { getQuizOverview, startAttempt } from "@/lib/quiz/attempts";
import { saveAnswer, submitAttempt } from "@/lib/quiz/answers";
import { getAttemptReview } from "@/lib/quiz/review";
import { getReadiness } from "@/lib/readiness";
import { seed } from "@/lib/seed";
import { moveStudent } from "@/lib/sections/enrollment";
import { addInstructor, createSection, getSection } from "@/lib/sections/manage";
import { changeSectionSettings, getSectionRules } from "@/lib/sections/settings";
import { dayIn } from "@/lib/sections/terms";
import { createUser } from "@/lib/users";
import { completeLessonsAndQuizzes } from "@/tests/support/course";
import { attemptQuestionIds, correctResponse } from "@/tests/support/quiz";
import { makeUser } from "@/tests/support/users";

const FINAL = "final-assessment";
const today = (days = 0) => dayIn(new Date(Date.now() + days * 86_400_000), "UTC");

let coordinator: CurrentUser;
let teacherA: CurrentUser;
let teacherB: CurrentUser;
const section = { a: "", b: "" };
const codes = { a: "", b: "" };

async function studentIn(code: string, name: string): Promise<CurrentUser> {
  const user = await createUser({ name, email: `${name.toLowerCase().replace(/ /g, ".")}@settings.test`, password: "long-enough-password", role: "student" }, code);
  return { ...user, role: "student" };
}

/** The final with its first question left blank: about 95%, a pass at 85 and not at 100. */
async function finalOneWrong(student: CurrentUser) {
  const started = await startAttempt(student, FINAL);
  if (!started.ok) throw new Error(started.message);
  for (const [i, questionId] of (await attemptQuestionIds(started.attemptId)).entries()) {
    if (i > 0) await saveAnswer(student, started.attemptId, { questionId, response: await correctResponse(questionId, started.attemptId) });
  }
  const submitted = await submitAttempt(student, started.attemptId);
  if (!submitted.ok) throw new Error(submitted.message);
  return { ...submitted.result, attemptId: started.attemptId };
}

const form = (sectionId: string, values: Partial<Record<string, number | string>>) => ({
  sectionId,
  lessonPassPercent: undefined,
  finalPassPercent: undefined,
  lessonMaxAttempts: undefined,
  finalMaxAttempts: undefined,
  lessonTimeLimitMinutes: undefined,
  finalTimeLimitMinutes: undefined,
  reviewPolicy: undefined,
  signOff: "course" as const,
  writtenWorkPercent: undefined,
  ...values,
});

const finalMet = async (student: CurrentUser) => (await getReadiness(student)).requirements.find((r) => r.id === "final")!.met;
const passedStored = async (attemptId: string) => (await db.quizAttempt.findUniqueOrThrow({ where: { id: attemptId }, select: { passed: true } })).passed;

let inA: CurrentUser;
let inB: CurrentUser;
let attemptA: string;
let attemptB: string;

beforeAll(async () => {
  await seed({ demo: false });
  coordinator = await makeUser("coordinator");
  [teacherA, teacherB] = [await makeUser("instructor"), await makeUser("instructor")];
  await db.sectionInstructor.deleteMany({ where: { userId: { in: [teacherA.id, teacherB.id] } } });
  for (const key of ["a", "b"] as const) {
    const created = await createSection(coordinator, { name: `Rules ${key}`, termStart: today(-10), termEnd: today(90), timeZone: "UTC" });
    section[key] = created.id;
    await addInstructor(coordinator, created.id, (key === "a" ? teacherA : teacherB).email);
    codes[key] = (await getSection(coordinator, created.id))!.joinCode;
  }
  [inA, inB] = [await studentIn(codes.a, "Ana Rules"), await studentIn(codes.b, "Ben Rules")];
  for (const s of [inA, inB]) await completeLessonsAndQuizzes(s);
  const [a, b] = [await finalOneWrong(inA), await finalOneWrong(inB)];
  expect(a.passed && b.passed).toBe(true);
  expect(a.percent).toBeLessThan(100);
  expect(a.percent).toBeGreaterThanOrEqual(90);
  [attemptA, attemptB] = [a.attemptId, b.attemptId];
});

describe("a section's own rules", () => {
  it("a higher pass mark re-derives this section's passes and readiness, and no other section's", async () => {
    await changeSectionSettings(teacherA, form(section.a, { finalPassPercent: 100 }));
    expect(await passedStored(attemptA)).toBe(false);
    expect(await passedStored(attemptB)).toBe(true);
    expect(await finalMet(inA)).toBe(false);
    expect(await finalMet(inB)).toBe(true);
    const review = await getAttemptReview(inA, attemptA);
    expect(review.ok && review.quiz.passMark).toBe(100);
    expect((await getQuizOverview(inB, FINAL))!.quiz.passMark).toBe(85);
    const audit = await db.auditLog.findFirst({ where: { action: "section.settings", targetId: section.a }, select: { actorId: true, detail: true } });
    expect(audit?.actorId).toBe(teacherA.id);
    expect(JSON.parse(audit!.detail)).toMatchObject({ before: {}, after: { finalPassPercent: 100 } });
    // The roster summary was written in the same transaction.
    const summary = await db.studentSummary.findUniqueOrThrow({ where: { userId: inA.id }, select: { finalPassed: true } });
    expect(summary.finalPassed).toBe(false);
  });

  it("more attempts and a time limit apply to the next attempt of this section's students", async () => {
    await changeSectionSettings(teacherA, form(section.a, { finalPassPercent: 100, finalMaxAttempts: 4, finalTimeLimitMinutes: 45 }));
    expect((await getQuizOverview(inA, FINAL))!.limits.maxAttempts).toBe(4);
    expect((await getQuizOverview(inB, FINAL))!.limits.maxAttempts).toBe(2);
    const started = await startAttempt(inA, FINAL);
    if (!started.ok) throw new Error(started.message);
    const row = await db.quizAttempt.findUniqueOrThrow({ where: { id: started.attemptId }, select: { startedAt: true, deadlineAt: true } });
    expect(row.deadlineAt!.getTime() - row.startedAt.getTime()).toBe(45 * 60_000);
    await db.quizAttempt.delete({ where: { id: started.attemptId } });
  });

  it("refuses a value outside the coordinator's bounds, and changes nothing", async () => {
    const before = await db.section.findUniqueOrThrow({ where: { id: section.a }, select: { settings: true } });
    await expect(changeSectionSettings(teacherA, form(section.a, { finalPassPercent: 30, lessonMaxAttempts: 50 }))).rejects.toMatchObject({
      status: 400,
      fieldErrors: { finalPassPercent: expect.stringMatching(/between 60 and 100/), lessonMaxAttempts: expect.stringMatching(/between 1 and 10/) },
    });
    expect(await db.section.findUniqueOrThrow({ where: { id: section.a }, select: { settings: true } })).toEqual(before);
  });

  it("is not another section's instructor's to read or change", async () => {
    await expect(changeSectionSettings(teacherB, form(section.a, { finalPassPercent: 60 }))).rejects.toMatchObject({ status: 404 });
    expect(await getSectionRules(teacherB, section.a)).toBeNull();
    expect(await passedStored(attemptA)).toBe(false);
  });

  it("narrowing the bounds holds every section to them at once", async () => {
    await changeCourseConfig(coordinator, { sectionBounds: { passPercent: { min: 60, max: 90 }, maxAttempts: { min: 1, max: 3 }, timeLimitMinutes: { min: 5, max: 180 }, reviewPolicies: ["after_pass_or_last", "after_submit", "never"], signOffChoice: true } });
    // Section A chose 100 and 4; the bounds hold it to 90 and 3: the attempt passes again.
    expect(await passedStored(attemptA)).toBe(true);
    expect(await finalMet(inA)).toBe(true);
    expect((await getQuizOverview(inA, FINAL))!.limits.maxAttempts).toBe(3);
    expect((await getSectionRules(teacherA, section.a))!.rules.finalPassPercent).toBe(90);
  });

  it("sign-off required in one section is required of its students only", async () => {
    const signOff = async (s: CurrentUser) => (await getReadiness(s)).requirements.some((r) => r.id === "sign-off");
    expect(await signOff(inA)).toBe(false);
    await changeSectionSettings(teacherA, form(section.a, { signOff: "required" }));
    expect(await signOff(inA)).toBe(true);
    expect(await signOff(inB)).toBe(false);
  });

  it("a student moved to another section follows its rules, and their passes are derived again", async () => {
    await changeCourseConfig(coordinator, { sectionBounds: DEFAULT_COURSE_CONFIG.sectionBounds });
    await changeSectionSettings(teacherB, form(section.b, { finalPassPercent: 100 }));
    expect(await passedStored(attemptB)).toBe(false);
    await changeSectionSettings(teacherA, form(section.a, {}));
    await moveStudent(coordinator, inB.id, section.a);
    expect(await passedStored(attemptB)).toBe(true);
    expect((await getQuizOverview(inB, FINAL))!.quiz.passMark).toBe(85);
  });

  it("the three readers of a student's rules agree: grading's SQL, the own record's branch and the rebuild's", async () => {
    await changeSectionSettings(teacherB, form(section.b, { finalPassPercent: 95, lessonMaxAttempts: 5, reviewPolicy: "never", signOff: "required" }));
    const [stillInB, outside] = [await studentIn(codes.b, "Cy Rules"), await makeUser("student")];
    // A student in no section follows the course.
    await db.enrollment.updateMany({ where: { userId: outside.id }, data: { endedAt: new Date(), endReason: "removed", activeCourseId: null } });
    const course = await db.course.findFirstOrThrow({ select: { id: true, config: true } });
    const config = parseCourseConfig(course.config);
    const students = [inA, stillInB, outside];
    const fromRebuild = await sectionSettingsOf(db, course.id, students.map((s) => s.id));
    for (const student of students) {
      const fromGrading = await rulesOfStudent(db, course.id, student.id);
      const fromRecord = rulesFor(config, (await readOwnRecord(db, course.id, student.id)).section?.settings);
      expect(fromRecord).toEqual(fromGrading);
      expect(rulesFor(config, fromRebuild.get(student.id))).toEqual(fromGrading);
    }
    expect((await rulesOfStudent(db, course.id, stillInB.id)).finalPassPercent).toBe(95);
    expect((await rulesOfStudent(db, course.id, outside.id)).finalPassPercent).toBe(config.finalPassPercent);
  });
});
