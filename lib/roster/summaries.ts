import "server-only";
import { db } from "@/lib/db";
import { retryOnConflict } from "@/lib/db/retry";
import { COURSE_SLUG } from "@/lib/course/constants";

const BATCH = 400;

export function searchTextOf(name: string, email: string) {
  return `${name} ${email}`.normalize("NFKC").toLowerCase();
}

/**
 * Recomputes the roster summary (and best score per quiz) for these students from
 * the source rows: progress, graded attempts and readiness. Set-based, so it serves
 * one student after an event and 10,000 in a rebuild alike.
 */
export async function refreshSummaries(userIds: string[]) {
  if (userIds.length === 0) return;
  const course = await db.course.findUnique({ where: { slug: COURSE_SLUG }, select: { id: true } });
  if (!course) return; // nothing to summarise before the course is seeded
  const [lessonCount, quizzes] = await Promise.all([
    db.lesson.count({ where: { courseId: course.id } }),
    db.quiz.findMany({ where: { courseId: course.id }, select: { id: true, kind: true } }),
  ]);
  const finalIds = new Set(quizzes.filter((q) => q.kind === "final").map((q) => q.id));
  const steps = lessonCount + quizzes.length;

  for (let i = 0; i < userIds.length; i += BATCH) {
    const ids = userIds.slice(i, i + BATCH);
    const [users, lessons, attempts, readiness] = await Promise.all([
      db.user.findMany({ where: { id: { in: ids }, role: "student" }, select: { id: true, name: true, email: true, lastActiveAt: true } }),
      db.lessonProgress.groupBy({ by: ["userId"], where: { userId: { in: ids }, completedAt: { not: null }, lesson: { courseId: course.id } }, _count: { _all: true } }),
      db.quizAttempt.groupBy({
        by: ["userId", "quizId", "passed"],
        where: { userId: { in: ids }, status: "graded", quiz: { courseId: course.id } },
        _count: { _all: true },
        _max: { percent: true },
      }),
      db.readiness.findMany({ where: { userId: { in: ids }, courseId: course.id }, select: { userId: true, reachedAt: true } }),
    ]);
    const lessonsBy = new Map(lessons.map((l) => [l.userId, l._count._all]));
    const readyBy = new Map(readiness.map((r) => [r.userId, r.reachedAt]));
    const bests = new Map<string, { userId: string; quizId: string; bestPercent: number; attempts: number; failed: number; passed: boolean }>();
    for (const row of attempts) {
      const key = `${row.userId}\u0000${row.quizId}`;
      const best = bests.get(key) ?? { userId: row.userId, quizId: row.quizId, bestPercent: 0, attempts: 0, failed: 0, passed: false };
      best.attempts += row._count._all;
      best.bestPercent = Math.max(best.bestPercent, row._max.percent ?? 0);
      if (row.passed) best.passed = true;
      else best.failed += row._count._all;
      bests.set(key, best);
    }
    const summaries = users.map((u) => {
      const mine = [...bests.values()].filter((b) => b.userId === u.id);
      const lessonsComplete = lessonsBy.get(u.id) ?? 0;
      const quizzesPassed = mine.filter((b) => b.passed).length;
      const final = mine.find((b) => finalIds.has(b.quizId));
      return {
        userId: u.id,
        courseId: course.id,
        searchText: searchTextOf(u.name, u.email),
        lessonsComplete,
        quizzesPassed,
        progressPercent: steps ? Math.floor(((lessonsComplete + quizzesPassed) / steps) * 100) : 0,
        finalBest: final?.bestPercent ?? null,
        finalPassed: Boolean(final?.passed),
        readyAt: readyBy.get(u.id) ?? null,
        lastActiveAt: u.lastActiveAt,
        maxFailsUnpassed: Math.max(0, ...mine.filter((b) => !b.passed).map((b) => b.failed)),
      };
    });
    // Replace the rows; a concurrent refresh of the same student may insert first,
    // in which case this one retries against the rows that one wrote.
    await retryOnConflict(() =>
      db.$transaction([
        db.quizBest.deleteMany({ where: { userId: { in: ids } } }),
        db.quizBest.createMany({ data: [...bests.values()] }),
        db.studentSummary.deleteMany({ where: { userId: { in: ids } } }),
        db.studentSummary.createMany({ data: summaries }),
      ]),
    );
  }
}

/** Students with no summary row yet (e.g. created before summaries existed). */
export async function refreshMissingSummaries() {
  const missing = await db.user.findMany({ where: { role: "student", summaries: { none: {} } }, select: { id: true } });
  await refreshSummaries(missing.map((u) => u.id));
}

/** Activity without a full recompute (a lesson visit). */
export async function touchActivity(userId: string, at: Date) {
  await db.studentSummary.updateMany({ where: { userId }, data: { lastActiveAt: at } });
}
