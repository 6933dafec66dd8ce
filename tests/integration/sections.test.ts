// Sections and who sees whom (issue 14): every staff read is scoped where the data is read.
import { beforeAll, describe, expect, it } from "vitest";
import type { CurrentUser } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { analyzeObjectives, analyzeQuiz, listQuizzesForAnalysis } from "@/lib/items";
import { completeLesson } from "@/lib/progress";
import { listCertificates } from "@/lib/readiness/certificates";
import { listAwaitingSignOff, signOffStudent } from "@/lib/readiness/sign-off";
import { gradebookCsv } from "@/lib/roster/gradebook";
import { queryRoster } from "@/lib/roster/query";
import { rosterQuerySchema } from "@/lib/roster/schemas";
import { getStudentDetail, setAccommodation } from "@/lib/roster/student-detail";
import { seed } from "@/lib/seed";
import { JoinCodeError, joinWithCode, moveStudent } from "@/lib/sections/enrollment";
import { addInstructor, createSection, getSection, rotateJoinCode, setJoinOpen, setOpenSignup } from "@/lib/sections/manage";
import { deleteAccount } from "@/lib/privacy";
import { createUser } from "@/lib/users";
import { passQuiz } from "@/tests/support/course";
import { makeUser } from "@/tests/support/users";

const roster = (over: Record<string, string> = {}) => rosterQuerySchema.parse(over);
const student = async (name: string, joinCode?: string): Promise<CurrentUser> => {
  const user = await createUser({ name, email: `${name.toLowerCase().replace(/\W+/g, ".")}@sections.test`, password: "long-enough-password", role: "student" }, joinCode);
  return { ...user, role: "student" };
};
const csvOf = async (viewer: CurrentUser, section?: string) => {
  let csv = "";
  for await (const chunk of gradebookCsv(viewer, section)) csv += chunk;
  return csv;
};

let coordinator: CurrentUser;
let teacherA: CurrentUser;
let teacherB: CurrentUser;
let sectionA: { id: string; joinCode: string };
let sectionB: { id: string; joinCode: string };
let ana: CurrentUser; // section A, has passed the first quiz
let bea: CurrentUser; // section B, has passed the first quiz

beforeAll(async () => {
  await seed({ demo: false });
  coordinator = await makeUser("coordinator");
  [teacherA, teacherB] = [await makeUser("instructor"), await makeUser("instructor")];
  // makeUser's instructors teach the open section; these two teach only their own.
  await db.sectionInstructor.deleteMany({ where: { userId: { in: [teacherA.id, teacherB.id] } } });
  const term = { termStart: "2026-09-01", termEnd: "2027-06-30", timeZone: "America/Chicago" };
  const a = await createSection(coordinator, { name: "Fall A", ...term });
  const b = await createSection(coordinator, { name: "Fall B", ...term });
  await addInstructor(coordinator, a.id, teacherA.email);
  await addInstructor(coordinator, b.id, teacherB.email);
  sectionA = { id: a.id, joinCode: (await getSection(coordinator, a.id))!.joinCode };
  sectionB = { id: b.id, joinCode: (await getSection(coordinator, b.id))!.joinCode };
  ana = await student("Ana Section", sectionA.joinCode.toLowerCase()); // codes forgive case
  bea = await student("Bea Section");
  await joinWithCode(bea, sectionB.joinCode);
  const lesson = await db.lesson.findFirstOrThrow({ orderBy: { position: "asc" }, select: { slug: true, quiz: { select: { slug: true } } } });
  for (const s of [ana, bea]) {
    await completeLesson(s, lesson.slug);
    await passQuiz(s, lesson.quiz!.slug);
  }
});

describe("an instructor sees only the sections they teach", () => {
  it("roster: all of mine, one of mine, and another's section is not found", async () => {
    const mine = (await queryRoster(teacherA, roster()))!;
    expect(mine.entries.map((e) => e.name)).toEqual(["Ana Section"]);
    expect(mine.chosen.sections.map((s) => s.name)).toEqual(["Fall A"]);
    expect((await queryRoster(teacherA, roster({ section: sectionA.id })))!.total).toBe(1);
    expect(await queryRoster(teacherA, roster({ section: sectionB.id }))).toBeNull();
    expect(await queryRoster(teacherA, roster({ section: "no-such-section" }))).toBeNull();
  });

  it("a coordinator sees every section, or one", async () => {
    const all = (await queryRoster(coordinator, roster({ q: "section" })))!;
    expect(all.entries.map((e) => e.name).sort()).toEqual(["Ana Section", "Bea Section"]);
    expect((await queryRoster(coordinator, roster({ section: sectionB.id })))!.entries.map((e) => e.name)).toEqual(["Bea Section"]);
  });

  it("drill-down, accommodations and sign-off refuse another section's student", async () => {
    expect(await getStudentDetail(teacherA, bea.id)).toBeNull();
    expect((await getStudentDetail(teacherA, ana.id))?.student.name).toBe("Ana Section");
    expect(await setAccommodation(teacherA, bea.id, { timeMultiplier: 2, extraAttempts: 1 })).toEqual({ ok: false, message: "No such student." });
    expect(await db.accommodation.count({ where: { userId: bea.id } })).toBe(0);
    expect(await signOffStudent(teacherA, bea.id, "Not my student")).toEqual({ ok: false, message: "No such student." });
    expect(await db.instructorSignOff.count({ where: { studentId: bea.id } })).toBe(0);
  });

  it("the gradebook CSV lists only my section's students, with the section's name", async () => {
    const csv = await csvOf(teacherA);
    expect(csv).toContain("ana.section@sections.test,Fall A,");
    expect(csv).not.toContain("bea.section@sections.test");
    await expect(csvOf(teacherA, sectionB.id)).rejects.toMatchObject({ status: 404 });
    expect(await csvOf(coordinator, sectionB.id)).toContain("bea.section@sections.test,Fall B,");
  });

  it("item analysis and objectives count only my section's attempts", async () => {
    const quizSlug = (await db.quiz.findFirstOrThrow({ where: { kind: "lesson" }, orderBy: { position: "asc" }, select: { slug: true } })).slug;
    const listed = (await listQuizzesForAnalysis(teacherA))!;
    expect(listed.quizzes.find((q) => q.slug === quizSlug)?.gradedAttempts).toBe(1);
    expect((await analyzeQuiz(teacherA, quizSlug))!.attempts).toBe(1);
    expect(await analyzeQuiz(teacherA, quizSlug, sectionB.id)).toBeNull();
    expect((await analyzeQuiz(coordinator, quizSlug, sectionB.id))!.attempts).toBe(1);
    const mine = (await analyzeObjectives(teacherA))!;
    const course = (await analyzeObjectives(coordinator))!;
    const answered = (o: { answers: number }[]) => o.reduce((sum, x) => sum + x.answers, 0);
    expect(answered(mine.objectives)).toBeGreaterThan(0);
    expect(answered(course.objectives)).toBeGreaterThanOrEqual(2 * answered(mine.objectives));
    expect(await analyzeObjectives(teacherA, undefined, sectionB.id)).toBeNull();
  });

  it("certificates and sign-off lists are scoped too", async () => {
    expect(await listCertificates(teacherA, sectionB.id)).toBeNull();
    expect(await listAwaitingSignOff(teacherA, sectionB.id)).toBeNull();
    expect((await listAwaitingSignOff(teacherA))!.chosen.ids).toEqual([sectionA.id]);
  });
});

describe("joining and moving", () => {
  it("a rotated or closed code stops working; a student joins one active section at a time", async () => {
    const cy = await student("Cy Joiner");
    const old = sectionA.joinCode;
    const fresh = await rotateJoinCode(teacherA, sectionA.id);
    sectionA.joinCode = fresh;
    await expect(joinWithCode(cy, old)).rejects.toBeInstanceOf(JoinCodeError);
    await setJoinOpen(teacherA, sectionA.id, false);
    await expect(joinWithCode(cy, fresh)).rejects.toBeInstanceOf(JoinCodeError);
    await setJoinOpen(teacherA, sectionA.id, true);
    expect((await joinWithCode(cy, fresh)).changed).toBe(true);
    expect((await joinWithCode(cy, fresh)).changed).toBe(false); // joining twice changes nothing
    await expect(rotateJoinCode(teacherB, sectionA.id)).rejects.toMatchObject({ status: 404 }); // not B's section
    await expect(joinWithCode(teacherA, fresh)).rejects.toMatchObject({ status: 403 });
  });

  it("concurrent joins leave exactly one active enrollment", async () => {
    const dee = await student("Dee Racer");
    await Promise.allSettled(Array.from({ length: 8 }, (_, i) => joinWithCode(dee, i % 2 ? sectionA.joinCode : sectionB.joinCode)));
    expect(await db.enrollment.count({ where: { userId: dee.id, endedAt: null } })).toBe(1);
    const summary = await db.studentSummary.findUniqueOrThrow({ where: { userId: dee.id }, select: { sectionId: true } });
    const active = await db.enrollment.findFirstOrThrow({ where: { userId: dee.id, endedAt: null }, select: { sectionId: true } });
    expect(summary.sectionId).toBe(active.sectionId);
  });

  it("an ended term's code no longer opens the section", async () => {
    const old = await createSection(coordinator, { name: "Spring past", termStart: "2025-01-10", termEnd: "2025-05-01", timeZone: "UTC" });
    const code = (await getSection(coordinator, old.id))!.joinCode;
    await expect(joinWithCode(await student("Late Comer"), code)).rejects.toBeInstanceOf(JoinCodeError);
    await expect(student("Late Signup", code)).rejects.toBeInstanceOf(JoinCodeError);
    expect(await db.user.count({ where: { email: "late.signup@sections.test" } })).toBe(0); // the account was not created either
  });

  it("moving keeps history: the roster and the drill-down move with the student, the old instructor loses access", async () => {
    const eve = await student("Eve Mover", sectionA.joinCode);
    await expect(moveStudent(teacherB, eve.id, sectionB.id)).rejects.toMatchObject({ status: 404 }); // B cannot take A's student
    expect((await moveStudent(coordinator, eve.id, sectionB.id)).changed).toBe(true);
    const history = await db.enrollment.findMany({ where: { userId: eve.id }, select: { sectionId: true, endedAt: true, endReason: true }, orderBy: { startedAt: "asc" } });
    expect(history.map((h) => [h.sectionId, h.endedAt !== null, h.endReason])).toEqual([
      [sectionA.id, true, "moved"],
      [sectionB.id, false, null],
    ]);
    expect((await queryRoster(teacherA, roster({ q: "eve mover" })))!.total).toBe(0);
    expect((await queryRoster(teacherB, roster({ q: "eve mover" })))!.total).toBe(1);
    expect(await getStudentDetail(teacherA, eve.id)).toBeNull();
    expect(await setAccommodation(teacherA, eve.id, { timeMultiplier: 2, extraAttempts: 0 })).toMatchObject({ ok: false });
    expect((await getStudentDetail(teacherB, eve.id))?.sections.map((s) => [s.name, s.endedAt !== null])).toEqual([
      ["Fall B", false],
      ["Fall A", true],
    ]);
    expect(await db.auditLog.count({ where: { action: "enrollment.move", targetId: eve.id } })).toBe(1);
  });
});

describe("sign-ups, strays and closed accounts", () => {
  it("sign-ups without a code join the open section only while its joining is open, and not at all once the coordinator stops it", async () => {
    const open = (await db.section.findFirstOrThrow({ where: { openSignup: true }, select: { id: true } })).id;
    const activeSection = async (id: string) => (await db.enrollment.findFirst({ where: { userId: id, endedAt: null }, select: { sectionId: true } }))?.sectionId ?? null;
    expect(await activeSection((await student("Open Joiner")).id)).toBe(open);
    await setJoinOpen(coordinator, open, false);
    expect(await activeSection((await student("Closed Door")).id)).toBeNull();
    await setJoinOpen(coordinator, open, true);
    await setOpenSignup(coordinator, open, false);
    expect(await activeSection((await student("No Open Section")).id)).toBeNull();
    await setOpenSignup(coordinator, open, true);
    expect(await activeSection((await student("Open Again")).id)).toBe(open);
  });

  it("a student created before the first seed joins the open section when the course is seeded", async () => {
    const early = await db.user.create({ data: { name: "Early Bird", email: "early.bird@sections.test", passwordHash: "x", role: "student" }, select: { id: true } });
    await seed({ demo: false });
    const open = (await db.section.findFirstOrThrow({ where: { openSignup: true }, select: { id: true } })).id;
    expect(await db.enrollment.findFirst({ where: { userId: early.id, endedAt: null }, select: { sectionId: true } })).toEqual({ sectionId: open });
    expect((await db.studentSummary.findUniqueOrThrow({ where: { userId: early.id }, select: { sectionId: true } })).sectionId).toBe(open);
  });

  it("a student who closes their account leaves the roster but their graded work stays in the section's statistics", async () => {
    const quizSlug = (await db.quiz.findFirstOrThrow({ where: { kind: "lesson" }, orderBy: { position: "asc" }, select: { slug: true } })).slug;
    const lesson = await db.lesson.findFirstOrThrow({ orderBy: { position: "asc" }, select: { slug: true } });
    const fay = await student("Fay Closer", sectionA.joinCode);
    await completeLesson(fay, lesson.slug);
    await passQuiz(fay, quizSlug);
    const before = (await analyzeQuiz(teacherA, quizSlug))!.attempts;
    const rosterBefore = (await queryRoster(teacherA, roster()))!.total;
    expect(await deleteAccount(fay, { password: "long-enough-password", confirm: "DELETE" })).toEqual({ ok: true });
    expect((await analyzeQuiz(teacherA, quizSlug))!.attempts).toBe(before);
    expect((await queryRoster(teacherA, roster()))!.total).toBe(rosterBefore - 1);
    expect(await db.enrollment.findFirstOrThrow({ where: { userId: fay.id }, select: { endReason: true, activeCourseId: true } })).toEqual({ endReason: "closed", activeCourseId: null });
  });
});

describe("who manages sections", () => {
  it("only a coordinator creates sections and assigns instructors", async () => {
    const term = { name: "Nope", termStart: "2026-09-01", termEnd: "2026-12-15", timeZone: "UTC" };
    await expect(createSection(teacherA, term)).rejects.toMatchObject({ status: 403 });
    await expect(addInstructor(teacherA, sectionA.id, teacherB.email)).rejects.toMatchObject({ status: 403 });
    await expect(addInstructor(coordinator, sectionA.id, ana.email)).rejects.toMatchObject({ status: 404, fieldErrors: { email: expect.stringMatching(/No instructor account/) } });
    expect(await db.sectionInstructor.count({ where: { userId: ana.id } })).toBe(0);
  });

  it("stores a term as instants in the section's zone", async () => {
    const row = await db.section.findUniqueOrThrow({ where: { id: sectionA.id }, select: { termStart: true, termEnd: true } });
    expect(row.termStart.toISOString()).toBe("2026-09-01T05:00:00.000Z"); // midnight in Chicago (CDT)
    expect(row.termEnd.toISOString()).toBe("2027-07-01T04:59:59.999Z");
  });
});
