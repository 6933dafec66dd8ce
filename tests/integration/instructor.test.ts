import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { AccessDeniedError } from "@/lib/auth/assert";
import { analyzeObjectives, analyzeQuiz, listQuizzesForAnalysis } from "@/lib/items";
import { getQuizOverview, startAttempt } from "@/lib/quiz/attempts";
import { submitAttempt } from "@/lib/quiz/answers";
import { gradebookCsv } from "@/lib/roster/gradebook";
import { queryRoster } from "@/lib/roster/query";
import { rosterQuerySchema } from "@/lib/roster/schemas";
import { getStudentDetail, setAccommodation } from "@/lib/roster/student-detail";
import { listCertificates } from "@/lib/readiness/certificates";
import { seed } from "@/lib/seed";
import { completeLessonsAndQuizzes } from "@/tests/support/course";
import { makeUser } from "@/tests/support/users";
import { createUser } from "@/lib/users";
import { gradeTry, releaseTry, submittedTry } from "@/tests/support/written-grades";

const roster = (params: Record<string, string> = {}) => rosterQuerySchema.parse(params);

beforeAll(async () => {
  await seed({ demo: false });
});

describe("instructor data functions refuse students", () => {
  it("every one throws AccessDenied for a student", async () => {
    const student = await makeUser();
    const calls: (() => Promise<unknown>)[] = [
      () => queryRoster(student, roster()),
      () => analyzeQuiz(student, "legal-team-quiz"),
      () => analyzeObjectives(student),
      () => listQuizzesForAnalysis(student),
      () => getStudentDetail(student, student.id),
      () => setAccommodation(student, student.id, { timeMultiplier: 2, extraAttempts: 5 }),
      () => listCertificates(student),
      () => gradebookCsv(student).next(),
    ];
    for (const call of calls) await expect(call()).rejects.toBeInstanceOf(AccessDeniedError);
    expect(await db.accommodation.count()).toBe(0);
  });
});

describe("roster", () => {
  it("searches case-insensitively, filters, sorts and counts in SQL", async () => {
    const instructor = await makeUser("instructor");
    const ana = await createUser({ name: "Ána Zapata", email: "ana.zapata@example.edu", password: "long-enough-password", role: "student" });
    const ben = await createUser({ name: "Ben Young", email: "ben.young@example.edu", password: "long-enough-password", role: "student" });
    await completeLessonsAndQuizzes({ ...ben, role: "student" });

    const found = (await queryRoster(instructor, roster({ q: "ÁNA" })))!;
    expect(found.entries.map((e) => e.email)).toEqual(["ana.zapata@example.edu"]);
    expect(((await queryRoster(instructor, roster({ q: "%" })))!).total).toBe(0);

    const byProgress = (await queryRoster(instructor, roster({ sort: "progress", dir: "desc" })))!;
    expect(byProgress.entries[0].email).toBe("ben.young@example.edu");
    expect(byProgress.entries[0].lessonsComplete).toBe(await db.lesson.count());
    expect(byProgress.entries[0].progressPercent).toBeGreaterThan(80);

    const quizId = byProgress.quizzes[0].id;
    const byQuiz = (await queryRoster(instructor, roster({ sort: `quiz:${quizId}`, dir: "desc" })))!;
    expect(byQuiz.entries[0].quizBest[quizId]).toBe(100);

    const notStarted = (await queryRoster(instructor, roster({ status: "not_started" })))!;
    expect(notStarted.entries.map((e) => e.id)).toContain(ana.id);
    expect(notStarted.entries.map((e) => e.id)).not.toContain(ben.id);
    expect(((await queryRoster(instructor, roster({ status: "in_progress" })))!).entries.map((e) => e.id)).toContain(ben.id);

    // Two failed attempts on a quiz not yet passed puts a student at risk.
    const carl = { ...(await createUser({ name: "Carl Failing", email: "carl@example.edu", password: "long-enough-password", role: "student" })), role: "student" as const };
    const { completeLesson } = await import("@/lib/progress");
    await completeLesson(carl, "legal-team");
    for (let i = 0; i < 2; i++) {
      const started = await startAttempt(carl, "legal-team-quiz");
      if (!started.ok) throw new Error(started.message);
      await submitAttempt(carl, started.attemptId);
    }
    const atRisk = (await queryRoster(instructor, roster({ status: "at_risk" })))!;
    expect(atRisk.entries.map((e) => e.id)).toEqual([carl.id]);
    expect(atRisk.entries[0].status).toBe("at_risk");
  });

  it("the SQL status filters and the pure rosterStatus put every student in the same place", async () => {
    const instructor = await makeUser("instructor");
    const students = await db.user.count({ where: { role: "student", deletedAt: null } });
    const seen = new Map<string, string>();
    for (const status of ["not_started", "in_progress", "at_risk", "ready"] as const) {
      const page = (await queryRoster(instructor, roster({ status })))!;
      for (const entry of page.entries) {
        expect(entry.status, entry.email).toBe(status); // SQL filter == pure rule on the same row
        expect(seen.has(entry.id)).toBe(false);
        seen.set(entry.id, status);
      }
    }
    expect(seen.size).toBe(students);
  });
});

describe("accommodations", () => {
  it("extra time lengthens the next timed attempt, extra attempts raise the limit, and both are audited", async () => {
    const instructor = await makeUser("instructor");
    const student = await makeUser();
    await completeLessonsAndQuizzes(student);
    expect(await setAccommodation(instructor, student.id, { timeMultiplier: 1.5, extraAttempts: 1 })).toEqual({ ok: true, timeMultiplier: 1.5, extraAttempts: 1 });
    const overview = await getQuizOverview(student, "final-assessment");
    expect(overview?.limits).toEqual({ maxAttempts: 3, timeLimitSeconds: 2700, reviewPolicy: "after_pass_or_last" });
    const started = await startAttempt(student, "final-assessment");
    if (!started.ok) throw new Error(started.message);
    const attempt = await db.quizAttempt.findUniqueOrThrow({ where: { id: started.attemptId }, select: { startedAt: true, deadlineAt: true } });
    expect(attempt.deadlineAt!.getTime() - attempt.startedAt.getTime()).toBe(45 * 60 * 1000);
    const audit = await db.auditLog.findFirstOrThrow({ where: { action: "accommodation.set", targetId: student.id }, select: { actorId: true, detail: true } });
    expect(audit.actorId).toBe(instructor.id);
    expect(JSON.parse(audit.detail).after).toEqual({ timeMultiplier: 1.5, extraAttempts: 1 });
  });
});

describe("item analysis and gradebook", () => {
  it("reports N, facility and option counts from graded attempts", async () => {
    const instructor = await makeUser("instructor");
    const student = await makeUser();
    await completeLessonsAndQuizzes(student);
    const analysis = (await analyzeQuiz(instructor, "legal-team-quiz"))!;
    expect(analysis!.attempts).toBeGreaterThan(0);
    const item = analysis!.items.find((i) => i.type === "single")!;
    expect(item.n).toBeGreaterThan(0);
    expect(item.flags).toContain("insufficient_data");
    expect(item.options.reduce((sum, o) => sum + o.count, 0)).toBeGreaterThan(0);
  });

  it("exports one CSV row per student with a header, neutralizing formulas", async () => {
    const instructor = await makeUser("instructor");
    await createUser({ name: "=cmd|' /C calc'!A0", email: "formula@example.edu", password: "long-enough-password", role: "student" });
    let csv = "";
    for await (const chunk of gradebookCsv(instructor)) csv += chunk;
    const lines = csv.replace(/^\uFEFF/, "").trim().split("\r\n");
    expect(lines[0]).toMatch(/^Name,Email,Section,Progress %,/);
    const students = await db.user.count({ where: { role: "student", deletedAt: null } });
    expect(lines).toHaveLength(students + 1);
    expect(lines.find((l) => l.includes("formula@example.edu"))).toMatch(/^'=cmd\|' \/C calc'!A0,formula@example\.edu,/);
  });

  it("has a column per assignment holding the released grade that counts, empty while a grade is held", async () => {
    const instructor = await makeUser("instructor");
    const student = await makeUser();
    const [letter, ethics] = await db.assignment.findMany({ where: { retiredAt: null }, select: { slug: true, title: true }, orderBy: { position: "asc" } });
    // The letter: try 1 released, try 2 graded higher but held, so try 1's grade still counts.
    const first = await submittedTry(student.id, letter.slug);
    const released = await gradeTry(instructor, first, "bottom");
    await releaseTry(instructor, first);
    const second = await submittedTry(student.id, letter.slug, { tryNumber: 2 });
    expect(await gradeTry(instructor, second, "top")).toBe(100);
    // The reflection: graded, never released.
    await gradeTry(instructor, await submittedTry(student.id, ethics.slug), "top");

    let csv = "";
    for await (const chunk of gradebookCsv(instructor)) csv += chunk;
    // No title or value in these rows holds a comma or a quote, so a plain split reads them.
    const [header, ...rows] = csv.replace(/^\uFEFF/, "").trim().split("\r\n").map((l) => l.split(","));
    const at = (title: string) => header.indexOf(title);
    expect(header.slice(at("Final assessment (best %)"), at("Readiness") + 1)).toEqual(["Final assessment (best %)", `${letter.title} (%)`, `${ethics.title} (%)`, "Readiness"]);
    const row = rows.find((r) => r[1] === student.email)!;
    expect(released).toBeLessThan(100);
    expect(row[at(`${letter.title} (%)`)]).toBe(String(released));
    expect(row[at(`${ethics.title} (%)`)]).toBe("");
    // Students with no written work have empty cells, not zeros.
    expect(rows.filter((r) => r[1] !== student.email).every((r) => r[at(`${letter.title} (%)`)] === "" && r[at(`${ethics.title} (%)`)] === "")).toBe(true);
  });
});

// The roster rows recomputed here from raw rows, by rules written out again in the test
// (not lib code): progress is the longest complete prefix of the course's steps in order,
// a quiz is passed at the configured mark for its kind, a best score is the highest percent.
async function recomputed() {
  const course = await db.course.findFirstOrThrow({ select: { id: true, config: true } });
  const config = JSON.parse(course.config) as { lessonPassPercent: number; finalPassPercent: number };
  const lessons = await db.lesson.findMany({ select: { id: true, quiz: { select: { id: true } } }, orderBy: { position: "asc" } });
  const quizzes = await db.quiz.findMany({ select: { id: true, kind: true } });
  const mark = new Map(quizzes.map((q) => [q.id, q.kind === "final" ? config.finalPassPercent : config.lessonPassPercent]));
  const finalId = quizzes.find((q) => q.kind === "final")!.id;
  const steps = [...lessons.flatMap((l) => [{ lesson: l.id }, ...(l.quiz ? [{ quiz: l.quiz.id }] : [])]), { quiz: finalId }];
  const students = await db.user.findMany({ where: { role: "student", deletedAt: null }, select: { id: true, lastActiveAt: true } });
  const rows = [];
  for (const s of students) {
    const done = new Set((await db.lessonProgress.findMany({ where: { userId: s.id, completedAt: { not: null } }, select: { lessonId: true } })).map((p) => p.lessonId));
    const graded = await db.quizAttempt.findMany({ where: { userId: s.id, status: "graded" }, select: { quizId: true, percent: true } });
    const quizBests = [...new Set(graded.map((a) => a.quizId))].sort().map((quizId) => {
      const mine = graded.filter((a) => a.quizId === quizId);
      const failed = mine.filter((a) => a.percent! < mark.get(quizId)!).length;
      return { quizId, bestPercent: Math.max(...mine.map((a) => a.percent!)), attempts: mine.length, failed, passed: failed < mine.length };
    });
    const passed = new Set(quizBests.filter((b) => b.passed).map((b) => b.quizId));
    let prefix = 0;
    while (prefix < steps.length && ("lesson" in steps[prefix] ? done.has(steps[prefix].lesson!) : passed.has(steps[prefix].quiz!))) prefix++;
    const complete = steps.slice(0, prefix);
    const final = quizBests.find((b) => b.quizId === finalId);
    const ready = await db.readiness.findFirst({ where: { userId: s.id }, select: { reachedAt: true } });
    rows.push({
      userId: s.id,
      lessonsComplete: complete.filter((x) => "lesson" in x).length,
      quizzesPassed: complete.filter((x) => "quiz" in x).length,
      progressPercent: Math.floor((prefix / steps.length) * 100),
      finalBest: final?.bestPercent ?? null,
      finalPassed: Boolean(final?.passed),
      readyAt: ready?.reachedAt ?? null,
      lastActiveAt: s.lastActiveAt,
      maxFailsUnpassed: Math.max(0, ...quizBests.filter((b) => !b.passed).map((b) => b.failed)),
      quizBests,
    });
  }
  return rows.sort((a, b) => a.userId.localeCompare(b.userId));
}

async function stored() {
  const summaries = await db.studentSummary.findMany({
    select: { userId: true, lessonsComplete: true, quizzesPassed: true, progressPercent: true, finalBest: true, finalPassed: true, readyAt: true, lastActiveAt: true, maxFailsUnpassed: true },
  });
  const bests = await db.quizBest.findMany({ select: { userId: true, quizId: true, bestPercent: true, attempts: true, failed: true, passed: true }, orderBy: { quizId: "asc" } });
  return summaries
    .map((s) => ({ ...s, quizBests: bests.filter((b) => b.userId === s.userId).map((b) => ({ quizId: b.quizId, bestPercent: b.bestPercent, attempts: b.attempts, failed: b.failed, passed: b.passed })) }))
    .sort((a, b) => a.userId.localeCompare(b.userId));
}

const expectSummariesCurrent = async () => expect(await stored()).toEqual(await recomputed());

async function failQuiz(student: Awaited<ReturnType<typeof makeUser>>, slug: string) {
  const started = await startAttempt(student, slug);
  if (!started.ok) throw new Error(started.message);
  return submitAttempt(student, started.attemptId);
}

// Last in the file: it reorders and adds lessons.
describe("maintained summaries", () => {
  it("match an independent recomputation after every kind of event, and a failed summary write rolls the grade back", async () => {
    const instructor = await makeUser("instructor");
    const [done, failing, starting] = [await makeUser(), await makeUser(), await makeUser()];
    await completeLessonsAndQuizzes(done, { final: true });
    const { completeLesson } = await import("@/lib/progress");
    await completeLesson(starting, "legal-team");
    await completeLesson(failing, "legal-team");
    await failQuiz(failing, "legal-team-quiz");
    await failQuiz(failing, "legal-team-quiz");
    await expectSummariesCurrent();

    // A student created by `npm run user:create` is on the roster at once.
    const { upsertUser } = await import("@/lib/users");
    const scripted = await upsertUser({ name: "Scripted Student", email: "scripted@example.edu", password: "long-enough-password", role: "student" });
    expect(((await queryRoster(instructor, roster({ q: "scripted@example.edu" })))!).total).toBe(1);
    await expectSummariesCurrent();

    // A configuration change re-derives every pass and every summary with it.
    const { changeCourseConfig } = await import("@/lib/course/settings");
    const coordinator = await makeUser("coordinator");
    await changeCourseConfig(coordinator, { lessonPassPercent: 0 });
    expect((await db.quizAttempt.findMany({ where: { userId: failing.id, status: "graded" }, select: { passed: true } })).every((a) => a.passed)).toBe(true);
    await expectSummariesCurrent();
    await changeCourseConfig(coordinator, { lessonPassPercent: 80 });
    await expectSummariesCurrent();

    // A crash between grading and the summary: make the summary write fail inside the
    // grading transaction; the grade must roll back with it.
    const sqlite = (process.env.DATABASE_URL ?? "").startsWith("file:");
    await db.$executeRawUnsafe(
      sqlite
        ? `CREATE TRIGGER "crash_summary" BEFORE INSERT ON "StudentSummary" BEGIN SELECT RAISE(ABORT, 'simulated crash'); END`
        : `CREATE FUNCTION crash_summary() RETURNS trigger AS $$ BEGIN RAISE EXCEPTION 'simulated crash'; END $$ LANGUAGE plpgsql; CREATE TRIGGER "crash_summary" BEFORE INSERT ON "StudentSummary" FOR EACH ROW EXECUTE FUNCTION crash_summary()`,
    );
    const started = await startAttempt(failing, "legal-team-quiz");
    if (!started.ok) throw new Error(started.message);
    // (The driver adapter reports the trigger as a constraint failure; any error will do.)
    await expect(submitAttempt(failing, started.attemptId)).rejects.toThrow();
    expect(await db.quizAttempt.findUniqueOrThrow({ where: { id: started.attemptId }, select: { status: true, percent: true } })).toEqual({ status: "in_progress", percent: null });
    await db.$executeRawUnsafe(sqlite ? `DROP TRIGGER "crash_summary"` : `DROP TRIGGER "crash_summary" ON "StudentSummary"; DROP FUNCTION crash_summary()`);
    await expectSummariesCurrent();
    expect((await submitAttempt(failing, started.attemptId)).ok).toBe(true);
    await expectSummariesCurrent();

    // Content changes: a lesson reordered, then a lesson added; each re-seed rebuilds.
    const { loadLessons } = await import("@/lib/content/lessons");
    const { loadQuizzes } = await import("@/lib/content/quizzes");
    const { seedContent } = await import("@/lib/seed");
    const lessons = loadLessons();
    const quizzes = loadQuizzes(lessons);
    const [first, second] = [lessons[0], lessons[1]];
    const swapped = [{ ...second, order: first.order }, { ...first, order: second.order }, ...lessons.slice(2)];
    expect((await seedContent(swapped, quizzes)).rebuilt).toBe(true);
    expect((await seedContent(swapped, quizzes)).rebuilt).toBe(false); // unchanged: no rebuild
    await expectSummariesCurrent();
    const added = { ...lessons[lessons.length - 1], slug: "added-lesson", order: 100, contentHash: "added" };
    await seedContent([...swapped, added], quizzes);
    await expectSummariesCurrent();
    expect((await db.studentSummary.findUniqueOrThrow({ where: { userId: done.id }, select: { progressPercent: true } })).progressPercent).toBeLessThan(100);

    // Closing an account drops its row; the rest stay current.
    const { deleteAccount } = await import("@/lib/privacy");
    expect(await deleteAccount({ ...scripted, role: "student" }, { password: "long-enough-password", confirm: "DELETE" })).toEqual({ ok: true });
    await expectSummariesCurrent();
    expect(await db.studentSummary.count({ where: { userId: scripted.id } })).toBe(0);
  });
});
