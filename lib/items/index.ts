import "server-only";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import type { CurrentUser } from "@/lib/auth/session";
import { parseCourseConfig, parseSectionSettings } from "@/lib/course/config";
import { passMarkFor, rulesFor } from "@/lib/course/rules";
import { getCourse } from "@/lib/course/structure";
import { chooseSections, inSections, ofSectionStudents } from "@/lib/sections/scope";
import { discrimination, facility, flagsFor, optionCounts, type ItemSums } from "./stats";
import { CURRENT_RUN } from "@/lib/progress/runs";

type SumRow = { questionId: string; n: number | bigint; sx: number | null; sxx: number | null; sr: number | null; srr: number | null; sxr: number | null };

/** Attempts (alias t) by the students of the chosen sections (lib/sections/scope.ts). */
// The course as a whole: every graded attempt, past runs included (how a question performs
// over all its evidence). Sections: their students' current runs, this term's work (ADR 0017).
const byStudentsOf = (ids: string[] | null) =>
  ids === null ? Prisma.sql`1 = 1` : Prisma.sql`t."pastRun" = ${CURRENT_RUN} AND ${ofSectionStudents(Prisma.sql`t."userId"`, ids)}`;

/** Null when the requested section is not the viewer's. */
export async function listQuizzesForAnalysis(viewer: CurrentUser, section?: string) {
  const chosen = await chooseSections(viewer, section);
  if (!chosen) return null;
  const course = await getCourse();
  const quizzes = await db.quiz.findMany({ where: { courseId: course.id }, select: { id: true, slug: true, title: true, kind: true }, orderBy: { position: "asc" } });
  const counts = await db.$queryRaw<{ quizId: string; n: number | bigint }[]>`
    SELECT t."quizId" AS "quizId", COUNT(*) AS "n" FROM "QuizAttempt" t
     WHERE t."status" = 'graded' AND ${byStudentsOf(chosen.ids)}
     GROUP BY t."quizId"`;
  const by = new Map(counts.map((c) => [c.quizId, Number(c.n)]));
  return { quizzes: quizzes.map((q) => ({ ...q, gradedAttempts: by.get(q.id) ?? 0 })), chosen };
}

/** Item analysis for one quiz, from SQL aggregates over the chosen sections' graded attempts. */
export async function analyzeQuiz(viewer: CurrentUser, slug: string, section?: string) {
  const chosen = await chooseSections(viewer, section);
  if (!chosen) return null;
  const scoped = byStudentsOf(chosen.ids);
  const course = await getCourse();
  const quiz = await db.quiz.findUnique({ where: { courseId_slug: { courseId: course.id, slug } }, select: { id: true, slug: true, title: true, kind: true } });
  if (!quiz) return null;
  // One section chosen: its own pass mark; several: the course's (each attempt's pass was
  // decided by its student's section, and is stored with it).
  const settings = chosen.ids?.length === 1 ? (await db.section.findUnique({ where: { id: chosen.ids[0] }, select: { settings: true } }))?.settings : null;
  const passMark = passMarkFor(quiz, rulesFor(parseCourseConfig(course.config), parseSectionSettings(settings)));
  const [questions, sums, grouped, attemptStats] = await Promise.all([
    db.question.findMany({
      where: { quizId: quiz.id },
      select: { id: true, key: true, type: true, prompt: true, payload: true, answerKey: true, objective: true, retiredAt: true },
      orderBy: { position: "asc" },
    }),
    db.$queryRaw<SumRow[]>`
      SELECT a."questionId" AS "questionId", COUNT(*) AS "n", SUM(a."score") AS "sx", SUM(a."score" * a."score") AS "sxx",
        SUM(t."score" - a."score" * q."points") AS "sr",
        SUM((t."score" - a."score" * q."points") * (t."score" - a."score" * q."points")) AS "srr",
        SUM(a."score" * (t."score" - a."score" * q."points")) AS "sxr"
      FROM "QuizAttempt" t
      JOIN "AttemptAnswer" a ON a."attemptId" = t."id"
      JOIN "Question" q ON q."id" = a."questionId"
      WHERE t."quizId" = ${quiz.id} AND t."status" = 'graded' AND a."score" IS NOT NULL AND ${scoped}
      GROUP BY a."questionId"`,
    db.$queryRaw<{ questionId: string; response: string; count: number | bigint }[]>`
      SELECT a."questionId" AS "questionId", a."response" AS "response", COUNT(*) AS "count"
      FROM "QuizAttempt" t
      JOIN "AttemptAnswer" a ON a."attemptId" = t."id"
      JOIN "Question" q ON q."id" = a."questionId"
      WHERE t."quizId" = ${quiz.id} AND t."status" = 'graded' AND q."type" IN ('single', 'multiple', 'true_false') AND ${scoped}
      GROUP BY a."questionId", a."response"`,
    db.$queryRaw<{ n: number | bigint; average: number | null }[]>`
      SELECT COUNT(*) AS "n", AVG(t."percent") AS "average" FROM "QuizAttempt" t WHERE t."quizId" = ${quiz.id} AND t."status" = 'graded' AND ${scoped}`,
  ]);
  const sumsBy = new Map(sums.map((r) => [r.questionId, { n: Number(r.n), sx: Number(r.sx ?? 0), sxx: Number(r.sxx ?? 0), sr: Number(r.sr ?? 0), srr: Number(r.srr ?? 0), sxr: Number(r.sxr ?? 0) } satisfies ItemSums]));
  const items = questions
    .filter((q) => !q.retiredAt || sumsBy.has(q.id))
    .map((q, index) => {
      const s = sumsBy.get(q.id) ?? { n: 0, sx: 0, sxx: 0, sr: 0, srr: 0, sxr: 0 };
      const options = optionCounts(q.type, JSON.parse(q.payload), JSON.parse(q.answerKey), grouped.filter((g) => g.questionId === q.id).map((g) => ({ response: g.response, count: Number(g.count) })));
      return { id: q.id, number: index + 1, key: q.key, type: q.type, prompt: q.prompt, objective: q.objective, n: s.n, facility: facility(s), discrimination: discrimination(s), options, flags: flagsFor(s, options) };
    });
  const average = attemptStats[0]?.average;
  return { quiz: { ...quiz, passMark }, items, attempts: Number(attemptStats[0]?.n ?? 0), averagePercent: average === null || average === undefined ? null : Number(average), chosen };
}

/**
 * Students short of mastery on these questions, by the readiness definition
 * (lib/course/rules.ts): only each student's best attempt per quiz counts (highest percent,
 * earliest on a tie, as bestAttempts), and the test is `earned * 100 < percent * possible`
 * (isMastered, negated). A test compares this SQL with the pure rule on the same data.
 */
export async function studentsBelowMastery(questionIds: string[], masteryPercent: number, sectionIds: string[] | null) {
  return db.$queryRaw<{ userId: string; earned: number | null; possible: number | bigint }[]>`
    WITH ranked AS (
      SELECT t."id", ROW_NUMBER() OVER (PARTITION BY t."userId", t."quizId" ORDER BY t."percent" DESC, t."attemptNumber" ASC) AS "rank"
      FROM "QuizAttempt" t
      WHERE t."status" = 'graded' AND t."pastRun" = ${CURRENT_RUN} AND ${byStudentsOf(sectionIds)} AND t."quizId" IN (SELECT DISTINCT "quizId" FROM "Question" WHERE "id" IN (${Prisma.join(questionIds)}))
    )
    SELECT t."userId" AS "userId", SUM(a."score" * q."points") AS "earned", SUM(q."points") AS "possible"
    FROM ranked r
    JOIN "QuizAttempt" t ON t."id" = r."id"
    JOIN "AttemptAnswer" a ON a."attemptId" = r."id"
    JOIN "Question" q ON q."id" = a."questionId"
    WHERE r."rank" = 1 AND a."questionId" IN (${Prisma.join(questionIds)})
    GROUP BY t."userId"
    HAVING SUM(a."score" * q."points") * 100 < CAST(${masteryPercent} AS DOUBLE PRECISION) * SUM(q."points")
    ORDER BY t."userId"`;
}

/**
 * Class mastery per learning objective in the chosen sections, and their students below
 * the course's threshold. Null when the requested section is not the viewer's.
 */
export async function analyzeObjectives(viewer: CurrentUser, objectiveId?: string, section?: string) {
  const chosen = await chooseSections(viewer, section);
  if (!chosen) return null;
  const course = await getCourse();
  const config = parseCourseConfig(course.config);
  const lessons = await db.lesson.findMany({ where: { courseId: course.id }, select: { slug: true, title: true, objectives: true }, orderBy: { position: "asc" } });
  const objectives = lessons.flatMap((l) => (JSON.parse(l.objectives) as { id: string; text: string }[]).map((o) => ({ ...o, lesson: l.title })));
  const questions = await db.question.findMany({ where: { quiz: { courseId: course.id } }, select: { id: true, objective: true, points: true } });
  // Graded answers are exactly those with a score (autosaved ones have none yet). For a
  // coordinator's whole course the sums come from the (questionId, score) index alone;
  // for sections, from their enrollments through each student's attempts, so the cost
  // follows the section's size, not the course's (10.7 s → see bench/README.md).
  const questionIn = Prisma.join(questions.map((q) => q.id));
  const rows = !questions.length
    ? []
    : chosen.ids === null
      ? await db.$queryRaw<{ questionId: string; earned: number | null; answered: number | bigint }[]>`
        SELECT "questionId" AS "questionId", SUM("score") AS "earned", COUNT("score") AS "answered"
        FROM "AttemptAnswer"
        WHERE "questionId" IN (${questionIn}) AND "score" IS NOT NULL
        GROUP BY "questionId"`
      : await db.$queryRaw<{ questionId: string; earned: number | null; answered: number | bigint }[]>`
        SELECT a."questionId" AS "questionId", SUM(a."score") AS "earned", COUNT(a."score") AS "answered"
        FROM "Enrollment" e
        JOIN "QuizAttempt" t ON t."userId" = e."userId" AND t."pastRun" = ${CURRENT_RUN}
        JOIN "AttemptAnswer" a ON a."attemptId" = t."id"
        WHERE ${inSections(Prisma.sql`e."sectionId"`, chosen.ids)} AND (e."endedAt" IS NULL OR e."endReason" = 'closed')
          AND a."questionId" IN (${questionIn}) AND a."score" IS NOT NULL
        GROUP BY a."questionId"`;
  const byQuestion = new Map(rows.map((r) => [r.questionId, r]));
  const by = new Map<string, { earned: number; possible: number; answers: number }>();
  for (const q of questions) {
    const r = byQuestion.get(q.id);
    const sums = by.get(q.objective) ?? { earned: 0, possible: 0, answers: 0 };
    sums.earned += Number(r?.earned ?? 0) * q.points;
    sums.possible += Number(r?.answered ?? 0) * q.points;
    sums.answers += Number(r?.answered ?? 0);
    by.set(q.objective, sums);
  }
  const summary = objectives.map((o) => {
    const r = by.get(o.id);
    return { ...o, mastery: r?.possible ? r.earned / r.possible : null, answers: r?.answers ?? 0 };
  });
  let below: { id: string; name: string; email: string; mastery: number }[] = [];
  let belowTotal = 0;
  const selected = objectiveId ? objectives.find((o) => o.id === objectiveId) : undefined;
  if (selected) {
    const ids = questions.filter((q) => q.objective === selected.id).map((q) => q.id);
    const perStudent = !ids.length ? [] : await studentsBelowMastery(ids, config.objectiveMasteryPercent, chosen.ids);
    belowTotal = perStudent.length;
    const first = perStudent.slice(0, 100);
    const users = new Map((await db.user.findMany({ where: { id: { in: first.map((p) => p.userId) }, deletedAt: null }, select: { id: true, name: true, email: true } })).map((u) => [u.id, u]));
    below = first.flatMap((p) => {
      const u = users.get(p.userId);
      return u ? [{ ...u, mastery: Number(p.earned ?? 0) / Number(p.possible) }] : [];
    });
  }
  return { objectives: summary, selected, below, belowTotal, threshold: config.objectiveMasteryPercent, chosen };
}
