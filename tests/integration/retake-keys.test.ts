// Defect: after the last attempt the review revealed the key; an instructor then granted
// an extra attempt and the same questions came back, answerable from the review (7 of 7).
// The rule (lib/quiz/reveal.ts, ADR 0003): keys are released only where no retake can bring
// them back; a drawn quiz's extra attempt draws from questions whose keys were not shown.
import { beforeAll, describe, expect, it } from "vitest";
import type { CurrentUser } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { completeLesson } from "@/lib/progress";
import { submitAttempt } from "@/lib/quiz/answers";
import { startAttempt } from "@/lib/quiz/attempts";
import { getAttemptReview } from "@/lib/quiz/review";
import { getStudentDetail, setAccommodation } from "@/lib/roster/student-detail";
import { seed } from "@/lib/seed";
import { completeLessonsAndQuizzes } from "@/tests/support/course";
import { attemptQuestionIds } from "@/tests/support/quiz";
import { makeUser } from "@/tests/support/users";

let instructor: CurrentUser;

beforeAll(async () => {
  await seed({ demo: false });
  instructor = await makeUser("instructor");
});

/** Uses every attempt at a quiz, answering nothing; returns the attempt ids in order. */
async function failEveryAttempt(student: CurrentUser, slug: string) {
  const ids: string[] = [];
  for (;;) {
    const started = await startAttempt(student, slug);
    if (!started.ok) return ids;
    ids.push(started.attemptId);
    expect((await submitAttempt(student, started.attemptId)).ok).toBe(true);
  }
}

describe("revealed keys cannot be carried into an extra attempt", () => {
  it("a whole-bank quiz's last review links to the lessons but shows no key or explanation; the instructor is told before granting; the retake meets none", async () => {
    const student = await makeUser();
    const lesson = await db.lesson.findFirstOrThrow({ orderBy: { position: "asc" }, select: { slug: true, quiz: { select: { slug: true } } } });
    await completeLesson(student, lesson.slug);
    const attempts = await failEveryAttempt(student, lesson.quiz!.slug);
    expect(attempts).toHaveLength(3);

    const last = await getAttemptReview(student, attempts.at(-1)!);
    if (!last.ok) throw new Error(last.message);
    expect(last).toMatchObject({ attemptsLeft: 0, final: true, revealKeys: false });
    // Explanations name the answer as plainly as a key (an outside check matched 23 of 23), so neither is shown.
    expect(last.questions.every((q) => q.lessonHref && q.key === undefined && q.explanation === undefined)).toBe(true);

    const detail = await getStudentDetail(instructor, student.id);
    expect(detail!.retakeNotes.map((n) => n.text)).toEqual([expect.stringMatching(/repeats the same questions.*not the correct answers or explanations/)]);

    expect((await setAccommodation(instructor, student.id, { timeMultiplier: 1, extraAttempts: 1 })).ok).toBe(true);
    const extra = await startAttempt(student, lesson.quiz!.slug);
    if (!extra.ok) throw new Error(extra.message);
    // The same questions come back (the bank is the whole quiz), but no key was ever served:
    // neither the earlier reviews nor, now that an attempt is open again, anything else.
    expect(new Set(await attemptQuestionIds(extra.attemptId))).toEqual(new Set(await attemptQuestionIds(attempts[0])));
    for (const id of attempts) {
      const review = await getAttemptReview(student, id);
      if (!review.ok) throw new Error(review.message);
      expect(review.questions.some((q) => q.key !== undefined || q.explanation !== undefined)).toBe(false);
    }
  });

  it("a drawn quiz shows the last attempt's keys, and an extra attempt draws none of those questions; once no fresh draw remains, keys stay hidden", async () => {
    const student = await makeUser();
    await completeLessonsAndQuizzes(student);
    const final = await db.quiz.findFirstOrThrow({ where: { kind: "final" }, select: { slug: true, drawCount: true, maxAttempts: true } });
    const attempts = await failEveryAttempt(student, final.slug);
    expect(attempts).toHaveLength(final.maxAttempts);

    const last = await getAttemptReview(student, attempts.at(-1)!);
    if (!last.ok) throw new Error(last.message);
    expect(last).toMatchObject({ revealKeys: true, final: true });
    const revealed = new Set(await attemptQuestionIds(attempts.at(-1)!));
    expect(revealed.size).toBe(final.drawCount);

    const bank = await db.question.count({ where: { quiz: { kind: "final" }, retiredAt: null } });
    const detail = await getStudentDetail(instructor, student.id);
    expect(detail!.retakeNotes.map((n) => n.text)).toEqual([expect.stringMatching(new RegExp(`draws ${final.drawCount} questions from the ${bank - final.drawCount!} whose answers the student has not seen`))]);

    expect((await setAccommodation(instructor, student.id, { timeMultiplier: 1, extraAttempts: 1 })).ok).toBe(true);
    const extra = await startAttempt(student, final.slug);
    if (!extra.ok) throw new Error(extra.message);
    const drawn = await attemptQuestionIds(extra.attemptId);
    expect(drawn).toHaveLength(final.drawCount!);
    expect(drawn.filter((id) => revealed.has(id))).toEqual([]);

    // That attempt fails too: two draws' keys would now be known, and the bank holds fewer
    // than a third draw's worth beyond them, so no full fresh draw is left; its review shows
    // neither keys nor explanations. A further grant starts an attempt that again avoids
    // every question whose answer was shown.
    expect(bank - 2 * final.drawCount!, "this case needs a bank smaller than three draws").toBeLessThan(final.drawCount!);
    expect((await submitAttempt(student, extra.attemptId)).ok).toBe(true);
    const after = await getAttemptReview(student, extra.attemptId);
    if (!after.ok) throw new Error(after.message);
    expect(after).toMatchObject({ final: true, revealKeys: false });
    expect(after.questions.some((q) => q.key !== undefined || q.explanation !== undefined)).toBe(false);
    expect((await setAccommodation(instructor, student.id, { timeMultiplier: 1, extraAttempts: 2 })).ok).toBe(true);
    const fourth = await startAttempt(student, final.slug);
    if (!fourth.ok) throw new Error(fourth.message);
    expect((await attemptQuestionIds(fourth.attemptId)).filter((id) => revealed.has(id))).toEqual([]);
  });

  it("a pass mark raised after a pass does not reopen a quiz whose answers were shown", async () => {
    const { changeCourseConfig } = await import("@/lib/course/settings");
    const { passQuiz } = await import("@/tests/support/course");
    const student = await makeUser();
    const lesson = await db.lesson.findFirstOrThrow({ orderBy: { position: "asc" }, select: { slug: true, quiz: { select: { slug: true } } } });
    await completeLesson(student, lesson.slug);
    const attemptId = await passQuiz(student, lesson.quiz!.slug);
    // As if the pass had been by 80%: then the mark goes up to 90 and the attempt no longer passes.
    await db.quizAttempt.update({ where: { id: attemptId }, data: { percent: 80 }, select: { id: true } });
    const coordinator = await makeUser("coordinator");
    await changeCourseConfig(coordinator, { lessonPassPercent: 90 });
    expect((await db.quizAttempt.findUniqueOrThrow({ where: { id: attemptId }, select: { passed: true, keysRevealed: true } }))).toEqual({ passed: false, keysRevealed: true });
    expect(await startAttempt(student, lesson.quiz!.slug)).toMatchObject({ ok: false, status: 409, message: expect.stringMatching(/already been shown this quiz's answers/) });
    await changeCourseConfig(coordinator, { lessonPassPercent: 80 });
  });
});
