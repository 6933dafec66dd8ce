// Item analysis against a class whose statistics were worked out by hand.
//
// 20 students take the first lesson quiz and answer only two single-choice questions,
// A and B (1 point each); every other question is left blank. Student i (0..19):
//   A right when i < 15, B right when i >= 5.  So both are right for i in 5..14 (10 students).
// Blank questions are graded 0, so they add nothing to any rest score.
// Facility:       A = B = 15/20 = 0.75.
// Discrimination: the rest score of A is the student's B score (and vice versa), so it is the
//                 correlation of two 0/1 items: (P(both) − pA·pB) / √(pA(1−pA) · pB(1−pB))
//                 = (10/20 − 0.75·0.75) / (0.75·0.25) = −0.0625 / 0.1875 = −1/3.
// Option counts:  A's key 15, the one wrong option used 5, the others 0.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { analyzeQuiz } from "@/lib/items";
import { completeLesson } from "@/lib/progress";
import { saveAnswer, submitAttempt } from "@/lib/quiz/answers";
import { getAttemptForTaking, startAttempt } from "@/lib/quiz/attempts";
import { seed } from "@/lib/seed";
import { correctResponse } from "@/tests/support/quiz";
import { makeUser } from "@/tests/support/users";

let quizSlug: string;
let keys: { a: string; b: string };

beforeAll(async () => {
  await seed({ demo: false });
  const lesson = await db.lesson.findFirstOrThrow({ orderBy: { position: "asc" }, select: { slug: true, quiz: { select: { slug: true, id: true } } } });
  quizSlug = lesson.quiz!.slug;
  const singles = await db.question.findMany({ where: { quizId: lesson.quiz!.id, type: "single", retiredAt: null }, select: { key: true, points: true }, orderBy: { position: "asc" }, take: 2 });
  expect(singles.map((q) => q.points)).toEqual([1, 1]);
  keys = { a: singles[0].key, b: singles[1].key };
  const byKey = new Map((await db.question.findMany({ where: { key: { in: [keys.a, keys.b] } }, select: { id: true, key: true } })).map((q) => [q.key, q.id]));

  for (let i = 0; i < 20; i++) {
    const student = await makeUser();
    expect((await completeLesson(student, lesson.slug)).ok).toBe(true);
    const started = await startAttempt(student, quizSlug);
    if (!started.ok) throw new Error(started.message);
    const view = await getAttemptForTaking(student, started.attemptId);
    if (!view.ok) throw new Error(view.message);
    for (const [key, right] of [[keys.a, i < 15], [keys.b, i >= 5]] as const) {
      const questionId = byKey.get(key)!;
      const correct = (await correctResponse(questionId, started.attemptId)) as { choice: string };
      const question = view.questions.find((q) => q.id === questionId)!;
      // The same wrong option every time: the first one the payload lists that is not the key,
      // by text (the served order differs per attempt).
      const options = [...(question.payload as { options: { id: string; text: string }[] }).options].sort((x, y) => x.text.localeCompare(y.text));
      const wrong = options.find((o) => o.id !== correct.choice)!;
      const saved = await saveAnswer(student, started.attemptId, { questionId, response: right ? correct : { choice: wrong.id } });
      expect(saved.ok).toBe(true);
    }
    expect((await submitAttempt(student, started.attemptId)).ok).toBe(true);
  }
}, 120_000);

describe("item analysis on a class computed by hand", () => {
  it("facility, discrimination, option counts and flags match the hand calculation", async () => {
    const instructor = await makeUser("instructor");
    const analysis = await analyzeQuiz(instructor, quizSlug);
    expect(analysis!.attempts).toBe(20);
    for (const key of [keys.a, keys.b]) {
      const item = analysis!.items.find((i) => i.key === key)!;
      expect(item.n).toBe(20);
      expect(item.facility).toBeCloseTo(0.75, 10);
      expect(item.discrimination).toBeCloseTo(-1 / 3, 10);
      expect(item.flags).toEqual(["low_discrimination"]);
      const counts = item.options.map((o) => [o.isKey, o.count]).sort();
      expect(counts).toEqual([[false, 0], [false, 0], [false, 5], [true, 15]]);
    }
    // A question everyone left blank is graded 0 for all 20: facility 0, no variance, so no
    // discrimination at all rather than a made-up number.
    const blank = analysis!.items.find((i) => i.key !== keys.a && i.key !== keys.b)!;
    expect(blank).toMatchObject({ n: 20, facility: 0, discrimination: null, flags: ["too_hard"] });
  });
});
