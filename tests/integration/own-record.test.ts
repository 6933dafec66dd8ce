// The one-statement readers of issue 13 (a student's own record, an attempt with its
// answers) against the Prisma reads they replace, on the database the suite runs on: the
// UNION's typed slots must give back every value exactly, dates, booleans and fractions
// included. And autosave's fast path, which trusts a layout held in memory and lets the
// write itself check that the attempt is still open.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { loadStudentFacts } from "@/lib/course/facts";
import { readOwnRecord } from "@/lib/course/own-record";
import { releasedGradeOf } from "@/lib/assignments/rubric";
import { saveAnswer, submitAttempt } from "@/lib/quiz/answers";
import { getAttemptForTaking, startAttempt } from "@/lib/quiz/attempts";
import { getOwnAttempt } from "@/lib/quiz/own-attempt";
import { getReadiness } from "@/lib/readiness";
import { signOffStudent } from "@/lib/readiness/sign-off";
import { getStudentDetail } from "@/lib/roster/student-detail";
import { setAccommodation } from "@/lib/roster/student-detail";
import { seed } from "@/lib/seed";
import { completeLessonsAndQuizzes, completeSelfAssessment } from "@/tests/support/course";
import { attemptQuestionIds, correctResponse } from "@/tests/support/quiz";
import { makeUser } from "@/tests/support/users";
import type { CurrentUser } from "@/lib/auth/session";

let courseId: string;
let finalSlug: string;
let student: CurrentUser;

beforeAll(async () => {
  await seed({ demo: false });
  courseId = (await db.course.findFirstOrThrow({ select: { id: true } })).id;
  finalSlug = (await db.quiz.findFirstOrThrow({ where: { kind: "final" }, select: { slug: true } })).slug;
  student = await makeUser();
  const instructor = await makeUser("instructor");
  await completeLessonsAndQuizzes(student);
  await completeSelfAssessment(student);
  // A fraction no short decimal form holds, to catch a reader that rounds it.
  await setAccommodation(instructor, student.id, { timeMultiplier: 1.3333333333333333, extraAttempts: 2 });
  expect(await signOffStudent(instructor, student.id, "Ready for placement")).toEqual({ ok: true });
  // One graded final attempt with a wrong answer (a partial score), one open attempt with a deadline.
  const first = await startAttempt(student, finalSlug);
  if (!first.ok) throw new Error(first.message);
  const [questionId] = await attemptQuestionIds(first.attemptId);
  await saveAnswer(student, first.attemptId, { questionId, response: await correctResponse(questionId, first.attemptId) });
  await submitAttempt(student, first.attemptId);
  // A fraction no short decimal form holds, to catch a reader that rounds it.
  await db.quizAttempt.update({ where: { id: first.attemptId }, data: { percent: 200 / 3 }, select: { id: true } });
  const second = await startAttempt(student, finalSlug);
  if (!second.ok || second.resumed) throw new Error("expected a second attempt");
  await db.quizAttempt.update({ where: { id: second.attemptId }, data: { deadlineAt: new Date(Date.now() + 3_600_000) }, select: { id: true } });
  // A milestone and a revoked certificate, so every branch of the record has a row to compare.
  await db.readiness.create({ data: { userId: student.id, courseId, reachedAt: new Date("2026-11-20T09:30:00.123Z") }, select: { id: true } });
  await db.certificate.create({
    data: { userId: student.id, courseId, code: `own-record-${student.id}`, holderName: student.name, issuedAt: new Date("2026-11-20T09:30:00.456Z"), revokedAt: new Date("2026-11-21T10:00:00.789Z"), revokedReason: "Issued in error" },
    select: { id: true },
  });
  // Written work: a released grade (a fraction, a time with milliseconds), a later try graded
  // but held, an ungraded draft, and a past run's released grade, which neither reader counts.
  const [letter, ethics] = await db.assignment.findMany({ select: { id: true }, orderBy: { position: "asc" } });
  const graded = async (assignmentId: string, tryNumber: number, percent: number, releasedAt: Date | null, pastRun = 0) => {
    const { id } = await db.assignmentSubmission.create({ data: { userId: student.id, assignmentId, tryNumber, pastRun, status: "submitted", text: "Written.", submittedAt: new Date() }, select: { id: true } });
    await db.assignmentGrade.create({ data: { submissionId: id, levels: "{}", points: 0, possible: 0, percent, gradedAt: new Date(), releasedAt }, select: { submissionId: true } });
  };
  await graded(letter.id, 1, 200 / 3, new Date("2026-11-22T08:15:00.321Z"));
  await graded(letter.id, 2, 87.5, null);
  await graded(ethics.id, 1, 12.5, new Date("2026-10-01T00:00:00.001Z"), 1);
  await db.assignmentSubmission.create({ data: { userId: student.id, assignmentId: ethics.id, tryNumber: 1, text: "A draft." }, select: { id: true } });
}, 120_000);

describe("a student's own record in one statement", () => {
  it("holds exactly what the Prisma readers read", async () => {
    const record = await readOwnRecord(db, courseId, student.id);
    const facts = (await loadStudentFacts(db, courseId, [student.id])).get(student.id)!;
    expect(record.facts.lessonRecords.size).toBeGreaterThan(0);
    expect(new Map([...record.facts.lessonRecords].map(([id, r]) => [id, { startedAt: r.startedAt, completedAt: r.completedAt }]))).toEqual(
      new Map([...facts.lessonRecords].map(([id, r]) => [id, { startedAt: r.startedAt, completedAt: r.completedAt }])),
    );
    expect({ selfAssessed: record.facts.selfAssessed, signedOff: record.facts.signedOff, readyAt: record.facts.readyAt }).toEqual({
      selfAssessed: facts.selfAssessed,
      signedOff: facts.signedOff,
      readyAt: facts.readyAt,
    });
    expect([record.facts.selfAssessed, record.facts.signedOff, record.facts.readyAt]).toEqual([true, true, new Date("2026-11-20T09:30:00.123Z")]);

    const attempts = await db.quizAttempt.findMany({
      where: { userId: student.id },
      select: { id: true, quizId: true, status: true, percent: true, passed: true, attemptNumber: true, startedAt: true, submittedAt: true, deadlineAt: true, autoSubmitted: true, keysRevealed: true },
    });
    const byId = (rows: { id: string }[]) => [...rows].sort((a, b) => a.id.localeCompare(b.id));
    expect(byId(record.facts.attempts)).toEqual(byId(attempts));
    expect(attempts.some((a) => a.status === "in_progress" && a.deadlineAt)).toBe(true);
    expect(attempts.some((a) => a.percent !== null && !Number.isInteger(a.percent))).toBe(true);

    expect(record.accommodation).toEqual(await db.accommodation.findFirst({ where: { userId: student.id }, select: { timeMultiplier: true, extraAttempts: true } }));
    expect(record.certificate).toEqual(
      await db.certificate.findFirst({ where: { userId: student.id }, select: { code: true, holderName: true, issuedAt: true, revokedAt: true, revokedReason: true, withdrawnAt: true } }),
    );
    expect(record.certificate).toMatchObject({ revokedReason: "Issued in error", revokedAt: new Date("2026-11-21T10:00:00.789Z"), withdrawnAt: null });
    const answers = await db.attemptAnswer.findMany({ where: { attempt: { userId: student.id, status: "graded" } }, select: { attemptId: true, questionId: true, score: true } });
    const sorted = (rows: { attemptId: string; questionId: string }[]) => [...rows].sort((a, b) => `${a.attemptId}${a.questionId}`.localeCompare(`${b.attemptId}${b.questionId}`));
    expect(answers.length).toBeGreaterThan(0);
    expect(sorted(record.gradedAnswers)).toEqual(sorted(answers));

    // Every try of the current run with a released grade, in the same order: the held grade is not even read.
    expect(record.facts.written).toEqual(facts.written);
    const letter = await db.assignment.findFirstOrThrow({ select: { id: true }, orderBy: { position: "asc" } });
    expect(record.facts.written).toEqual([{ assignmentId: letter.id, tryNumber: 1, percent: 200 / 3, releasedAt: new Date("2026-11-22T08:15:00.321Z") }]);
    // The tries themselves are all listed (for where the student stands), without any grade.
    expect(record.tries.map((t) => [t.tryNumber, t.status]).sort()).toEqual(expect.arrayContaining([[1, "submitted"], [2, "submitted"]]));
    // The later try's grade is held, so the released one still counts.
    expect(releasedGradeOf(record.facts.written)?.percent).toBe(200 / 3);
  });

  it("reads an attempt and its answers as Prisma does, and nothing of another student's", async () => {
    const graded = await db.quizAttempt.findFirstOrThrow({
      where: { userId: student.id, status: "graded", quiz: { kind: "final" } },
      select: { id: true, quizId: true, status: true, layout: true, attemptNumber: true, percent: true, score: true, maxScore: true, passed: true, autoSubmitted: true, keysRevealed: true, pastRun: true, startedAt: true, submittedAt: true, deadlineAt: true, answers: { select: { questionId: true, response: true, score: true, correct: true } } },
    });
    const own = await getOwnAttempt(student, graded.id);
    expect({ ...own, answers: own!.answers.sort((a, b) => a.questionId.localeCompare(b.questionId)) }).toEqual({ ...graded, answers: graded.answers.sort((a, b) => a.questionId.localeCompare(b.questionId)) });
    expect(await getOwnAttempt(await makeUser(), graded.id)).toBeNull();
  });
});

describe("autosave on the instance that served the attempt", () => {
  async function openAttempt() {
    const taker = await makeUser();
    await completeLessonsAndQuizzes(taker);
    const started = await startAttempt(taker, finalSlug);
    if (!started.ok) throw new Error(started.message);
    expect((await getAttemptForTaking(taker, started.attemptId)).ok).toBe(true); // serves it: the layout is now held
    const [questionId] = await attemptQuestionIds(started.attemptId);
    return { taker, attemptId: started.attemptId, questionId, response: await correctResponse(questionId, started.attemptId) };
  }

  it("saves while open, and refuses once the deadline and its grace have passed, storing nothing", async () => {
    const { taker, attemptId, questionId, response } = await openAttempt();
    await db.quizAttempt.update({ where: { id: attemptId }, data: { deadlineAt: new Date(Date.now() + 60_000) }, select: { id: true } });
    expect((await saveAnswer(taker, attemptId, { questionId, response })).ok).toBe(true);
    expect(await db.attemptAnswer.count({ where: { attemptId } })).toBe(1);
    await db.attemptAnswer.deleteMany({ where: { attemptId } });
    // Past the deadline by more than the grace: the guarded write changes nothing.
    await db.quizAttempt.update({ where: { id: attemptId }, data: { deadlineAt: new Date(Date.now() - 60_000) }, select: { id: true } });
    const late = await saveAnswer(taker, attemptId, { questionId, response });
    expect(late).toMatchObject({ ok: false, status: 409 });
    // Refusing it graded the attempt on touch, with every question unanswered.
    expect(await db.attemptAnswer.findMany({ where: { attemptId, response: { not: "null" } }, select: { id: true } })).toEqual([]);
    expect(await db.quizAttempt.findUniqueOrThrow({ where: { id: attemptId }, select: { status: true, autoSubmitted: true } })).toEqual({ status: "graded", autoSubmitted: true });
  });

  it("never writes for another student, even while the attempt is open and its layout held", async () => {
    const { attemptId, questionId, response } = await openAttempt();
    expect(await saveAnswer(await makeUser(), attemptId, { questionId, response })).toMatchObject({ ok: false, status: 404 });
    expect(await db.attemptAnswer.count({ where: { attemptId } })).toBe(0);
  });

  it("refuses after the attempt was submitted elsewhere", async () => {
    const { taker, attemptId, questionId, response } = await openAttempt();
    // Graded behind this instance's back (as another instance would): the held layout is stale.
    await db.quizAttempt.update({ where: { id: attemptId }, data: { status: "graded" }, select: { id: true } });
    expect(await saveAnswer(taker, attemptId, { questionId, response })).toMatchObject({ ok: false, status: 409 });
    expect(await db.attemptAnswer.count({ where: { attemptId } })).toBe(0);
  });
});

describe("an attempt whose time ran out", () => {
  it("is graded by the student's own next page, never by an instructor's view of the student", async () => {
    const taker = await makeUser();
    await completeLessonsAndQuizzes(taker);
    const started = await startAttempt(taker, finalSlug);
    if (!started.ok) throw new Error(started.message);
    await db.quizAttempt.update({ where: { id: started.attemptId }, data: { deadlineAt: new Date(Date.now() - 3_600_000) }, select: { id: true } });
    const status = async () => (await db.quizAttempt.findUniqueOrThrow({ where: { id: started.attemptId }, select: { status: true } })).status;
    expect(await getStudentDetail(await makeUser("instructor"), taker.id)).not.toBeNull();
    expect(await status()).toBe("in_progress");
    await getReadiness(taker);
    expect(await status()).toBe("graded");
  });
});
