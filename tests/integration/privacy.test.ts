import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { userForSession } from "@/lib/auth/session";
import { verifyPassword } from "@/lib/auth/password";
import { deleteAccount, exportUserData } from "@/lib/privacy";
import { NO_PASSWORD } from "@/lib/lti/accounts";
import { getReadiness } from "@/lib/readiness";
import { findCertificateForVerification } from "@/lib/readiness/certificates";
import { gradebookCsv } from "@/lib/roster/gradebook";
import { queryRoster } from "@/lib/roster/query";
import { rosterQuerySchema } from "@/lib/roster/schemas";
import { seed } from "@/lib/seed";
import { completeLessonsAndQuizzes, completeSelfAssessment } from "@/tests/support/course";
import { makeUser } from "@/tests/support/users";
import { gradeTry, releaseTry, submittedTry } from "@/tests/support/written-grades";

const PASSWORD = "a-long-test-password";

beforeAll(async () => {
  await seed({ demo: false });
});

async function csv(viewer: Parameters<typeof gradebookCsv>[0]) {
  let text = "";
  for await (const chunk of gradebookCsv(viewer)) text += chunk;
  return text;
}

describe("privacy", () => {
  it("exports the student's own data, with attempt totals but no per-question correctness or keys", async () => {
    const student = await makeUser();
    await completeLessonsAndQuizzes(student);
    const data = await exportUserData(student);
    expect(data.profile.email).toBe(student.email);
    const lessons = await db.lesson.count();
    expect(data.lessons.length).toBe(lessons);
    expect(data.quizAttempts.length).toBeGreaterThanOrEqual(lessons);
    expect(data.quizAttempts[0].answers.length).toBeGreaterThan(0);
    const text = JSON.stringify(data);
    expect(text).not.toMatch(/"(answerKey|correct|explanation|accepted|score)"\s*:/);
    expect(text).not.toContain("passwordHash");
    // Answers in words, never option ids (stored or served): a download names no id at all.
    const storedIds = (await db.question.findMany({ select: { payload: true } })).flatMap((q) => Object.values(JSON.parse(q.payload) as Record<string, { id: string }[]>).flat().map((c) => c.id));
    expect(storedIds.filter((id) => text.includes(`"${id}"`))).toEqual([]);
    expect(data.quizAttempts[0].answers.every((a) => typeof a.answer === "string" && a.answer.length > 0)).toBe(true);
  });

  it("exports every try of written work, of every run, with a grade only once it is released", async () => {
    const instructor = await makeUser("instructor");
    const student = await makeUser();
    const [letter, ethics] = await db.assignment.findMany({ where: { retiredAt: null }, select: { slug: true, title: true }, orderBy: { position: "asc" } });
    await submittedTry(student.id, letter.slug, { pastRun: 1, text: "Last term's letter." });
    const first = await submittedTry(student.id, letter.slug, { text: "Dear Jamie Pruitt, my first letter.", late: true });
    const percent = await gradeTry(instructor, first, "bottom", "Released overall comment.");
    await releaseTry(instructor, first);
    const second = await submittedTry(student.id, letter.slug, { tryNumber: 2, text: "Dear Jamie Pruitt, my revised letter." });
    await gradeTry(instructor, second, "top", "HELD overall comment, not for the student yet.");
    await db.assignmentSubmission.create({ data: { userId: student.id, assignmentId: (await db.assignment.findFirstOrThrow({ where: { slug: ethics.slug }, select: { id: true } })).id, tryNumber: 1, text: "A draft in progress." }, select: { id: true } });

    const data = await exportUserData(student);
    // Listed in the order written; rows made in the same millisecond may come either way, so sorted here: the past run, then course order, then try.
    const position = (slug: string) => [letter.slug, ethics.slug].indexOf(slug);
    const tries = [...data.assignmentSubmissions].sort((x, y) => y.pastRun - x.pastRun || position(x.assignment) - position(y.assignment) || x.tryNumber - y.tryNumber);
    expect(tries.map((t) => [t.assignment, t.title, t.pastRun, t.tryNumber, t.status, t.text])).toEqual([
      [letter.slug, letter.title, 1, 1, "submitted", "Last term's letter."],
      [letter.slug, letter.title, 0, 1, "submitted", "Dear Jamie Pruitt, my first letter."],
      [letter.slug, letter.title, 0, 2, "submitted", "Dear Jamie Pruitt, my revised letter."],
      [ethics.slug, ethics.title, 0, 1, "draft", "A draft in progress."],
    ]);
    expect(tries[1]).toMatchObject({ late: true, submittedAt: expect.any(Date), savedAt: expect.any(Date) });
    expect(tries[3]).toMatchObject({ late: false, submittedAt: null });
    const released = await db.assignmentGrade.findUniqueOrThrow({ where: { submissionId: first }, select: { levels: true, comments: true, points: true, possible: true, releasedAt: true } });
    expect(tries[1].grade).toEqual({
      levels: JSON.parse(released.levels),
      comments: JSON.parse(released.comments),
      overallComment: "Released overall comment.",
      points: released.points,
      possible: released.possible,
      percent,
      releasedAt: released.releasedAt,
    });
    // Graded but held, or never graded: no grade, and nothing of the held one anywhere in the download.
    expect([tries[0].grade, tries[2].grade, tries[3].grade]).toEqual([null, null, null]);
    const text = JSON.stringify(data);
    expect(text).not.toContain("HELD overall comment");
    expect(text).not.toMatch(/"(gradedById|gradedByName|version|draftVersion)"\s*:/);
  });

  it("closing an account needs the password and the typed confirmation, and changes nothing otherwise", async () => {
    const student = await makeUser();
    const wrong = await deleteAccount(student, { password: "not-my-password", confirm: "DELETE" });
    expect(wrong).toEqual({ ok: false, fieldErrors: { password: "That password is not right." } });
    const unconfirmed = await deleteAccount(student, { password: PASSWORD, confirm: "delete please" });
    expect(unconfirmed.ok).toBe(false);
    const junk = await deleteAccount(student, { password: 42, confirm: ["DELETE"] });
    expect(junk.ok).toBe(false);
    expect(await deleteAccount(student, { password: "", confirm: "DELETE" })).toEqual({ ok: false, fieldErrors: { password: "Enter your password." } });
    expect(await deleteAccount(student, { confirm: "DELETE" })).toEqual({ ok: false, fieldErrors: { password: "Enter your password." } });
    const row = await db.user.findUniqueOrThrow({ where: { id: student.id }, select: { deletedAt: true, email: true } });
    expect(row).toEqual({ deletedAt: null, email: student.email });
    const instructor = await makeUser("instructor");
    expect((await deleteAccount(instructor, { password: PASSWORD, confirm: "DELETE" })).ok).toBe(false);
  });

  it("a student who signs in only through their LMS (no Casebook password) closes their account with the typed word", async () => {
    const student = await makeUser();
    await db.user.update({ where: { id: student.id }, data: { passwordHash: NO_PASSWORD } });
    expect((await deleteAccount(student, { password: "", confirm: "delete" })).ok).toBe(false);
    expect(await deleteAccount(student, { password: "", confirm: "DELETE" })).toEqual({ ok: true });
    expect((await db.user.findUniqueOrThrow({ where: { id: student.id }, select: { deletedAt: true } })).deletedAt).not.toBeNull();
  });

  it("a closed account disappears from the roster and gradebook, cannot sign in, and its certificate shows as withdrawn", async () => {
    const instructor = await makeUser("instructor");
    const student = await makeUser();
    await completeLessonsAndQuizzes(student, { final: true });
    await completeSelfAssessment(student);
    const readiness = await getReadiness(student);
    const code = readiness.certificate!.code;
    const attemptsBefore = await db.quizAttempt.count({ where: { userId: student.id } });
    expect((await csv(instructor))).toContain(student.email);
    // Written work, one try graded and released, one graded and held.
    const [letter, ethics] = await db.assignment.findMany({ where: { retiredAt: null }, select: { slug: true }, orderBy: { position: "asc" } });
    const letterTry = await submittedTry(student.id, letter.slug, { text: "My cover letter, with my story in it." });
    await gradeTry(instructor, letterTry, "top");
    await releaseTry(instructor, letterTry);
    await gradeTry(instructor, await submittedTry(student.id, ethics.slug), "bottom");
    const submissionIds = (await db.assignmentSubmission.findMany({ where: { userId: student.id }, select: { id: true } })).map((r) => r.id);
    expect(await db.assignmentGrade.count({ where: { submissionId: { in: submissionIds } } })).toBe(2);

    expect(await deleteAccount(student, { password: PASSWORD, confirm: " DELETE " })).toEqual({ ok: true });

    expect(await userForSession(student.id)).toBeNull();
    expect(await csv(instructor)).not.toContain(student.email);
    const roster = (await queryRoster(instructor, rosterQuerySchema.parse({ q: student.email })))!;
    expect(roster.total).toBe(0);
    const user = await db.user.findUniqueOrThrow({ where: { id: student.id }, select: { name: true, email: true, deletedAt: true, passwordHash: true } });
    expect(user.deletedAt).not.toBeNull();
    expect(await verifyPassword(user.passwordHash, PASSWORD)).toBe(false);
    expect(user.name).not.toBe(student.name);
    expect(user.email).not.toBe(student.email);
    const certificate = await findCertificateForVerification(code);
    expect(certificate?.status).toBe("withdrawn");
    expect(certificate?.holderName).not.toBe(student.name);
    // Graded answers stay (without identity) so item statistics do not shift.
    expect(await db.quizAttempt.count({ where: { userId: student.id } })).toBe(attemptsBefore);
    // Written work is the person's own words: it goes, with its grades.
    expect(await db.assignmentSubmission.count({ where: { userId: student.id } })).toBe(0);
    expect(await db.assignmentGrade.count({ where: { submissionId: { in: submissionIds } } })).toBe(0);
    const audit = await db.auditLog.findFirst({ where: { action: "account.delete", targetId: student.id }, select: { id: true } });
    expect(audit).not.toBeNull();
  });
});
