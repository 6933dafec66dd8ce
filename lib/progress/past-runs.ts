import "server-only";
// The student's past runs, as they and their instructors read them (ADR 0017): which
// sections and terms, what was completed, each quiz's best result by the same rule as the
// current run's (bestAttempts), readiness and the certificate. Read only when the student
// has past runs (the own record counts them), so other pages pay nothing.
import { db } from "@/lib/db";
import { statusOf } from "@/lib/credentials/badge";
import { bestAttempts } from "@/lib/course/rules";
import type { CurrentUser } from "@/lib/auth/session";
import { getCourse } from "@/lib/course/structure";
import { canSeeStudent } from "@/lib/sections/scope";
import { CURRENT_RUN } from "./runs";

export type PastRun = {
  number: number;
  sections: { name: string; termStart: Date; termEnd: Date; timeZone: string }[];
  lessonsCompleted: number;
  quizzes: { slug: string; title: string; kind: string; bestPercent: number | null; passed: boolean; attempts: number; unfinished: number; bestAttemptId: string | null }[];
  readyAt: Date | null;
  certificate: { code: string; status: string } | null;
};

/** A student's own past runs, or those of a student the viewer may see; null otherwise. */
export async function getPastRuns(viewer: CurrentUser, userId: string): Promise<PastRun[] | null> {
  if (viewer.id !== userId && !(await canSeeStudent(viewer, userId))) return null;
  const course = await getCourse();
  return readPastRuns(userId, course.id);
}

async function readPastRuns(userId: string, courseId: string): Promise<PastRun[]> {
  const past = { userId, pastRun: { gt: CURRENT_RUN } };
  const [enrollments, lessons, attempts, readiness, certificates, quizzes] = await Promise.all([
    db.enrollment.findMany({ where: { ...past, courseId }, select: { pastRun: true, section: { select: { name: true, termStart: true, termEnd: true, timeZone: true } } }, orderBy: { startedAt: "asc" } }),
    db.lessonProgress.groupBy({ by: ["pastRun"], where: { ...past, completedAt: { not: null }, lesson: { courseId } }, _count: { _all: true } }),
    db.quizAttempt.findMany({ where: { ...past, quiz: { courseId } }, select: { id: true, pastRun: true, quizId: true, status: true, percent: true, passed: true, attemptNumber: true } }),
    db.readiness.findMany({ where: { ...past, courseId }, select: { pastRun: true, reachedAt: true } }),
    db.certificate.findMany({ where: { ...past, courseId }, select: { pastRun: true, code: true, revokedAt: true, withdrawnAt: true } }),
    db.quiz.findMany({ where: { courseId }, select: { id: true, slug: true, title: true, kind: true }, orderBy: { position: "asc" } }),
  ]);
  const numbers = [...new Set(enrollments.map((e) => e.pastRun))].sort((a, b) => b - a);
  return numbers.map((number) => {
    const mine = attempts.filter((a) => a.pastRun === number);
    const best = bestAttempts(mine.filter((a) => a.status === "graded"));
    const certificate = certificates.find((c) => c.pastRun === number);
    return {
      number,
      sections: enrollments.filter((e) => e.pastRun === number).map((e) => e.section),
      lessonsCompleted: lessons.find((l) => l.pastRun === number)?._count._all ?? 0,
      quizzes: quizzes
        .filter((q) => mine.some((a) => a.quizId === q.id))
        .map((q) => {
          const tried = mine.filter((a) => a.quizId === q.id);
          const top = best.get(q.id);
          return {
            slug: q.slug,
            title: q.title,
            kind: q.kind,
            bestPercent: top?.percent ?? null,
            passed: tried.some((a) => a.status === "graded" && a.passed),
            attempts: tried.filter((a) => a.status === "graded").length,
            unfinished: tried.filter((a) => a.status !== "graded").length,
            bestAttemptId: top?.id ?? null,
          };
        }),
      readyAt: readiness.find((r) => r.pastRun === number)?.reachedAt ?? null,
      certificate: certificate ? { code: certificate.code, status: statusOf(certificate) } : null,
    };
  });
}
