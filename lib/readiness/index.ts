import "server-only";
import { randomBytes } from "node:crypto";
import { db } from "@/lib/db";
import type { CurrentUser } from "@/lib/auth/session";
import { parseCourseConfig } from "@/lib/course/config";
import { isUniqueViolation, retryOnTransientLock } from "@/lib/db/retry";
import { getCourse, getOutline, getStructure } from "@/lib/progress";
import { submitAttempt } from "@/lib/quiz/answers";
import { refreshSummaries } from "@/lib/roster/summaries";
import { evaluateReadiness, type ObjectiveEvidence, type ReadinessInput } from "./rules";

/** The student's best graded attempt per quiz (highest percent, earliest on a tie). */
async function bestAttempts(userId: string, courseId: string) {
  const graded = await db.quizAttempt.findMany({
    where: { userId, status: "graded", quiz: { courseId } },
    select: { id: true, quizId: true, percent: true, passed: true },
    orderBy: [{ percent: "desc" }, { attemptNumber: "asc" }],
  });
  const best = new Map<string, (typeof graded)[number]>();
  for (const attempt of graded) if (!best.has(attempt.quizId)) best.set(attempt.quizId, attempt);
  return best;
}

/** Gathers everything the readiness rule needs for one student. */
export async function readinessInput(user: CurrentUser): Promise<ReadinessInput> {
  const course = await getCourse();
  const [outline, structure, best, selfAssessment, signOff] = await Promise.all([
    getOutline(user),
    getStructure(course.id),
    bestAttempts(user.id, course.id),
    db.skillsSelfAssessment.findUnique({ where: { userId_courseId: { userId: user.id, courseId: course.id } }, select: { id: true } }),
    db.instructorSignOff.findUnique({ where: { studentId_courseId: { studentId: user.id, courseId: course.id } }, select: { id: true } }),
  ]);
  const { lessons, quizzes } = structure;
  const answers = await db.attemptAnswer.findMany({
    where: { attemptId: { in: [...best.values()].map((a) => a.id) } },
    select: { score: true, question: { select: { objective: true, points: true } } },
  });
  const evidence = new Map<string, { earned: number; possible: number }>();
  for (const a of answers) {
    const e = evidence.get(a.question.objective) ?? { earned: 0, possible: 0 };
    e.earned += (a.score ?? 0) * a.question.points;
    e.possible += a.question.points;
    evidence.set(a.question.objective, e);
  }
  const objectives: ObjectiveEvidence[] = lessons.flatMap((l) =>
    (JSON.parse(l.objectives) as { id: string; text: string }[]).map((o) => ({ id: o.id, text: o.text, lessonSlug: l.slug, ...(evidence.get(o.id) ?? { earned: 0, possible: 0 }) })),
  );
  const status = new Map(outline.steps.map((s) => [s.id, s.status]));
  const final = quizzes.find((q) => q.kind === "final");
  return {
    lessons: outline.steps.filter((s) => s.kind === "lesson").map((s) => ({ slug: s.slug, title: s.title, complete: s.status === "complete" })),
    lessonQuizzes: quizzes
      .filter((q) => q.kind === "lesson")
      .map((q) => ({ slug: q.slug, title: q.title, passed: status.get(q.id) === "complete", bestPercent: best.get(q.id)?.percent ?? null })),
    final: final ? { slug: final.slug, title: final.title, bestPercent: best.get(final.id)?.percent ?? null } : null,
    objectives,
    selfAssessmentDone: Boolean(selfAssessment),
    signedOff: Boolean(signOff),
  };
}

export function newCertificateCode(): string {
  // 144 random bits: unguessable, URL-safe.
  return randomBytes(18).toString("base64url");
}

/**
 * Evaluates readiness and, the first time it is met, records it with its time and
 * issues the certificate in one transaction. Unique constraints make a concurrent
 * second recording impossible; the loser simply reads what the winner wrote.
 */
export async function refreshReadiness(user: CurrentUser) {
  const course = await getCourse();
  const config = parseCourseConfig(course.config);
  const readiness = evaluateReadiness(await readinessInput(user), config);
  let record = await db.readiness.findUnique({ where: { userId_courseId: { userId: user.id, courseId: course.id } }, select: { reachedAt: true } });
  if (readiness.ready && !record && user.role === "student") {
    let recorded = false;
    try {
      await retryOnTransientLock(() => db.$transaction(async (tx) => {
        await tx.readiness.create({ data: { userId: user.id, courseId: course.id }, select: { id: true } });
        await tx.certificate.create({ data: { userId: user.id, courseId: course.id, code: newCertificateCode(), holderName: user.name }, select: { id: true } });
      }));
      recorded = true;
    } catch (error) {
      // A concurrent call recorded it first; its row is the one that counts.
      if (!isUniqueViolation(error)) throw error;
    }
    if (recorded) await refreshSummaries([user.id]);
    record = await db.readiness.findUnique({ where: { userId_courseId: { userId: user.id, courseId: course.id } }, select: { reachedAt: true } });
  }
  const certificate = await db.certificate.findUnique({
    where: { userId_courseId: { userId: user.id, courseId: course.id } },
    select: { code: true, issuedAt: true, revokedAt: true, revokedReason: true, withdrawnAt: true, holderName: true },
  });
  return { ...readiness, reachedAt: record?.reachedAt ?? null, certificate, config };
}

/**
 * Submits an attempt for grading and, when it passes, records readiness at once (the
 * last requirement met issues the certificate): the one path for the form and the API.
 */
export async function submitAndRecordReadiness(user: CurrentUser, attemptId: string) {
  const result = await submitAttempt(user, attemptId);
  if (result.ok && result.result.passed) await refreshReadiness(user);
  return result;
}
