import "server-only";
import { db } from "@/lib/db";
import type { CurrentUser } from "@/lib/auth/session";
import { parseCourseConfig } from "@/lib/course/config";
import { Prisma } from "@/lib/generated/prisma/client";
import { getCourse } from "@/lib/progress";
import { chooseSections, inSections } from "@/lib/sections/scope";
import { AT_RISK_FAILED_ATTEMPTS, rosterStatus, type RosterStatus } from "./rules";
import { PAGE_SIZE, type RosterQuery } from "./schemas";

type Row = {
  id: string;
  name: string;
  email: string;
  createdAt: Date | string;
  progressPercent: number | bigint;
  lessonsComplete: number | bigint;
  finalBest: number | null;
  readyAt: Date | string | null;
  lastActiveAt: Date | string | null;
  maxFailsUnpassed: number | bigint;
  overdue: number | bigint;
};

export type RosterEntry = {
  id: string;
  name: string;
  email: string;
  progressPercent: number;
  lessonsComplete: number;
  finalBest: number | null;
  status: RosterStatus;
  lastActiveAt: Date | null;
  quizBest: Record<string, number>;
};

const date = (v: Date | string | null) => (v === null ? null : new Date(v));

/**
 * One page of the roster of the sections the viewer picked (null: not theirs). Filtering,
 * searching, sorting and counting all happen in SQL over the maintained summaries, so
 * the cost does not grow with attempts.
 */
export async function queryRoster(viewer: CurrentUser, query: RosterQuery, now = new Date()) {
  const chosen = await chooseSections(viewer, query.section);
  if (!chosen) return null;
  const course = await getCourse();
  const config = parseCourseConfig(course.config);
  const cutoff = new Date(now.getTime() - config.atRiskInactiveDays * 86_400_000);
  const quizzes = await db.quiz.findMany({ where: { courseId: course.id }, select: { id: true, title: true, kind: true }, orderBy: { position: "asc" } });
  const sortQuiz = query.sort.startsWith("quiz:") ? quizzes.find((q) => q.id === query.sort.slice(5)) : undefined;

  // Overdue: a quiz past the due date that applies to the student (their extension's, else
  // their section's) and not passed: the outline's "overdue" (lib/sections/dates.ts dueLabel,
  // effectiveDue), with or without a section date. Two branches, each starting from the few
  // dated rows of this student or section (most have none), not from every quiz: the roster
  // evaluates it for every student it sorts or filters by status.
  const notPassed = (quizId: Prisma.Sql) => Prisma.sql`NOT EXISTS (SELECT 1 FROM "QuizBest" b WHERE b."userId" = s."userId" AND b."quizId" = ${quizId} AND b."passed")`;
  const overdue = Prisma.sql`(EXISTS (SELECT 1 FROM "DueDateExtension" x JOIN "Quiz" q ON q."id" = x."quizId" AND q."courseId" = s."courseId"
      WHERE x."userId" = s."userId" AND x."dueAt" < ${now} AND ${notPassed(Prisma.sql`x."quizId"`)})
    OR EXISTS (SELECT 1 FROM "SectionQuizDates" d
      WHERE d."sectionId" = s."sectionId" AND d."dueAt" < ${now} AND ${notPassed(Prisma.sql`d."quizId"`)}
        AND NOT EXISTS (SELECT 1 FROM "DueDateExtension" x WHERE x."userId" = s."userId" AND x."quizId" = d."quizId" AND x."dueAt" IS NOT NULL)))`;
  const atRisk = Prisma.sql`(s."readyAt" IS NULL AND (COALESCE(s."lastActiveAt", u."createdAt") < ${cutoff} OR s."maxFailsUnpassed" >= ${AT_RISK_FAILED_ATTEMPTS} OR ${overdue}))`;
  const conditions = [Prisma.sql`s."courseId" = ${course.id}`, inSections(Prisma.sql`s."sectionId"`, chosen.ids), Prisma.sql`u."deletedAt" IS NULL`, Prisma.sql`u."role" = 'student'`];
  if (query.q) {
    const pattern = `%${query.q.normalize("NFKC").toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    conditions.push(Prisma.sql`s."searchText" LIKE ${pattern} ESCAPE '\\'`);
  }
  if (query.status === "ready") conditions.push(Prisma.sql`s."readyAt" IS NOT NULL`);
  if (query.status === "at_risk") conditions.push(atRisk);
  if (query.status === "in_progress") conditions.push(Prisma.sql`s."readyAt" IS NULL AND s."progressPercent" > 0 AND NOT ${atRisk}`);
  if (query.status === "not_started") conditions.push(Prisma.sql`s."readyAt" IS NULL AND s."progressPercent" = 0 AND NOT ${atRisk}`);
  const where = Prisma.join(conditions, " AND ");

  const statusRank = Prisma.sql`CASE WHEN s."readyAt" IS NOT NULL THEN 3 WHEN ${atRisk} THEN 0 WHEN s."progressPercent" > 0 THEN 2 ELSE 1 END`;
  const sortExpr: Record<string, Prisma.Sql> = {
    name: Prisma.sql`u."name"`,
    email: Prisma.sql`u."email"`,
    progress: Prisma.sql`s."progressPercent"`,
    lessons: Prisma.sql`s."lessonsComplete"`,
    final: Prisma.sql`s."finalBest"`,
    status: statusRank,
    lastActive: Prisma.sql`s."lastActiveAt"`,
  };
  const order = sortQuiz ? Prisma.sql`qb."bestPercent"` : (sortExpr[query.sort] ?? sortExpr.name);
  const direction = query.dir === "desc" ? Prisma.sql`DESC` : Prisma.sql`ASC`;
  const join = sortQuiz ? Prisma.sql`LEFT JOIN "QuizBest" qb ON qb."userId" = s."userId" AND qb."quizId" = ${sortQuiz.id}` : Prisma.empty;
  const offset = (query.page - 1) * PAGE_SIZE;

  const [rows, counted] = await Promise.all([
    db.$queryRaw<Row[]>`
      SELECT u."id", u."name", u."email", u."createdAt", s."progressPercent", s."lessonsComplete", s."finalBest", s."readyAt", s."lastActiveAt", s."maxFailsUnpassed",
             CASE WHEN ${overdue} THEN 1 ELSE 0 END AS "overdue"
      FROM "StudentSummary" s JOIN "User" u ON u."id" = s."userId" ${join}
      WHERE ${where}
      ORDER BY ${order} ${direction} NULLS LAST, u."name" ASC, u."id" ASC
      LIMIT ${PAGE_SIZE} OFFSET ${offset}`,
    db.$queryRaw<{ total: number | bigint }[]>`SELECT COUNT(*) AS "total" FROM "StudentSummary" s JOIN "User" u ON u."id" = s."userId" WHERE ${where}`,
  ]);
  const bests = await db.quizBest.findMany({ where: { userId: { in: rows.map((r) => r.id) } }, select: { userId: true, quizId: true, bestPercent: true } });
  const entries: RosterEntry[] = rows.map((r) => {
    const summary = { readyAt: date(r.readyAt), lastActiveAt: date(r.lastActiveAt), joinedAt: date(r.createdAt)!, maxFailsUnpassed: Number(r.maxFailsUnpassed), progressPercent: Number(r.progressPercent), overdue: Number(r.overdue) === 1 };
    return {
      id: r.id,
      name: r.name,
      email: r.email,
      progressPercent: summary.progressPercent,
      lessonsComplete: Number(r.lessonsComplete),
      finalBest: r.finalBest === null ? null : Number(r.finalBest),
      status: rosterStatus(summary, config.atRiskInactiveDays, now),
      lastActiveAt: summary.lastActiveAt,
      quizBest: Object.fromEntries(bests.filter((b) => b.userId === r.id).map((b) => [b.quizId, b.bestPercent])),
    };
  });
  const total = Number(counted[0]?.total ?? 0);
  return { entries, total, pages: Math.max(1, Math.ceil(total / PAGE_SIZE)), quizzes, config, chosen };
}
