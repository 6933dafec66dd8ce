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
import { refreshSummaries } from "@/lib/roster/summaries";
import { listCertificates } from "@/lib/readiness/certificates";
import { seed } from "@/lib/seed";
import { completeLessonsAndQuizzes } from "@/tests/support/course";
import { makeUser } from "@/tests/support/users";
import { createUser } from "@/lib/users";

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

    const found = await queryRoster(instructor, roster({ q: "ÁNA" }));
    expect(found.entries.map((e) => e.email)).toEqual(["ana.zapata@example.edu"]);
    expect((await queryRoster(instructor, roster({ q: "%" }))).total).toBe(0);

    const byProgress = await queryRoster(instructor, roster({ sort: "progress", dir: "desc" }));
    expect(byProgress.entries[0].email).toBe("ben.young@example.edu");
    expect(byProgress.entries[0].lessonsComplete).toBe(7);
    expect(byProgress.entries[0].progressPercent).toBeGreaterThan(80);

    const quizId = byProgress.quizzes[0].id;
    const byQuiz = await queryRoster(instructor, roster({ sort: `quiz:${quizId}`, dir: "desc" }));
    expect(byQuiz.entries[0].quizBest[quizId]).toBe(100);

    const notStarted = await queryRoster(instructor, roster({ status: "not_started" }));
    expect(notStarted.entries.map((e) => e.id)).toContain(ana.id);
    expect(notStarted.entries.map((e) => e.id)).not.toContain(ben.id);
    expect((await queryRoster(instructor, roster({ status: "in_progress" }))).entries.map((e) => e.id)).toContain(ben.id);

    // Two failed attempts on a quiz not yet passed puts a student at risk.
    const carl = { ...(await createUser({ name: "Carl Failing", email: "carl@example.edu", password: "long-enough-password", role: "student" })), role: "student" as const };
    const { completeLesson } = await import("@/lib/progress");
    await completeLesson(carl, "legal-team");
    for (let i = 0; i < 2; i++) {
      const started = await startAttempt(carl, "legal-team-quiz");
      if (!started.ok) throw new Error(started.message);
      await submitAttempt(carl, started.attemptId);
    }
    const atRisk = await queryRoster(instructor, roster({ status: "at_risk" }));
    expect(atRisk.entries.map((e) => e.id)).toEqual([carl.id]);
    expect(atRisk.entries[0].status).toBe("at_risk");
  });

  it("maintained summaries match a recomputation from the source rows", async () => {
    const student = await makeUser();
    await completeLessonsAndQuizzes(student);
    const before = await db.studentSummary.findUniqueOrThrow({ where: { userId: student.id }, select: { lessonsComplete: true, quizzesPassed: true, progressPercent: true, maxFailsUnpassed: true } });
    await db.studentSummary.deleteMany({ where: { userId: student.id } });
    await refreshSummaries([student.id]);
    const after = await db.studentSummary.findUniqueOrThrow({ where: { userId: student.id }, select: { lessonsComplete: true, quizzesPassed: true, progressPercent: true, maxFailsUnpassed: true } });
    expect(after).toEqual(before);
    expect(before).toMatchObject({ lessonsComplete: 7, quizzesPassed: 7 });
  });
});

describe("accommodations", () => {
  it("extra time lengthens the next timed attempt, extra attempts raise the limit, and both are audited", async () => {
    const instructor = await makeUser("instructor");
    const student = await makeUser();
    await completeLessonsAndQuizzes(student);
    expect(await setAccommodation(instructor, student.id, { timeMultiplier: 1.5, extraAttempts: 1 })).toEqual({ ok: true });
    const overview = await getQuizOverview(student, "final-assessment");
    expect(overview?.limits).toEqual({ maxAttempts: 3, timeLimitSeconds: 2700 });
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
    const analysis = await analyzeQuiz(instructor, "legal-team-quiz");
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
    expect(lines[0]).toMatch(/^Name,Email,Progress %,/);
    const students = await db.user.count({ where: { role: "student", deletedAt: null } });
    expect(lines).toHaveLength(students + 1);
    expect(lines.find((l) => l.includes("formula@example.edu"))).toMatch(/^'=cmd\|' \/C calc'!A0,formula@example\.edu,/);
  });
});
