// Synthetic classes for benchmarks and scale tests: students, progress and graded
// attempts (with per-question answers) that follow the app's rules (lessons in order,
// three attempts, no retake after a pass, the final only after every lesson quiz).
// Deterministic: the same seed gives the same class.
import { randomUUID } from "node:crypto";
import { bulkWriter, type Row } from "./support/bulk-insert";

export type SyntheticOptions = {
  url: string;
  students: number;
  seed?: number;
  /** Extra students who finished every lesson and lesson quiz and have not started the final. */
  finalClass?: number;
  /** Spread the students over this many sections, one instructor each (0: all in the open section). */
  sections?: number;
  onProgress?: (done: number, attempts: number, answers: number) => void;
};

export const SYNTHETIC_PASSWORD = "synthetic-student-password";
export const finalClassEmail = (i: number) => `final-${String(i + 1).padStart(4, "0")}@example.edu`;

/** mulberry32: a tiny seeded PRNG, so runs are reproducible. */
function prng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Question = { id: string; type: string; points: number; objective: string; key: Record<string, unknown>; payload: Record<string, unknown>; optionIds: string[] };

/** A response: the key when the student "knows" it, otherwise a plausible wrong answer. */
function respond(q: Question, knows: boolean): unknown {
  const key = q.key as Record<string, never>;
  const payload = q.payload as { options?: { id: string }[]; targets?: { id: string }[] };
  const wrongOption = () => payload.options?.find((o) => o.id !== key.correct && !(Array.isArray(key.correct) && (key.correct as string[]).includes(o.id)))?.id;
  switch (q.type) {
    case "single": return { choice: knows ? key.correct : wrongOption() };
    case "multiple": return { choices: knows ? key.correct : [(key.correct as string[])[0], wrongOption()].filter(Boolean) };
    case "true_false": return { value: knows ? key.answer : !key.answer };
    case "matching": {
      const targets = (payload.targets ?? []).map((t) => t.id);
      return { matches: Object.fromEntries(Object.entries(key.matches as Record<string, string>).map(([item, target]) => [item, knows ? target : targets.find((t) => t !== target)])) };
    }
    case "ordering": return { order: knows ? key.order : [...(key.order as string[])].reverse() };
    default: return { text: knows ? (key.accepted as string[])[0] : "not sure" };
  }
}

export async function seedSynthetic(options: SyntheticOptions) {
  const { db } = await import("../lib/db");
  const { hashPassword } = await import("../lib/auth/password");
  const { gradeResponse, scoreAttempt } = await import("../lib/quiz/grade");
  const { drawQuestions } = await import("../lib/quiz/layout");
  const { newCertificateCode, recordStudentChanges, REBUILD_TX_OPTIONS } = await import("../lib/course/record");
  const { parseCourseConfig } = await import("../lib/course/config");
  const { passMarkFor } = await import("../lib/course/rules");
  const { isQuestionType } = await import("../lib/quiz/types");

  const random = prng(options.seed ?? 42);
  const course = await db.course.findFirstOrThrow({ select: { id: true, config: true } });
  const config = parseCourseConfig(course.config);
  const lessons = await db.lesson.findMany({ select: { id: true, contentHash: true, quiz: { select: { id: true } } }, orderBy: { position: "asc" } });
  const quizRows = await db.quiz.findMany({
    select: { id: true, kind: true, drawCount: true, questions: { where: { retiredAt: null }, select: { id: true, type: true, answerKey: true, payload: true, points: true, objective: true } } },
  });
  const quizzes = quizRows.map((quiz) => ({
    ...quiz,
    questions: quiz.questions.map((q): Question => {
      const payload = JSON.parse(q.payload);
      return { ...q, key: JSON.parse(q.answerKey), payload, optionIds: (payload.options ?? payload.items ?? []).map((o: { id: string }) => o.id) };
    }),
  }));
  const final = quizzes.find((q) => q.kind === "final")!;
  const byId = new Map(quizzes.map((q) => [q.id, q]));
  const questionById = new Map(quizzes.flatMap((q) => q.questions.map((x) => [x.id, x] as const)));
  // Each question gets a fixed difficulty, so item statistics have something to find.
  const difficulty = new Map(quizzes.flatMap((q) => q.questions.map((x) => [x.id, random() * 2.4 - 1.2] as const)));
  const passwordHash = await hashPassword(SYNTHETIC_PASSWORD);
  const now = Date.now();
  const day = 86_400_000;
  const open = await db.section.findFirstOrThrow({ where: { openSignup: true }, select: { id: true } });
  const sectionIds = options.sections ? await syntheticSections(course.id, options.sections, passwordHash, now) : [open.id];
  const writer = bulkWriter(options.url);

  let attemptsCount = 0;
  let answersCount = 0;
  const BATCH = 500;
  const total = options.students + (options.finalClass ?? 0);
  try {
    for (let base = 0; base < total; base += BATCH) {
      const users: Row[] = [];
      const progress: Row[] = [];
      const attempts: Row[] = [];
      const answers: Row[] = [];
      const ready: { userId: string; at: Date; name: string }[] = [];
      const enrollments: Row[] = [];
      for (let i = base; i < Math.min(total, base + BATCH); i++) {
        const inFinalClass = i >= options.students;
        const id = randomUUID();
        const ability = inFinalClass ? 4 : (random() + random() + random() - 1.5) * 2; // roughly normal
        const joined = new Date(now - (5 + random() * 85) * day);
        const number = inFinalClass ? i - options.students : i;
        const name = inFinalClass ? `Final Class ${String(number + 1).padStart(4, "0")}` : `Synthetic Student ${String(number + 1).padStart(5, "0")}`;
        const email = inFinalClass ? finalClassEmail(number) : `synthetic-${String(number + 1).padStart(5, "0")}@example.edu`;
        const lessonsDone = inFinalClass ? lessons.length : Math.min(lessons.length, Math.floor(random() * (lessons.length + 14)));
        let clock = joined.getTime() + random() * 2 * day;
        let stopped = false;
        for (const [index, lesson] of lessons.entries()) {
          if (index >= lessonsDone || stopped) break;
          clock += random() * 2 * day;
          progress.push({ id: randomUUID(), userId: id, lessonId: lesson.id, startedAt: new Date(clock - 3_600_000), lastVisitedAt: new Date(clock), completedAt: new Date(clock), completedHash: lesson.contentHash });
          const quizIds = lesson.quiz ? [lesson.quiz.id] : [];
          if (index === lessons.length - 1 && !inFinalClass) quizIds.push(final.id);
          for (const quizId of quizIds) {
            const quiz = byId.get(quizId)!;
            let passed = false;
            for (let n = 1; n <= 3 && !passed; n++) {
              const drawn = drawQuestions(quiz.questions.map((q) => ({ id: q.id, objective: q.objective, type: q.type, payload: q.payload })), quiz.drawCount, (max) => Math.floor(random() * max));
              const attemptId = randomUUID();
              const graded = drawn.map((d) => {
                const q = questionById.get(d.id)!;
                const knows = inFinalClass || random() < 1 / (1 + Math.exp(-(ability + 1.4 * (n - 1) + 0.1 - difficulty.get(q.id)!)));
                const response = respond(q, knows);
                const result = gradeResponse(isQuestionType(q.type) ? q.type : "single", q.key as never, response, q.optionIds);
                answers.push({ id: randomUUID(), attemptId, questionId: q.id, response: JSON.stringify(response), savedAt: new Date(clock), score: result.fraction, correct: result.correct });
                return { points: q.points, fraction: result.fraction };
              });
              const totals = scoreAttempt(graded, passMarkFor(quiz, config));
              clock += (10 + random() * 30) * 60_000;
              const layout = JSON.stringify(drawn.map((d) => ({ q: d.id, o: (d.payload.options ?? d.payload.items ?? []).map((o) => o.id), t: (d.payload.targets ?? []).map((t) => t.id) })));
              attempts.push({ id: attemptId, userId: id, quizId, attemptNumber: n, status: "graded", layout, startedAt: new Date(clock - 15 * 60_000), submittedAt: new Date(clock), gradedAt: new Date(clock), autoSubmitted: false, ...totals });
              passed = totals.passed;
            }
            if (!passed) stopped = true;
            else if (quizId === final.id) ready.push({ userId: id, at: new Date(clock), name });
          }
        }
        const created = new Date(joined);
        users.push({ id, name, email, passwordHash, role: "student", createdAt: created, updatedAt: created, lastActiveAt: progress.length ? new Date(Math.min(clock, now)) : null });
        const sectionId = inFinalClass ? open.id : sectionIds[i % sectionIds.length];
        enrollments.push({ id: randomUUID(), userId: id, courseId: course.id, sectionId, startedAt: created, activeCourseId: course.id });
      }
      await writer.insert("User", users);
      await writer.insert("Enrollment", enrollments);
      await writer.insert("LessonProgress", progress);
      await writer.insert("QuizAttempt", attempts);
      await writer.insert("AttemptAnswer", answers);
      await writer.insert("Readiness", ready.map((r) => ({ id: randomUUID(), userId: r.userId, courseId: course.id, reachedAt: r.at })));
      await writer.insert("Certificate", ready.map((r) => ({ id: randomUUID(), userId: r.userId, courseId: course.id, code: newCertificateCode(), holderName: r.name, issuedAt: r.at })));
      await db.$transaction((tx) => recordStudentChanges(tx, users.map((u) => u.id as string)), REBUILD_TX_OPTIONS);
      attemptsCount += attempts.length;
      answersCount += answers.length;
      options.onProgress?.(Math.min(total, base + BATCH), attemptsCount, answersCount);
    }
  } finally {
    await writer.close();
  }
  return { students: total, attempts: attemptsCount, answers: answersCount };
}

export const sectionInstructorEmail = (k: number) => `section-${String(k + 1).padStart(3, "0")}-instructor@example.edu`;

/** `count` current sections ("Synthetic section 001", ...), each taught by its own instructor. */
async function syntheticSections(courseId: string, count: number, passwordHash: string, now: number): Promise<string[]> {
  const { db } = await import("../lib/db");
  const { newJoinCode } = await import("../lib/sections/codes");
  const ids: string[] = [];
  for (let k = 0; k < count; k++) {
    const number = String(k + 1).padStart(3, "0");
    const section = await db.section.create({
      data: { courseId, name: `Synthetic section ${number}`, termStart: new Date(now - 100 * 86_400_000), termEnd: new Date(now + 60 * 86_400_000), joinCode: newJoinCode() },
      select: { id: true },
    });
    const instructor = await db.user.create({ data: { name: `Section ${number} Instructor`, email: sectionInstructorEmail(k), passwordHash, role: "instructor" }, select: { id: true } });
    await db.sectionInstructor.create({ data: { sectionId: section.id, userId: instructor.id }, select: { userId: true } });
    ids.push(section.id);
  }
  return ids;
}
