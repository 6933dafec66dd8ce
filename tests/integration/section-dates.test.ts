// Dates per section, the late policy and extensions (issue 14), decided on the server.
import { beforeAll, describe, expect, it } from "vitest";
import type { CurrentUser } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { completeLesson, getDueLabels, getOwnRecord } from "@/lib/progress";
import { getQuizOverview, startAttempt } from "@/lib/quiz/attempts";
import { submitAttempt } from "@/lib/quiz/answers";
import { getStudentDetail, setAccommodation } from "@/lib/roster/student-detail";
import { queryRoster } from "@/lib/roster/query";
import { rosterQuerySchema } from "@/lib/roster/schemas";
import { seed } from "@/lib/seed";
import { addInstructor, createSection, getSection } from "@/lib/sections/manage";
import { setExtension, setQuizDates } from "@/lib/sections/schedule";
import { dayIn, endOfDayIn } from "@/lib/sections/terms";
import { createUser } from "@/lib/users";
import { makeUser } from "@/tests/support/users";

const ZONE = "Pacific/Auckland"; // far from UTC, so a day computed in the wrong zone shows
const dayFromNow = (days: number) => dayIn(new Date(Date.now() + days * 86_400_000), ZONE);

let teacher: CurrentUser;
let stranger: CurrentUser;
let joinCode: string;
let lessonSlug: string;
const student = async (name: string) => {
  const user = await createUser({ name, email: `${name.replace(" ", ".").toLowerCase()}@dates.test`, password: "long-enough-password", role: "student" }, joinCode);
  const s = { ...user, role: "student" as const };
  await completeLesson(s, lessonSlug);
  return s;
};
let sectionId: string;
let quiz: { id: string; slug: string };
let second: { id: string; slug: string };
const students: CurrentUser[] = [];

beforeAll(async () => {
  await seed({ demo: false });
  const coordinator = await makeUser("coordinator");
  [teacher, stranger] = [await makeUser("instructor"), await makeUser("instructor")];
  await db.sectionInstructor.deleteMany({ where: { userId: teacher.id } });
  const section = await createSection(coordinator, { name: "Dated", termStart: dayFromNow(-30), termEnd: dayFromNow(90), timeZone: ZONE });
  sectionId = section.id;
  await addInstructor(coordinator, sectionId, teacher.email);
  const code = (await getSection(coordinator, sectionId))!.joinCode;
  joinCode = code;
  const lessons = await db.lesson.findMany({ orderBy: { position: "asc" }, take: 2, select: { slug: true, quiz: { select: { id: true, slug: true } } } });
  [quiz, second] = [lessons[0].quiz!, lessons[1].quiz!];
  lessonSlug = lessons[0].slug;
  for (const name of ["Ext Ended", "Plain Ended"]) {
    const user = await createUser({ name, email: `${name.replace(" ", ".").toLowerCase()}@dates.test`, password: "long-enough-password", role: "student" }, code);
    const student = { ...user, role: "student" as const };
    await completeLesson(student, lessons[0].slug);
    students.push(student);
  }
});

describe("dates, late policy and extensions", () => {
  it("an attempt already open when a closing due date is set ends at that date, and an extension moves it", async () => {
    const early = await student("Early Starter");
    const started = await startAttempt(early, quiz.slug);
    if (!started.ok) throw new Error(started.message);
    const deadline = async () => (await db.quizAttempt.findUniqueOrThrow({ where: { id: started.attemptId }, select: { deadlineAt: true } })).deadlineAt?.toISOString() ?? null;
    expect(await deadline()).toBeNull(); // a lesson quiz has no time limit
    await setQuizDates(teacher, { sectionId, quizId: quiz.id, opensOn: null, dueOn: dayFromNow(1), latePolicy: "close" });
    expect(await deadline()).toBe(endOfDayIn(dayFromNow(1), ZONE).toISOString());
    await setExtension(teacher, { studentId: early.id, quizId: quiz.id, dueOn: dayFromNow(6), extraAttempts: 0, timeMultiplier: 1 });
    expect(await deadline()).toBe(endOfDayIn(dayFromNow(6), ZONE).toISOString());
    await expect(setExtension(teacher, { studentId: early.id, quizId: quiz.id, dueOn: dayFromNow(0), extraAttempts: 0, timeMultiplier: 1 })).rejects.toMatchObject({ status: 400, message: expect.stringMatching(/later than the section's due date/) });
    // Set in the past, the due date ends the open attempt on the student's next page.
    await setQuizDates(teacher, { sectionId, quizId: quiz.id, opensOn: null, dueOn: dayFromNow(-1), latePolicy: "close" });
    await db.dueDateExtension.deleteMany({ where: { userId: early.id } });
    await setQuizDates(teacher, { sectionId, quizId: quiz.id, opensOn: null, dueOn: dayFromNow(-1), latePolicy: "close" });
    expect(await deadline()).toBe(endOfDayIn(dayFromNow(-1), ZONE).toISOString());
    await getOwnRecord(early);
    expect((await db.quizAttempt.findUniqueOrThrow({ where: { id: started.attemptId }, select: { status: true, autoSubmitted: true } }))).toEqual({ status: "graded", autoSubmitted: true });
    await setQuizDates(teacher, { sectionId, quizId: quiz.id, opensOn: null, dueOn: null, latePolicy: "accept_late" });
  });

  it("closes a quiz at its due date for the section, except for a student with an extension", async () => {
    const [extended, plain] = students;
    await setQuizDates(teacher, { sectionId, quizId: quiz.id, opensOn: null, dueOn: dayFromNow(-1), latePolicy: "close" });
    expect((await getQuizOverview(plain, quiz.slug))!.closed).toMatch(/This quiz closed on .*Pacific\/Auckland.*extension/);
    expect(await startAttempt(plain, quiz.slug)).toMatchObject({ ok: false, status: 409 });
    expect(await db.quizAttempt.count({ where: { userId: plain.id } })).toBe(0);

    const granted = await setExtension(teacher, { studentId: extended.id, quizId: quiz.id, dueOn: dayFromNow(2), extraAttempts: 0, timeMultiplier: 1 });
    expect(granted.text).toMatch(/now due .*Pacific\/Auckland/);
    const started = await startAttempt(extended, quiz.slug);
    if (!started.ok) throw new Error(started.message);
    // No time limit on a lesson quiz: the attempt ends when the extension does, at the end of that day there.
    const attempt = await db.quizAttempt.findUniqueOrThrow({ where: { id: started.attemptId }, select: { deadlineAt: true } });
    expect(attempt.deadlineAt?.toISOString()).toBe(endOfDayIn(dayFromNow(2), ZONE).toISOString());
    expect(await db.auditLog.count({ where: { action: "extension.grant", targetId: extended.id } })).toBe(1);
    expect(await db.mailMessage.findFirst({ where: { to: extended.email }, select: { subject: true } })).toEqual({ subject: expect.stringMatching(/^Extension granted/) });
    expect(await db.quizAttempt.count({ where: { userId: plain.id } })).toBe(0);
  });

  it("accepts late work under the other policy, and marks it late; refuses before the open date", async () => {
    const plain = students[1];
    await setQuizDates(teacher, { sectionId, quizId: quiz.id, opensOn: null, dueOn: dayFromNow(-1), latePolicy: "accept_late" });
    const late = (await getQuizOverview(plain, quiz.slug))!;
    expect([late.availability.state, late.closed]).toEqual(["late", null]);
    const started = await startAttempt(plain, quiz.slug);
    if (!started.ok) throw new Error(started.message);
    expect((await submitAttempt(plain, started.attemptId)).ok).toBe(true);
    // The instructor's drill-down marks it late, as the student's quiz page does.
    const detail = (await getStudentDetail(teacher, plain.id))!;
    expect(detail.attempts.find((a) => a.id === started.attemptId)?.late).toBe(true);
    await setQuizDates(teacher, { sectionId, quizId: quiz.id, opensOn: dayFromNow(1), dueOn: dayFromNow(5), latePolicy: "accept_late" });
    expect(await startAttempt(plain, quiz.slug)).toMatchObject({ ok: false, status: 409, message: expect.stringMatching(/opens on/) });
    await setQuizDates(teacher, { sectionId, quizId: quiz.id, opensOn: null, dueOn: null, latePolicy: "accept_late" });
    expect(await db.sectionQuizDates.count({ where: { sectionId, quizId: quiz.id } })).toBe(0); // both empty: no dates
    expect((await startAttempt(plain, quiz.slug)).ok).toBe(true);
  });

  it("the outline says \"due in 3 days\" and \"overdue\", counted in the section's zone", async () => {
    const plain = students[1];
    await setQuizDates(teacher, { sectionId, quizId: second.id, opensOn: null, dueOn: dayFromNow(3), latePolicy: "accept_late" });
    expect((await getDueLabels(plain)).get(second.id)).toBe("due in 3 days");
    await setQuizDates(teacher, { sectionId, quizId: second.id, opensOn: null, dueOn: dayFromNow(-2), latePolicy: "accept_late" });
    expect((await getDueLabels(plain)).get(second.id)).toBe("overdue");
    // The roster's at-risk rule counts it, in SQL and in the pure rule alike.
    const atRisk = (await queryRoster(teacher, rosterQuerySchema.parse({ status: "at_risk" })))!;
    expect(atRisk.entries.map((e) => [e.id, e.status])).toContainEqual([plain.id, "at_risk"]);
    await setExtension(teacher, { studentId: plain.id, quizId: second.id, dueOn: dayFromNow(4), extraAttempts: 0, timeMultiplier: 1 });
    expect((await getDueLabels(plain)).get(second.id)).toBe("due in 4 days");
    const after = (await queryRoster(teacher, rosterQuerySchema.parse({})))!;
    expect(after.entries.find((e) => e.id === plain.id)?.status).not.toBe("at_risk");
  });

  it("changing the section's time zone keeps each date on the same day there", async () => {
    const { updateSection } = await import("@/lib/sections/manage");
    const coordinator = await makeUser("coordinator");
    await setQuizDates(teacher, { sectionId, quizId: second.id, opensOn: null, dueOn: "2027-01-15", latePolicy: "accept_late" });
    const row = await db.section.findUniqueOrThrow({ where: { id: sectionId }, select: { name: true, termStart: true, termEnd: true } });
    await updateSection(coordinator, sectionId, { name: row.name, termStart: dayIn(row.termStart, ZONE), termEnd: dayIn(row.termEnd, ZONE), timeZone: "America/Los_Angeles" });
    const moved = await db.sectionQuizDates.findUniqueOrThrow({ where: { sectionId_quizId: { sectionId, quizId: second.id } }, select: { dueAt: true } });
    expect(moved.dueAt?.toISOString()).toBe(endOfDayIn("2027-01-15", "America/Los_Angeles").toISOString());
    await updateSection(coordinator, sectionId, { name: row.name, termStart: dayIn(row.termStart, ZONE), termEnd: dayIn(row.termEnd, ZONE), timeZone: ZONE });
    await setQuizDates(teacher, { sectionId, quizId: second.id, opensOn: null, dueOn: null, latePolicy: "accept_late" });
  });

  it("an extension alone (no section date) that has passed counts as overdue on the roster too", async () => {
    const lone = await student("Lone Extension");
    const third = await db.quiz.findFirstOrThrow({ where: { kind: "lesson" }, orderBy: { position: "asc" }, skip: 2, select: { id: true } });
    await db.dueDateExtension.create({ data: { userId: lone.id, quizId: third.id, dueAt: new Date(Date.now() - 86_400_000) }, select: { quizId: true } });
    expect((await getDueLabels(lone)).get(third.id)).toBe("overdue");
    const atRisk = (await queryRoster(teacher, rosterQuerySchema.parse({ status: "at_risk", q: "lone extension" })))!;
    expect(atRisk.entries.map((e) => e.id)).toEqual([lone.id]);
  });

  it("another section's instructor can neither date this section nor extend its students", async () => {
    await expect(setQuizDates(stranger, { sectionId, quizId: quiz.id, opensOn: null, dueOn: dayFromNow(1), latePolicy: "close" })).rejects.toMatchObject({ status: 404 });
    await expect(setExtension(stranger, { studentId: students[1].id, quizId: quiz.id, dueOn: dayFromNow(9), extraAttempts: 2, timeMultiplier: 2 })).rejects.toMatchObject({ status: 404 });
    expect(await db.dueDateExtension.count({ where: { userId: students[1].id, quizId: quiz.id } })).toBe(0);
  });

  it("an extension for one quiz can be extra attempts and time without a date, for that quiz only, and removing it is audited", async () => {
    const student = await makeUser();
    const final = await db.quiz.findFirstOrThrow({ where: { kind: "final" }, select: { id: true, slug: true, maxAttempts: true, timeLimitSeconds: true } });
    // Not this teacher's student (the open section's).
    await expect(setExtension(teacher, { studentId: student.id, quizId: final.id, dueOn: null, extraAttempts: 2, timeMultiplier: 1.5 })).rejects.toMatchObject({ status: 404 });
    expect(await db.dueDateExtension.count({ where: { userId: student.id } })).toBe(0);
    const ownStudent = await createUser({ name: "Extra Time", email: "extra.time@dates.test", password: "long-enough-password", role: "student" }, joinCode);
    const extra = { ...ownStudent, role: "student" as const };
    const granted = await setExtension(teacher, { studentId: extra.id, quizId: final.id, dueOn: null, extraAttempts: 2, timeMultiplier: 1.5 });
    expect(granted.text).toBe("2 extra attempts, 1.5× the time limit");
    expect((await getQuizOverview(extra, final.slug))!.limits).toMatchObject({ maxAttempts: final.maxAttempts + 2, timeLimitSeconds: final.timeLimitSeconds! * 1.5 });
    // Another quiz keeps its own limits, and no due date appears anywhere.
    expect((await getQuizOverview(extra, quiz.slug))!.limits.maxAttempts).toBe((await db.quiz.findUniqueOrThrow({ where: { id: quiz.id }, select: { maxAttempts: true } })).maxAttempts);
    expect((await getOwnRecord(extra)).schedule.get(final.id)).toBeUndefined();
    // Granting a due date later keeps what was granted before; an empty field changes nothing.
    const dated = await setExtension(teacher, { studentId: extra.id, quizId: final.id, dueOn: dayFromNow(10) });
    expect(dated.text).toMatch(/^now due .*, 2 extra attempts, 1\.5× the time limit$/);
    expect(await setAccommodation(teacher, extra.id, { extraAttempts: 1 })).toMatchObject({ ok: true, extraAttempts: 1, timeMultiplier: 1 });
    expect(await setAccommodation(teacher, extra.id, { timeMultiplier: 2 })).toMatchObject({ ok: true, extraAttempts: 1, timeMultiplier: 2 });
    const removed = await setExtension(teacher, { studentId: extra.id, quizId: final.id, dueOn: null, remove: true });
    expect(removed.removed).toBe(true);
    expect(await db.dueDateExtension.count({ where: { userId: extra.id } })).toBe(0);
    expect(await db.auditLog.count({ where: { action: "extension.remove", targetId: extra.id } })).toBe(1);
    expect((await getQuizOverview(extra, final.slug))!.limits.maxAttempts).toBe(final.maxAttempts + 1); // the standing accommodation's
  });
});
