import "server-only";
import type { Tx } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { rawDate, rawNumber } from "@/lib/db/raw";
import { bestAttempts, type ObjectiveSums } from "./rules";
import type { CourseStructure } from "./structure";
import { buildOutline, type LessonRecord, type Outline, type QuizRecord } from "@/lib/progress/outline";
import { CURRENT_RUN } from "@/lib/progress/runs";
import type { ObjectiveEvidence, ReadinessInput } from "@/lib/readiness/rules";
import { writtenGradesOf } from "@/lib/assignments/rubric";

/**
 * The source rows every per-student rule reads (outline, progress percent, best scores,
 * readiness, the roster summary), loaded for many students in a fixed number of queries
 * and through any client, so the write path can read inside its own transaction. Only
 * the current run counts (ADR 0017): a past term's work is history, not progress.
 */
export type StudentFacts = {
  lessonRecords: Map<string, LessonRecord>;
  attempts: { id: string; quizId: string; status: string; percent: number | null; passed: boolean | null; attemptNumber: number }[];
  selfAssessed: boolean;
  signedOff: boolean;
  readyAt: Date | null;
  /** Every try of written work with a released grade (issue 17); a held grade is never read here. */
  written: WrittenTry[];
};

export type WrittenTry = { assignmentId: string; tryNumber: number; percent: number | null; releasedAt: Date | null };

type Milestones = Pick<StudentFacts, "selfAssessed" | "signedOff" | "readyAt">;

/** The self-assessment, sign-off and readiness rows: readiness needs them, the outline does not. */
export async function loadMilestones(client: Tx, courseId: string, userIds: string[]): Promise<Map<string, Milestones>> {
  const [selfAssessments, signOffs, readiness] = await Promise.all([
    client.skillsSelfAssessment.findMany({ where: { userId: { in: userIds }, courseId, pastRun: CURRENT_RUN }, select: { userId: true } }),
    client.instructorSignOff.findMany({ where: { studentId: { in: userIds }, courseId, pastRun: CURRENT_RUN }, select: { studentId: true } }),
    client.readiness.findMany({ where: { userId: { in: userIds }, courseId, pastRun: CURRENT_RUN }, select: { userId: true, reachedAt: true } }),
  ]);
  const milestones = new Map<string, Milestones>(userIds.map((id) => [id, { selfAssessed: false, signedOff: false, readyAt: null }]));
  for (const s of selfAssessments) milestones.get(s.userId)!.selfAssessed = true;
  for (const s of signOffs) milestones.get(s.studentId)!.signedOff = true;
  for (const r of readiness) milestones.get(r.userId)!.readyAt = r.reachedAt;
  return milestones;
}

/**
 * Progress and attempts (all the outline needs); with `milestones`, also the rows of
 * loadMilestones, so page views that only show the outline do not pay for them.
 */
export async function loadStudentFacts(client: Tx, courseId: string, userIds: string[], { milestones = true } = {}): Promise<Map<string, StudentFacts>> {
  const [progress, attempts, written, marks] = await Promise.all([
    client.lessonProgress.findMany({ where: { userId: { in: userIds }, pastRun: CURRENT_RUN, lesson: { courseId } }, select: { userId: true, lessonId: true, startedAt: true, completedAt: true } }),
    client.quizAttempt.findMany({
      where: { userId: { in: userIds }, pastRun: CURRENT_RUN, quiz: { courseId } },
      select: { id: true, userId: true, quizId: true, status: true, percent: true, passed: true, attemptNumber: true },
    }),
    loadWrittenTries(client, courseId, userIds),
    milestones ? loadMilestones(client, courseId, userIds) : new Map<string, Milestones>(),
  ]);
  const facts = new Map<string, StudentFacts>(
    userIds.map((id) => [id, { lessonRecords: new Map(), attempts: [], written: [], selfAssessed: false, signedOff: false, readyAt: null, ...marks.get(id) }]),
  );
  for (const p of progress) facts.get(p.userId)?.lessonRecords.set(p.lessonId, p);
  for (const { userId, ...a } of attempts) facts.get(userId)?.attempts.push(a);
  for (const w of written) facts.get(w.userId)?.written.push(w.grade);
  return facts;
}

/** The tries of written work with a released grade, of these students' current run, in one statement. */
async function loadWrittenTries(client: Tx, courseId: string, userIds: string[]) {
  const rows = await client.$queryRaw<{ userId: string; assignmentId: string; tryNumber: unknown; percent: unknown; releasedAt: unknown }[]>`
    SELECT sub."userId", sub."assignmentId", sub."tryNumber", g."percent", g."releasedAt"
      FROM "AssignmentGrade" g JOIN "AssignmentSubmission" sub ON sub."id" = g."submissionId"
     WHERE sub."userId" IN (${Prisma.join(userIds)}) AND sub."pastRun" = ${CURRENT_RUN} AND g."releasedAt" IS NOT NULL
       AND sub."assignmentId" IN (SELECT "id" FROM "Assignment" WHERE "courseId" = ${courseId})
     ORDER BY sub."assignmentId", sub."tryNumber"`;
  return rows.map((r) => ({ userId: r.userId, grade: { assignmentId: r.assignmentId, tryNumber: rawNumber(r.tryNumber)!, percent: rawNumber(r.percent), releasedAt: rawDate(r.releasedAt) } }));
}

export const gradedOf = (facts: StudentFacts) => facts.attempts.filter((a) => a.status === "graded");

/** The student's outline: the one definition of which steps are complete, and of progress. */
export function outlineOf(structure: CourseStructure, facts: StudentFacts): Outline {
  const quizRecords = new Map<string, QuizRecord>();
  for (const a of facts.attempts) {
    const record = quizRecords.get(a.quizId) ?? { passed: false, inProgress: false, attemptsUsed: 0 };
    record.attemptsUsed += 1;
    if (a.status === "in_progress") record.inProgress = true;
    if (a.status === "graded" && a.passed) record.passed = true;
    quizRecords.set(a.quizId, record);
  }
  return buildOutline(structure.lessons, structure.quizzes, facts.lessonRecords, quizRecords);
}

/** An answer's score with its question's objective and weight. */
export type WeighedAnswer = { score: number | null; objective: string; points: number };

/** Points earned and possible per objective, summed from answers of the best attempts. */
export function evidenceOf(answers: WeighedAnswer[]): Map<string, ObjectiveSums> {
  const evidence = new Map<string, ObjectiveSums>();
  for (const a of answers) {
    const e = evidence.get(a.objective) ?? { earned: 0, possible: 0 };
    e.earned += (a.score ?? 0) * a.points;
    e.possible += a.points;
    evidence.set(a.objective, e);
  }
  return evidence;
}

/** Points earned and possible per objective in the given (best) attempts, read through any client. */
export async function objectiveEvidence(client: Tx, attemptIds: string[]): Promise<Map<string, ObjectiveSums>> {
  if (attemptIds.length === 0) return new Map();
  const answers = await client.attemptAnswer.findMany({
    where: { attemptId: { in: attemptIds } },
    select: { score: true, question: { select: { objective: true, points: true } } },
  });
  return evidenceOf(answers.map((a) => ({ score: a.score, ...a.question })));
}

/** Everything the readiness rule needs, from the facts and the best attempts' evidence. */
export function readinessInputOf(structure: CourseStructure, facts: StudentFacts, evidence: Map<string, ObjectiveSums>): ReadinessInput {
  const outline = outlineOf(structure, facts);
  const best = bestAttempts(gradedOf(facts));
  const status = new Map(outline.steps.map((s) => [s.id, s.status]));
  const objectives: ObjectiveEvidence[] = structure.lessons.flatMap((l) =>
    (JSON.parse(l.objectives) as { id: string; text: string }[]).map((o) => ({ id: o.id, text: o.text, lessonSlug: l.slug, ...(evidence.get(o.id) ?? { earned: 0, possible: 0 }) })),
  );
  const final = structure.quizzes.find((q) => q.kind === "final");
  return {
    writtenWork: writtenGradesOf(structure.assignments, facts.written).map((a) => ({ slug: a.slug, title: a.title, percent: a.percent })),
    lessons: outline.steps.filter((s) => s.kind === "lesson").map((s) => ({ slug: s.slug, title: s.title, complete: s.status === "complete" })),
    lessonQuizzes: structure.quizzes
      .filter((q) => q.kind === "lesson")
      .map((q) => ({ slug: q.slug, title: q.title, passed: status.get(q.id) === "complete", bestPercent: best.get(q.id)?.percent ?? null })),
    final: final ? { slug: final.slug, title: final.title, bestPercent: best.get(final.id)?.percent ?? null } : null,
    objectives,
    selfAssessmentDone: facts.selfAssessed,
    signedOff: facts.signedOff,
  };
}

/** Ids of the best attempts, whose answers are the evidence of mastery. */
export const bestAttemptIds = (facts: StudentFacts) => [...bestAttempts(gradedOf(facts)).values()].map((a) => a.id);
