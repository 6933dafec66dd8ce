import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { loadLessons } from "@/lib/content/lessons";
import { completeLesson } from "@/lib/progress";
import { getAttemptForTaking, startAttempt } from "@/lib/quiz/attempts";
import { saveAnswer, submitAttempt } from "@/lib/quiz/answers";
import { getAttemptReview } from "@/lib/quiz/review";
import { seed } from "@/lib/seed";
import { attemptQuestionIds, correctResponse, rowCounts } from "@/tests/support/quiz";
import { makeUser } from "@/tests/support/users";

const [firstLesson] = loadLessons();
let quizSlug: string;

beforeAll(async () => {
  await seed({ demo: false });
  quizSlug = (await db.quiz.findFirstOrThrow({ where: { lesson: { slug: firstLesson.slug } }, select: { slug: true } })).slug;
});

async function studentAtQuiz() {
  const student = await makeUser();
  await completeLesson(student, firstLesson.slug);
  return student;
}

async function started(student: Awaited<ReturnType<typeof makeUser>>) {
  const result = await startAttempt(student, quizSlug);
  if (!result.ok) throw new Error(result.message);
  return result.attemptId;
}

describe("attempt lifecycle", () => {
  it("a quiz is locked until its lesson is complete", async () => {
    const student = await makeUser();
    const result = await startAttempt(student, quizSlug);
    expect(result).toMatchObject({ ok: false, status: 409 });
    expect(await db.quizAttempt.count({ where: { userId: student.id } })).toBe(0);
  });

  it("start fixes the questions; the taking view holds no keys or explanations", async () => {
    const student = await studentAtQuiz();
    const attemptId = await started(student);
    const view = await getAttemptForTaking(student, attemptId);
    if (!view.ok) throw new Error(view.message);
    const questions = await db.question.findMany({ where: { quiz: { slug: quizSlug } }, select: { id: true, answerKey: true, explanation: true } });
    expect(view.questions.length).toBe(questions.length);
    const serialized = JSON.stringify(view);
    for (const q of questions) expect(serialized).not.toContain(q.explanation.slice(0, 40));
    expect(serialized).not.toMatch(/"(correct|answer|accepted|matches|answerKey|explanation)"/);
    // Starting again resumes the same attempt.
    expect(await startAttempt(student, quizSlug)).toMatchObject({ ok: true, attemptId, resumed: true });
  });

  it("grades all-correct answers as a pass, and ignores client-sent scores", async () => {
    const student = await studentAtQuiz();
    const attemptId = await started(student);
    for (const questionId of await attemptQuestionIds(attemptId)) {
      const saved = await saveAnswer(student, attemptId, { questionId, response: await correctResponse(questionId, attemptId), score: 0, correct: false });
      expect(saved.ok).toBe(true);
    }
    const result = await submitAttempt(student, attemptId);
    expect(result).toMatchObject({ ok: true, result: { percent: 100, passed: true } });
    const review = await getAttemptReview(student, attemptId);
    expect(review.ok && review.revealKeys).toBe(true);
  });

  it("a failed attempt shows right/wrong but keeps keys and explanations back while attempts remain", async () => {
    const student = await studentAtQuiz();
    const attemptId = await started(student);
    const result = await submitAttempt(student, attemptId);
    expect(result).toMatchObject({ ok: true, result: { percent: 0, passed: false } });
    const review = await getAttemptReview(student, attemptId);
    if (!review.ok) throw new Error(review.message);
    expect(review.revealKeys).toBe(false);
    expect(review.questions.every((q) => q.correct === false && q.key === undefined && q.explanation === undefined)).toBe(true);
    expect(review.attemptsLeft).toBe(2);
  });

  it("50 concurrent submits of one attempt grade it once and all return the same result", async () => {
    const student = await studentAtQuiz();
    const attemptId = await started(student);
    const [questionId] = await attemptQuestionIds(attemptId);
    await saveAnswer(student, attemptId, { questionId, response: await correctResponse(questionId, attemptId) });
    const results = await Promise.all(Array.from({ length: 50 }, () => submitAttempt(student, attemptId)));
    expect(results.every((r) => r.ok)).toBe(true);
    const percents = new Set(results.map((r) => (r.ok ? r.result.percent : -1)));
    expect(percents.size).toBe(1);
    const questionCount = (await attemptQuestionIds(attemptId)).length;
    expect(await db.attemptAnswer.count({ where: { attemptId } })).toBe(questionCount);
    const attempt = await db.quizAttempt.findUniqueOrThrow({ where: { id: attemptId }, select: { status: true, gradedAt: true } });
    expect(attempt.status).toBe("graded");
  });

  it("20 concurrent starts never exceed the attempt limit", async () => {
    const student = await studentAtQuiz();
    for (let round = 0; round < 4; round++) {
      const results = await Promise.all(Array.from({ length: 20 }, () => startAttempt(student, quizSlug)));
      const ids = new Set(results.flatMap((r) => (r.ok ? [r.attemptId] : [])));
      expect(ids.size).toBeLessThanOrEqual(1);
      for (const id of ids) await submitAttempt(student, id);
    }
    expect(await db.quizAttempt.count({ where: { userId: student.id } })).toBe(3);
    expect(await startAttempt(student, quizSlug)).toMatchObject({ ok: false, status: 409 });
  });

  it("an expired attempt is graded with what was saved by the deadline; later saves are refused", async () => {
    const student = await studentAtQuiz();
    const attemptId = await started(student);
    const [first, second] = await attemptQuestionIds(attemptId);
    await saveAnswer(student, attemptId, { questionId: first, response: await correctResponse(first, attemptId) });
    await db.quizAttempt.update({ where: { id: attemptId }, data: { deadlineAt: new Date(Date.now() - 60_000) } });
    const late = await saveAnswer(student, attemptId, { questionId: second, response: await correctResponse(second, attemptId) });
    expect(late).toMatchObject({ ok: false, status: 409 });
    const attempt = await db.quizAttempt.findUniqueOrThrow({ where: { id: attemptId }, select: { status: true, autoSubmitted: true, score: true } });
    expect(attempt).toMatchObject({ status: "graded", autoSubmitted: true, score: 1 });
    expect((await submitAttempt(student, attemptId)).ok).toBe(true);
  });

  it("another student's attempt is 404 for reading, saving and submitting", async () => {
    const owner = await studentAtQuiz();
    const other = await studentAtQuiz();
    const attemptId = await started(owner);
    const [questionId] = await attemptQuestionIds(attemptId);
    expect(await getAttemptForTaking(other, attemptId)).toMatchObject({ ok: false, status: 404 });
    expect(await saveAnswer(other, attemptId, { questionId, response: await correctResponse(questionId, attemptId) })).toMatchObject({ ok: false, status: 404 });
    expect(await submitAttempt(other, attemptId)).toMatchObject({ ok: false, status: 404 });
    expect(await getAttemptReview(other, attemptId)).toMatchObject({ ok: false, status: 404 });
    expect(await db.quizAttempt.findUniqueOrThrow({ where: { id: attemptId }, select: { status: true } })).toEqual({ status: "in_progress" });
  });

  it("malformed payloads get a clear 4xx and change no row", async () => {
    const student = await studentAtQuiz();
    const attemptId = await started(student);
    const ids = await attemptQuestionIds(attemptId);
    const types = new Map((await db.question.findMany({ where: { id: { in: ids } }, select: { id: true, type: true } })).map((q) => [q.id, q.type]));
    const single = ids.find((id) => types.get(id) === "single")!;
    const before = await rowCounts();
    const bad: unknown[] = [
      null,
      "string",
      { questionId: single },
      { questionId: "not-in-attempt", response: { choice: "x" } },
      { questionId: single, response: { choice: "no-such-option" } },
      { questionId: single, response: { choices: ["a"] } },
      { questionId: single, response: { choice: 42 } },
      { questionId: single, response: { choice: "x".repeat(10_000) } },
      { questionId: "x".repeat(500), response: {} },
      { questionId: single, response: { choice: "\u0000\uFFFF💥" } },
    ];
    for (const body of bad) {
      const result = await saveAnswer(student, attemptId, body);
      expect(result.ok, JSON.stringify(body).slice(0, 80)).toBe(false);
      if (!result.ok) {
        expect([400, 404, 413]).toContain(result.status);
        expect(result.message.length).toBeGreaterThan(10);
      }
    }
    expect(await rowCounts()).toEqual(before);
  });
});

describe("saving a whole page of answers (the no-JavaScript form)", () => {
  it("saves every valid answer, or nothing when one is invalid", async () => {
    const { saveAnswers } = await import("@/lib/quiz/answers");
    const student = await studentAtQuiz();
    const attemptId = await started(student);
    const ids = await attemptQuestionIds(attemptId);
    const good = new Map<string, unknown>();
    for (const id of ids) good.set(id, await correctResponse(id, attemptId));
    const bad = new Map(good);
    bad.set(ids[0], { choice: "nope", choices: ["nope"], order: ["nope"], matches: { nope: "nope" }, text: 5, value: "x" });
    const refused = await saveAnswers(student, attemptId, bad);
    expect(refused.ok).toBe(false);
    expect(await db.attemptAnswer.count({ where: { attemptId } })).toBe(0);
    const saved = await saveAnswers(student, attemptId, good);
    expect(saved).toMatchObject({ ok: true, saved: ids.length });
    expect(await submitAttempt(student, attemptId)).toMatchObject({ ok: true, result: { percent: 100 } });
  });
});
