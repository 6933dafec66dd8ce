// Tries to infer the answer key from everything a student receives while an attempt is
// open (the JSON the API and pages are built from: ids, order, payload), the way the
// outside acceptance run did, and fails if any strategy beats guessing.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { loadLessons } from "@/lib/content/lessons";
import { loadQuizzes } from "@/lib/content/quizzes";
import { completeLesson } from "@/lib/progress";
import { saveAnswer, submitAttempt } from "@/lib/quiz/answers";
import { getAttemptForTaking, startAttempt, type PublicQuestion } from "@/lib/quiz/attempts";
import { opaqueId } from "@/lib/quiz/compile";
import { seed } from "@/lib/seed";
import { correctResponse } from "@/tests/support/quiz";
import { makeUser } from "@/tests/support/users";

type Served = { slug: string; question: PublicQuestion; right: unknown };
const lessons = loadLessons();
const quizzes = loadQuizzes(lessons);
let served: Served[] = [];
/** Three students' attempts at every quiz: enough questions that luck cannot pass for a signal. */
let sample: Served[] = [];
let storedIds = new Set<string>();

/** Takes every quiz in course order as one student, recording what was served before submitting. */
async function takeEverything() {
  const student = await makeUser();
  const out: Served[] = [];
  const ordered = [...lessons.map((l) => quizzes.find((q) => q.lesson === l.slug)!), quizzes.find((q) => q.kind === "final")!];
  for (const [i, quiz] of ordered.entries()) {
    if (lessons[i]) expect((await completeLesson(student, lessons[i].slug)).ok).toBe(true);
    const started = await startAttempt(student, quiz.slug);
    if (!started.ok) throw new Error(started.message);
    const view = await getAttemptForTaking(student, started.attemptId);
    if (!view.ok) throw new Error(view.message);
    for (const question of view.questions) {
      const right = await correctResponse(question.id, started.attemptId);
      out.push({ slug: quiz.slug, question, right });
      expect((await saveAnswer(student, started.attemptId, { questionId: question.id, response: right })).ok).toBe(true);
    }
    expect((await submitAttempt(student, started.attemptId)).ok).toBe(true);
  }
  return out;
}

beforeAll(async () => {
  await seed({ demo: false });
  served = await takeEverything();
  sample = [...served, ...(await takeEverything()), ...(await takeEverything())];
  const rows = await db.question.findMany({ select: { payload: true } });
  storedIds = new Set(rows.flatMap((r) => Object.values(JSON.parse(r.payload) as Record<string, { id: string }[]>).flat().map((c) => c.id)));
}, 120_000);

const idsOf = (q: PublicQuestion) => {
  const p = q.payload as { options?: { id: string }[]; items?: { id: string }[]; targets?: { id: string }[] };
  return [...(p.options ?? []), ...(p.items ?? []), ...(p.targets ?? []), ...q.order, ...q.targets].map((c) => (typeof c === "string" ? c : c.id));
};

describe("the key cannot be inferred from what an open attempt serves", () => {
  it("took a real sample: every quiz, dozens of single-choice questions", () => {
    // Lesson quizzes serve every question; the final draws 20 of its bank at random, so only
    // the lesson quizzes' counts are certain.
    const inLessonQuizzes = (type: string) => quizzes.filter((q) => q.kind !== "final").flatMap((q) => q.questions).filter((q) => q.type === type).length;
    expect(served.filter((s) => s.question.type === "single").length).toBeGreaterThanOrEqual(inLessonQuizzes("single"));
    expect(served.filter((s) => s.question.type === "ordering").length).toBeGreaterThanOrEqual(inLessonQuizzes("ordering"));
    expect(sample.filter((s) => s.question.type === "single").length).toBeGreaterThanOrEqual(60);
  });

  it("no served id is a stored id, or a hash anyone can compute from the slug, question key and an authoring id", () => {
    const guesses = new Set<string>();
    for (const quiz of quizzes)
      for (const q of quiz.questions) {
        const authoring = ["a", "b", "c", "d", "e", "f", "g", "h", ...((q as { options?: { id: string }[] }).options ?? []).map((o) => o.id)];
        for (const id of authoring) for (const form of [id, `item:${id}`, `target:${id}`]) guesses.add(opaqueId(quiz.slug, q.key, form));
      }
    const leaked = served.flatMap((s) => idsOf(s.question).filter((id) => storedIds.has(id) || guesses.has(id)));
    expect(leaked).toEqual([]);
  });

  it("no position or id order points at the right option more often than chance allows", () => {
    const singles = sample.filter((s) => s.question.type === "single");
    const rightOf = (s: Served) => (s.right as { choice: string }).choice;
    const options = (s: Served) => (s.question.payload as { options: { id: string }[] }).options.map((o) => o.id);
    const strategies: Record<string, (s: Served) => string> = {
      "first in the payload": (s) => options(s)[0],
      "last in the payload": (s) => options(s).at(-1)!,
      "first on the page": (s) => s.question.order[0],
      "smallest id": (s) => [...options(s)].sort()[0],
      "largest id": (s) => [...options(s)].sort().at(-1)!,
    };
    // Four options each: guessing is right a quarter of the time. Half is five standard
    // deviations past chance for 60+ questions (p < 1e-6), so a real signal fails and luck does not.
    for (const [name, pick] of Object.entries(strategies)) {
      const hits = singles.filter((s) => pick(s) === rightOf(s)).length;
      expect(hits / singles.length, name).toBeLessThan(0.5);
    }
  });

  it("the payload order and the page order are one and the same (no second ordering channel)", () => {
    for (const s of served) {
      const p = s.question.payload as { options?: { id: string }[]; items?: { id: string }[] };
      const listed = (p.options ?? p.items ?? []).map((c) => c.id);
      if (listed.length) expect(listed).toEqual(s.question.order);
    }
  });

  it("an ordering question never arrives in its correct order", () => {
    for (const s of served.filter((x) => x.question.type === "ordering")) expect(s.question.order).not.toEqual((s.right as { order: string[] }).order);
  });

  it("aliases differ between students and between attempts", async () => {
    const other = await takeEverything();
    const mine = new Set(served.flatMap((s) => idsOf(s.question)));
    expect(other.flatMap((s) => idsOf(s.question)).filter((id) => mine.has(id))).toEqual([]);
  }, 120_000);
});
