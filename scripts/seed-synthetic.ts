// `npm run seed:synthetic -- --students 10000 [--database file:./data/synthetic.db]`
// Fills a separate database with synthetic students, progress and graded attempts
// (with per-question answers), for benchmarks and scale tests. Deterministic: the
// same --seed gives the same class.
import { randomUUID } from "node:crypto";
import fs from "node:fs";
import { parseArgs } from "node:util";
import { z } from "zod";

const args = z
  .object({
    students: z.coerce.number().int().min(1).max(200_000).default(1000),
    database: z.string().default("file:./data/synthetic.db"),
    seed: z.coerce.number().int().default(42),
    fresh: z.boolean().default(false),
  })
  .parse(
    parseArgs({ options: { students: { type: "string" }, database: { type: "string" }, seed: { type: "string" }, fresh: { type: "boolean" } } }).values,
  );

process.env.DATABASE_URL = args.database;

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

async function main() {
  const started = Date.now();
  const { prepareEnv } = await import("./runtime-env");
  prepareEnv();
  const { isSqliteUrl, sqliteFilePath } = await import("../lib/db/url");
  if (args.fresh && isSqliteUrl(args.database)) for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(sqliteFilePath(args.database) + suffix, { force: true });
  const { migrateDatabase } = await import("../lib/db/migrate");
  migrateDatabase(args.database);
  const { seed } = await import("../lib/seed");
  await seed({ demo: true });
  const { db } = await import("../lib/db");
  const { hashPassword } = await import("../lib/auth/password");
  const { gradeResponse, scoreAttempt } = await import("../lib/quiz/grade");
  const { drawQuestions } = await import("../lib/quiz/layout");
  const { refreshSummaries } = await import("../lib/roster/summaries");
  const { newCertificateCode } = await import("../lib/readiness");
  const { isQuestionType } = await import("../lib/quiz/types");

  const random = prng(args.seed);
  const course = await db.course.findFirstOrThrow({ select: { id: true } });
  const lessons = await db.lesson.findMany({ select: { id: true, contentHash: true, quiz: { select: { id: true } } }, orderBy: { position: "asc" } });
  const quizzes = await db.quiz.findMany({
    select: { id: true, kind: true, passPercent: true, drawCount: true, questions: { where: { retiredAt: null }, select: { id: true, type: true, answerKey: true, payload: true, points: true, objective: true } } },
  });
  const final = quizzes.find((q) => q.kind === "final")!;
  const byId = new Map(quizzes.map((q) => [q.id, q]));
  // Each question gets a fixed difficulty, so item statistics have something to find.
  const difficulty = new Map(quizzes.flatMap((q) => q.questions.map((x) => [x.id, random() * 2.4 - 1.2] as const)));
  const passwordHash = await hashPassword("synthetic-student-password");
  const now = Date.now();
  const day = 86_400_000;

  /** A response: the key when the student "knows" it, otherwise a plausible wrong answer. */
  function respond(q: (typeof quizzes)[number]["questions"][number], knows: boolean): unknown {
    const key = JSON.parse(q.answerKey);
    const payload = JSON.parse(q.payload);
    const wrongOption = () => (payload.options as { id: string }[]).find((o) => o.id !== key.correct && !(key.correct as string[]).includes?.(o.id))?.id;
    switch (q.type) {
      case "single": return { choice: knows ? key.correct : wrongOption() };
      case "multiple": return { choices: knows ? key.correct : [key.correct[0], wrongOption()].filter(Boolean) };
      case "true_false": return { value: knows ? key.answer : !key.answer };
      case "matching": {
        const targets = payload.targets.map((t: { id: string }) => t.id);
        return { matches: Object.fromEntries(Object.entries(key.matches as Record<string, string>).map(([item, target]) => [item, knows ? target : targets.find((t: string) => t !== target)])) };
      }
      case "ordering": return { order: knows ? key.order : [...key.order].reverse() };
      default: return { text: knows ? key.accepted[0] : "not sure" };
    }
  }

  let attemptsCount = 0;
  let answersCount = 0;
  const BATCH = 250;
  for (let base = 0; base < args.students; base += BATCH) {
    const users: { id: string; name: string; email: string; passwordHash: string; role: string; createdAt: Date; lastActiveAt: Date | null }[] = [];
    const progress: { userId: string; lessonId: string; startedAt: Date; lastVisitedAt: Date; completedAt: Date; completedHash: string }[] = [];
    const attempts: { id: string; userId: string; quizId: string; attemptNumber: number; status: string; layout: string; startedAt: Date; submittedAt: Date; gradedAt: Date; score: number; maxScore: number; percent: number; passed: boolean }[] = [];
    const answers: { attemptId: string; questionId: string; response: string; savedAt: Date; score: number; correct: boolean }[] = [];
    const ready: { userId: string; at: Date; name: string }[] = [];
    for (let i = base; i < Math.min(args.students, base + BATCH); i++) {
      const id = randomUUID();
      const ability = (random() + random() + random() - 1.5) * 2; // roughly normal
      const joined = new Date(now - (5 + random() * 85) * day);
      const name = `Synthetic Student ${String(i + 1).padStart(5, "0")}`;
      const lessonsDone = Math.min(lessons.length, Math.floor(random() * (lessons.length + 8)));
      let clock = joined.getTime() + random() * 2 * day;
      let stopped = false;
      let passedAll = true;
      for (const [index, lesson] of lessons.entries()) {
        if (index >= lessonsDone || stopped) break;
        clock += random() * 2 * day;
        progress.push({ userId: id, lessonId: lesson.id, startedAt: new Date(clock - 3_600_000), lastVisitedAt: new Date(clock), completedAt: new Date(clock), completedHash: lesson.contentHash });
        const quizIds = lesson.quiz ? [lesson.quiz.id] : [];
        if (index === lessons.length - 1 && !stopped) quizIds.push(final.id);
        for (const quizId of quizIds) {
          if (quizId === final.id && !passedAll) break;
          const quiz = byId.get(quizId)!;
          let passed = false;
          for (let n = 1; n <= 3 && !passed; n++) {
            const drawn = drawQuestions(quiz.questions.map((q) => ({ id: q.id, objective: q.objective, type: q.type, payload: JSON.parse(q.payload) })), quiz.drawCount, (max) => Math.floor(random() * max));
            const attemptId = randomUUID();
            const graded = drawn.map((d) => {
              const q = quiz.questions.find((x) => x.id === d.id)!;
              const knows = random() < 1 / (1 + Math.exp(-(ability + 0.9 * (n - 1) + 0.7 - difficulty.get(q.id)!)));
              const response = respond(q, knows);
              const result = gradeResponse(isQuestionType(q.type) ? q.type : "single", JSON.parse(q.answerKey), response, (JSON.parse(q.payload).options ?? JSON.parse(q.payload).items ?? []).map((o: { id: string }) => o.id));
              answers.push({ attemptId, questionId: q.id, response: JSON.stringify(response), savedAt: new Date(clock), score: result.fraction, correct: result.correct });
              return { points: q.points, fraction: result.fraction };
            });
            const totals = scoreAttempt(graded, quiz.passPercent);
            clock += (10 + random() * 30) * 60_000;
            attempts.push({ id: attemptId, userId: id, quizId, attemptNumber: n, status: "graded", layout: JSON.stringify(drawn.map((d) => ({ q: d.id, o: (d.payload.options ?? d.payload.items ?? []).map((o) => o.id), t: (d.payload.targets ?? []).map((t) => t.id) }))), startedAt: new Date(clock - 15 * 60_000), submittedAt: new Date(clock), gradedAt: new Date(clock), ...totals });
            passed = totals.passed;
          }
          if (!passed) {
            passedAll = false;
            stopped = true;
          } else if (quizId === final.id) ready.push({ userId: id, at: new Date(clock), name });
        }
      }
      users.push({ id, name, email: `synthetic-${String(i + 1).padStart(5, "0")}@example.edu`, passwordHash, role: "student", createdAt: joined, lastActiveAt: progress.length ? new Date(Math.min(clock, now)) : null });
    }
    await db.user.createMany({ data: users });
    await db.lessonProgress.createMany({ data: progress });
    await db.quizAttempt.createMany({ data: attempts });
    for (let k = 0; k < answers.length; k += 2000) await db.attemptAnswer.createMany({ data: answers.slice(k, k + 2000) });
    await db.readiness.createMany({ data: ready.map((r) => ({ userId: r.userId, courseId: course.id, reachedAt: r.at })) });
    await db.certificate.createMany({ data: ready.map((r) => ({ userId: r.userId, courseId: course.id, code: newCertificateCode(), holderName: r.name, issuedAt: r.at })) });
    await refreshSummaries(users.map((u) => u.id));
    attemptsCount += attempts.length;
    answersCount += answers.length;
    process.stdout.write(`\r${Math.min(args.students, base + BATCH)} / ${args.students} students, ${attemptsCount} attempts, ${answersCount} answers`);
  }
  console.log(`\nSeeded ${args.database} in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
