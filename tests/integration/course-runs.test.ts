// Progress over terms (issue 14, ADR 0017): a student who joins a section of a later term
// starts the course again. Every reader of the current run (own pages, quiz limits, the
// roster's write path, gradebook, item analysis, sign-off list) sees a fresh student; the
// old run stays readable (past runs, its certificate still verifies), and a move between
// sections of overlapping terms keeps the work.
import { beforeAll, describe, expect, it } from "vitest";
import type { CurrentUser } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { loadStudentFacts } from "@/lib/course/facts";
import { readOwnRecord } from "@/lib/course/own-record";
import { getCourse } from "@/lib/course/structure";
import { analyzeQuiz } from "@/lib/items";
import { exportUserData } from "@/lib/privacy";
import { completeLesson } from "@/lib/progress";
import { getPastRuns } from "@/lib/progress/past-runs";
import { getAttemptForTaking, getQuizOverview, startAttempt } from "@/lib/quiz/attempts";
import { saveAnswer, submitAttempt } from "@/lib/quiz/answers";
import { getAttemptReview } from "@/lib/quiz/review";
import { getReadiness } from "@/lib/readiness";
import { findCertificateForVerification, listCertificates, revokeCertificate } from "@/lib/readiness/certificates";
import { listAwaitingSignOff } from "@/lib/readiness/sign-off";
import { gradebookCsv } from "@/lib/roster/gradebook";
import { seed } from "@/lib/seed";
import { joinWithCode, moveStudent } from "@/lib/sections/enrollment";
import { addInstructor, createSection, getSection } from "@/lib/sections/manage";
import { dayIn } from "@/lib/sections/terms";
import { completeLessonsAndQuizzes, completeSelfAssessment } from "@/tests/support/course";
import { attemptQuestionIds, correctResponse } from "@/tests/support/quiz";
import { makeUser } from "@/tests/support/users";
import { gradeTry, releaseTry, submittedTry } from "@/tests/support/written-grades";

const FINAL = "final-assessment";
const FIRST_QUIZ = "legal-team-quiz";
const FIRST_LESSON = "legal-team";
const LETTER = "internship-application";
const REFLECTION = "ethics-reflection";
const today = (days = 0) => dayIn(new Date(Date.now() + days * 86_400_000), "UTC");

let coordinator: CurrentUser;
let springTeacher: CurrentUser;
let fallTeacher: CurrentUser;
const sections = { spring: "", fall: "", fallB: "", next: "" };
const codes = { fall: "", fallB: "", next: "" };
let repeater: CurrentUser;
let springCertificate: string;
let springFinalAttempt: string;
let springLetter: string;
let springDraft: string;

async function newSection(name: string, termStart: string, termEnd: string, teacher?: CurrentUser) {
  const created = await createSection(coordinator, { name, termStart, termEnd, timeZone: "UTC" });
  if (teacher) await addInstructor(coordinator, created.id, teacher.email);
  return { id: created.id, code: (await getSection(coordinator, created.id))!.joinCode };
}

const csvOf = async (viewer: CurrentUser, section: string) => {
  let csv = "";
  for await (const chunk of gradebookCsv(viewer, section)) csv += chunk;
  return csv;
};

beforeAll(async () => {
  await seed({ demo: false });
  coordinator = await makeUser("coordinator");
  springTeacher = await makeUser("instructor");
  fallTeacher = await makeUser("instructor");
  await db.sectionInstructor.deleteMany({ where: { userId: { in: [springTeacher.id, fallTeacher.id] } } });
  sections.spring = (await newSection("Spring", today(-200), today(-20), springTeacher)).id;
  const fall = await newSection("Fall", today(-5), today(90), fallTeacher);
  const fallB = await newSection("Fall evening", today(-3), today(95), fallTeacher);
  const next = await newSection("Next spring", today(100), today(200));
  [sections.fall, codes.fall, sections.fallB, codes.fallB, sections.next, codes.next] = [fall.id, fall.code, fallB.id, fallB.code, next.id, next.code];

  // Last spring: the whole course, internship ready with a certificate.
  repeater = await makeUser("student");
  await moveStudent(coordinator, repeater.id, sections.spring);
  await completeLessonsAndQuizzes(repeater, { final: true });
  await completeSelfAssessment(repeater);
  const ready = await getReadiness(repeater);
  expect(ready.reachedAt).not.toBeNull();
  springCertificate = ready.certificate!.code;
  springFinalAttempt = (await db.quizAttempt.findFirstOrThrow({ where: { userId: repeater.id, quiz: { slug: FINAL } }, select: { id: true } })).id;
  // Written work in spring: the letter graded and released, the reflection still a draft.
  springLetter = await submittedTry(repeater.id, LETTER);
  await gradeTry(springTeacher, springLetter, "top");
  await releaseTry(springTeacher, springLetter);
  const reflection = await db.assignment.findFirstOrThrow({ where: { slug: REFLECTION }, select: { id: true } });
  springDraft = (await db.assignmentSubmission.create({ data: { userId: repeater.id, assignmentId: reflection.id, tryNumber: 1, text: "Half a reflection." }, select: { id: true } })).id;
  const course = await getCourse();
  expect((await loadStudentFacts(db, course.id, [repeater.id])).get(repeater.id)!.written).toMatchObject([{ tryNumber: 1, percent: 100 }]);

  const joined = await joinWithCode(repeater, codes.fall);
  expect(joined.startedOver).toBe(true);
}, 240_000);

describe("a student who repeats the course in a later term", () => {
  it("starts from nothing on their own pages, with full attempts", async () => {
    const readiness = await getReadiness(repeater);
    expect(readiness.reachedAt).toBeNull();
    expect(readiness.certificate).toBeNull();
    expect(readiness.pastRuns).toBe(1);
    expect(readiness.requirements.every((r) => !r.met)).toBe(true);
    const overview = (await getQuizOverview(repeater, FIRST_QUIZ))!;
    expect(overview.attempts).toEqual([]);
    expect(overview.passed).toBe(false);
    expect(overview.attemptsLeft).toBe(overview.limits.maxAttempts);
  });

  it("reads the same fresh run through both readers (the page's statement and the write path's)", async () => {
    const course = await getCourse();
    const own = await readOwnRecord(db, course.id, repeater.id);
    const facts = (await loadStudentFacts(db, course.id, [repeater.id])).get(repeater.id)!;
    for (const f of [own.facts, facts]) {
      expect(f.lessonRecords.size).toBe(0);
      expect(f.attempts).toEqual([]);
      expect([f.selfAssessed, f.signedOff, f.readyAt]).toEqual([false, false, null]);
      expect(f.written).toEqual([]);
    }
    expect(own.gradedAnswers).toEqual([]);
    expect(own.pastRuns).toBe(1);
  });

  it("appears on the new section's roster, gradebook and item analysis as not started", async () => {
    const summary = await db.studentSummary.findUniqueOrThrow({ where: { userId: repeater.id }, select: { progressPercent: true, readyAt: true, sectionId: true, finalBest: true } });
    expect(summary).toEqual({ progressPercent: 0, readyAt: null, sectionId: sections.fall, finalBest: null });
    expect(await db.quizBest.count({ where: { userId: repeater.id } })).toBe(0);
    const row = (await csvOf(fallTeacher, sections.fall)).split("\n").find((line) => line.includes(repeater.email))!;
    expect(row).toContain("Not yet");
    expect(row).not.toContain(springCertificate);
    expect((await analyzeQuiz(fallTeacher, FINAL, sections.fall))!.attempts).toBe(0);
    // The course as a whole keeps every graded attempt's evidence, past runs included.
    expect((await analyzeQuiz(coordinator, FINAL))!.attempts).toBeGreaterThanOrEqual(1);
    expect((await listCertificates(fallTeacher, sections.fall))!.certificates.map((c) => c.code)).not.toContain(springCertificate);
    expect((await listCertificates(coordinator))!.certificates.map((c) => c.code)).toContain(springCertificate);
    expect((await listAwaitingSignOff(fallTeacher, sections.fall))!.students.map((s) => s.id)).not.toContain(repeater.id);
  });

  it("keeps the old run readable, to the student and to instructors who may see them", async () => {
    const runs = (await getPastRuns(repeater, repeater.id))!;
    expect(runs).toHaveLength(1);
    const [spring] = runs;
    // The open section they first joined, then spring: one run.
    expect(spring.sections.map((s) => s.name)).toEqual(["Open enrollment", "Spring"]);
    expect(spring.lessonsCompleted).toBe(await db.lesson.count());
    expect(spring.readyAt).not.toBeNull();
    expect(spring.certificate).toEqual({ code: springCertificate, status: "valid" });
    expect(spring.quizzes.find((q) => q.slug === FINAL)).toMatchObject({ passed: true, bestPercent: 100, attempts: 1, bestAttemptId: springFinalAttempt });
    expect(await getPastRuns(fallTeacher, repeater.id)).toEqual(runs);
    // Spring's instructor no longer teaches this student: not theirs to read.
    expect(await getPastRuns(springTeacher, repeater.id)).toBeNull();
    expect((await findCertificateForVerification(springCertificate))!.status).toBe("valid");
    // Issued in another class: the new section's instructor cannot revoke it; the coordinator could.
    expect(await revokeCertificate(fallTeacher, springCertificate, "test")).toEqual({ ok: false, message: "No certificate has that code." });
  });

  it("shows a past run's attempt as totals only: its answers marked right would be keys for the new run", async () => {
    const review = await getAttemptReview(repeater, springFinalAttempt);
    if (!review.ok) throw new Error(review.message);
    expect(review).toMatchObject({ graded: true, pastRun: true, revealKeys: false, final: false, attemptsLeft: 0, questions: [] });
    expect(review.summary.percent).toBe(100);
    // Nor through the attempt API the taking page reads.
    expect(await getAttemptForTaking(repeater, springFinalAttempt)).toMatchObject({ ok: false, status: 409 });
  });

  it("records the restart in the audit log and in the student's data export", async () => {
    const audit = await db.auditLog.findFirstOrThrow({ where: { actorId: repeater.id, action: "enrollment.join", targetId: sections.fall }, select: { detail: true } });
    expect(JSON.parse(audit.detail)).toMatchObject({ from: sections.spring, pastRun: 1 });
    const data = await exportUserData(repeater);
    expect(data.readiness).toBeNull();
    expect(data.pastRunsReadiness).toHaveLength(1);
    expect(data.quizAttempts.length).toBeGreaterThan(0);
    for (const attempt of data.quizAttempts) expect(attempt).toMatchObject({ pastRun: 1, answers: [], answersWithheld: expect.stringContaining("earlier term") });
    expect(data.certificates).toEqual([expect.objectContaining({ code: springCertificate, pastRun: 1 })]);
  });

  it("numbers their written work, a draft too, as the same past run as their attempts, each grade kept with its try", async () => {
    const rows = await db.assignmentSubmission.findMany({
      where: { userId: repeater.id },
      select: { id: true, pastRun: true, tryNumber: true, status: true, grade: { select: { percent: true, releasedAt: true } } },
    });
    expect(rows.map((r) => r.id).sort()).toEqual([springLetter, springDraft].sort());
    expect(rows.every((r) => r.pastRun === 1 && r.tryNumber === 1)).toBe(true);
    expect(rows.find((r) => r.id === springLetter)).toMatchObject({ status: "submitted", grade: { percent: 100, releasedAt: expect.any(Date) } });
    expect(rows.find((r) => r.id === springDraft)).toMatchObject({ status: "draft", grade: null });
    expect((await db.quizAttempt.findUniqueOrThrow({ where: { id: springFinalAttempt }, select: { pastRun: true } })).pastRun).toBe(1);
    // The new section's gradebook shows no written grade for them; their export keeps the old ones.
    // No title or value in these rows holds a comma or a quote, so a plain split reads them.
    const [header, ...lines] = (await csvOf(fallTeacher, sections.fall)).replace(/^\uFEFF/, "").trim().split("\r\n").map((l) => l.split(","));
    const title = (await db.assignment.findFirstOrThrow({ where: { slug: LETTER }, select: { title: true } })).title;
    const column = header.indexOf(`${title} (%)`);
    expect(column).toBeGreaterThan(0);
    expect(lines.find((l) => l[1] === repeater.email)![column]).toBe("");
    const exported = (await exportUserData(repeater)).assignmentSubmissions;
    expect(exported.map((t) => [t.assignment, t.pastRun, t.status, t.grade?.percent ?? null]).sort()).toEqual([[LETTER, 1, "submitted", 100], [REFLECTION, 1, "draft", null]].sort());
  });

  it("counts the new run from attempt one, and a second repeat numbers the next past run", async () => {
    expect((await completeLesson(repeater, FIRST_LESSON)).ok).toBe(true);
    const started = await startAttempt(repeater, FIRST_QUIZ);
    if (!started.ok) throw new Error(started.message);
    const attempt = await db.quizAttempt.findUniqueOrThrow({ where: { id: started.attemptId }, select: { attemptNumber: true, pastRun: true } });
    expect(attempt).toEqual({ attemptNumber: 1, pastRun: 0 });
    // Moved by the coordinator into a term that begins after fall ends: run 2 starts.
    const moved = await moveStudent(coordinator, repeater.id, sections.next);
    expect(moved.pastRun).toBe(2);
    // Spring's written work stays numbered as run 1.
    expect(await db.assignmentSubmission.count({ where: { userId: repeater.id, pastRun: { not: 1 } } })).toBe(0);
    const runs = (await getPastRuns(repeater, repeater.id))!;
    expect(runs.map((r) => r.number)).toEqual([2, 1]);
    expect(runs[0].sections.map((s) => s.name)).toEqual(["Fall"]);
    expect(runs[0].quizzes).toEqual([expect.objectContaining({ slug: FIRST_QUIZ, attempts: 0, unfinished: 1, bestPercent: null })]);
  });
});

describe("an attempt open when its run ends", () => {
  it("closes unfinished with its saved answers kept, and takes no more answers or grading", async () => {
    const student = await makeUser("student");
    await moveStudent(coordinator, student.id, sections.spring);
    expect((await completeLesson(student, FIRST_LESSON)).ok).toBe(true);
    const started = await startAttempt(student, FIRST_QUIZ);
    if (!started.ok) throw new Error(started.message);
    const [first, second] = await attemptQuestionIds(started.attemptId);
    expect((await saveAnswer(student, started.attemptId, { questionId: first, response: await correctResponse(first, started.attemptId) })).ok).toBe(true);

    expect((await joinWithCode(student, codes.fall)).startedOver).toBe(true);
    const closed = await db.quizAttempt.findUniqueOrThrow({ where: { id: started.attemptId }, select: { status: true, pastRun: true, percent: true, _count: { select: { answers: true } } } });
    expect(closed).toEqual({ status: "closed", pastRun: 1, percent: null, _count: { answers: 1 } });
    const save = await saveAnswer(student, started.attemptId, { questionId: second, response: await correctResponse(second, started.attemptId) });
    expect(save).toMatchObject({ ok: false, status: 409 });
    expect((await submitAttempt(student, started.attemptId)).ok).toBe(false);
    expect(await db.quizAttempt.findUniqueOrThrow({ where: { id: started.attemptId }, select: { status: true } })).toEqual({ status: "closed" });
    // The new run's first attempt is number one again (after the lesson, done again too).
    expect((await completeLesson(student, FIRST_LESSON)).ok).toBe(true);
    const fresh = await startAttempt(student, FIRST_QUIZ);
    if (!fresh.ok) throw new Error(fresh.message);
    expect(fresh.resumed).toBe(false);
    expect((await db.quizAttempt.findUniqueOrThrow({ where: { id: fresh.attemptId }, select: { attemptNumber: true } })).attemptNumber).toBe(1);
  });
});

describe("a move between sections whose terms overlap", () => {
  it("keeps the run: the work comes along", async () => {
    const student = await makeUser("student");
    await joinWithCode(student, codes.fall);
    await completeLessonsAndQuizzes(student);
    const before = (await db.studentSummary.findUniqueOrThrow({ where: { userId: student.id }, select: { progressPercent: true } })).progressPercent;
    expect(before).toBeGreaterThan(0);
    const moved = await joinWithCode(student, codes.fallB);
    expect(moved.startedOver).toBe(false);
    expect(await db.studentSummary.findUniqueOrThrow({ where: { userId: student.id }, select: { progressPercent: true, sectionId: true } })).toEqual({ progressPercent: before, sectionId: sections.fallB });
    expect(await getPastRuns(student, student.id)).toEqual([]);
    expect(await db.quizAttempt.count({ where: { userId: student.id, pastRun: { not: 0 } } })).toBe(0);
  }, 120_000);
});
