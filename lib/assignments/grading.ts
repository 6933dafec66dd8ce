import "server-only";
// The instructor's side of written work (issue 17, ADR 0023): the grading queue, the
// grading view, saving a rubric grade with an optimistic version check, and releasing
// grades. Every read is scoped where the data is read: an instructor reaches only the
// students of the sections they teach (lib/sections/scope.ts), a coordinator everyone.
import { db } from "@/lib/db";
import { retryOnTransientLock, isUniqueViolation } from "@/lib/db/retry";
import type { CurrentUser } from "@/lib/auth/session";
import { assertStaff } from "@/lib/auth/assert";
import { fail, type Result } from "@/lib/boundary/errors";
import { recordAudit } from "@/lib/audit";
import { recordStudentChanges } from "@/lib/course/record";
import { getCourse } from "@/lib/course/structure";
import { CURRENT_RUN } from "@/lib/progress/runs";
import { canSeeStudent, sectionsInScope, type Chosen } from "@/lib/sections/scope";
import { levelDistribution, parseRubric, pseudonymOf, scoreLevels } from "./rubric";
import type { GradeInput } from "./schemas";

const NOT_FOUND = fail(404, "We could not find that submission.");

/** The course's assignments, for filters and headings. */
export async function listAssignments() {
  const course = await getCourse();
  return db.assignment.findMany({ where: { courseId: course.id, retiredAt: null }, orderBy: { position: "asc" }, select: { id: true, slug: true, title: true, rubric: true, maxSubmissions: true } });
}

/** Each student's latest try per assignment: the one that waits in the queue and counts in the distribution. */
function latestPerStudent<T extends { tryNumber: number }>(rows: T[], keyOf: (row: T) => string): T[] {
  const latest = new Map<string, T>();
  for (const row of rows) {
    const seen = latest.get(keyOf(row));
    if (!seen || row.tryNumber > seen.tryNumber) latest.set(keyOf(row), row);
  }
  return [...latest.values()];
}

/** A name stays hidden while the section grades the assignment anonymously and a grade of the student's is still held. */
const isHidden = (anonymous: boolean, released: boolean) => anonymous && !released;

/** Which (section, assignment) pairs grade anonymously. */
async function anonymousPairs(sectionIds: string[] | null) {
  const rows = await db.sectionAssignment.findMany({ where: { anonymous: true, ...(sectionIds ? { sectionId: { in: sectionIds } } : {}) }, select: { sectionId: true, assignmentId: true } });
  return new Set(rows.map((r) => `${r.sectionId}:${r.assignmentId}`));
}

/**
 * The grading queue of the chosen sections: each student's latest submitted try per
 * assignment, ungraded first, then oldest first; late ones flagged. Anonymous sections
 * show a pseudonym until the grade is released.
 */
export async function gradingQueue(viewer: CurrentUser, chosen: Chosen, assignmentId: string | null) {
  assertStaff(viewer);
  const course = await getCourse();
  const rows = await db.assignmentSubmission.findMany({
    where: {
      status: "submitted",
      pastRun: CURRENT_RUN,
      // A retired assignment's work stays readable from the student's page, not in the queue.
      assignment: { courseId: course.id, retiredAt: null, ...(assignmentId ? { id: assignmentId } : {}) },
      user: { deletedAt: null, enrollments: { some: { activeCourseId: course.id, ...(chosen.ids ? { sectionId: { in: chosen.ids } } : {}) } } },
    },
    orderBy: [{ submittedAt: "asc" }],
    select: {
      id: true, tryNumber: true, submittedAt: true, late: true, userId: true, assignmentId: true,
      assignment: { select: { title: true, maxSubmissions: true } },
      user: { select: { name: true, enrollments: { where: { activeCourseId: course.id }, select: { section: { select: { id: true, name: true, timeZone: true } } } } } },
      grade: { select: { percent: true, releasedAt: true } },
    },
  });
  const anonymous = await anonymousPairs(chosen.ids);
  // Only the latest submitted try of each student's assignment waits in the queue.
  return latestPerStudent(rows, (r) => `${r.userId}:${r.assignmentId}`)
    .map((r) => {
      const section = r.user.enrollments[0]?.section ?? null;
      const hidden = isHidden(Boolean(section && anonymous.has(`${section.id}:${r.assignmentId}`)), Boolean(r.grade?.releasedAt));
      return {
        id: r.id, tryNumber: r.tryNumber, submittedAt: r.submittedAt!, late: r.late, assignmentTitle: r.assignment.title,
        who: hidden ? pseudonymOf(r.id) : r.user.name, anonymous: hidden, section: section?.name ?? null, timeZone: section?.timeZone ?? "UTC",
        state: !r.grade ? ("ungraded" as const) : r.grade.releasedAt ? ("released" as const) : ("held" as const),
        percent: r.grade?.percent ?? null,
      };
    })
    .sort((a, b) => Number(a.state !== "ungraded") - Number(b.state !== "ungraded") || a.submittedAt.getTime() - b.submittedAt.getTime());
}

export type QueueRow = Awaited<ReturnType<typeof gradingQueue>>[number];

/** A submission with its rubric and grade, for the grading view. Null: not this viewer's to see. */
export async function getSubmissionForGrading(viewer: CurrentUser, submissionId: string) {
  return (await loadForGrading(viewer, submissionId))?.view ?? null;
}

/** The grading view and, for the server only, whose submission it is. */
async function loadForGrading(viewer: CurrentUser, submissionId: string) {
  assertStaff(viewer);
  if (submissionId.length > 64) return null;
  const course = await getCourse();
  const row = await db.assignmentSubmission.findFirst({
    // A past run's work is history (ADR 0017): read from the student's earlier terms, never graded again.
    where: { id: submissionId, status: "submitted", pastRun: CURRENT_RUN, assignment: { courseId: course.id } },
    select: {
      id: true, userId: true, tryNumber: true, text: true, submittedAt: true, late: true, dueAt: true, pastRun: true,
      assignment: { select: { id: true, slug: true, title: true, rubric: true, minWords: true, maxWords: true, maxSubmissions: true } },
      user: { select: { name: true, enrollments: { where: { activeCourseId: course.id }, select: { section: { select: { id: true, name: true, timeZone: true } } } } } },
      grade: { select: { levels: true, comments: true, overallComment: true, points: true, possible: true, percent: true, version: true, gradedByName: true, gradedAt: true, releasedAt: true } },
    },
  });
  if (!row || !(await canSeeStudent(viewer, row.userId))) return null;
  const section = row.user.enrollments[0]?.section ?? null;
  const anonymous = section ? Boolean(await db.sectionAssignment.findFirst({ where: { sectionId: section.id, assignmentId: row.assignment.id, anonymous: true }, select: { sectionId: true } })) : false;
  const tries = await db.assignmentSubmission.findMany({
    where: { userId: row.userId, assignmentId: row.assignment.id, pastRun: row.pastRun, status: "submitted" },
    orderBy: { tryNumber: "asc" },
    select: { id: true, tryNumber: true, grade: { select: { releasedAt: true } } },
  });
  // While any of the student's versions waits for its grade, every version hides the name:
  // "Other versions" would otherwise pair a named, released try with an anonymous one.
  const hidden = isHidden(anonymous, tries.every((t) => Boolean(t.grade?.releasedAt)));
  const view = {
    id: row.id, tryNumber: row.tryNumber, text: row.text, submittedAt: row.submittedAt!, late: row.late, dueAt: row.dueAt,
    // The student's id and name stay on the server while the section grades anonymously.
    studentId: hidden ? null : row.userId,
    who: hidden ? pseudonymOf(row.id) : row.user.name,
    anonymous: hidden,
    section: section ? { name: section.name, timeZone: section.timeZone } : null,
    assignment: { ...row.assignment, rubric: parseRubric(row.assignment.rubric) },
    grade: row.grade ? { ...row.grade, levels: JSON.parse(row.grade.levels) as Record<string, string>, comments: JSON.parse(row.grade.comments) as Record<string, string> } : null,
    otherTries: tries.filter((t) => t.id !== row.id).map((t) => ({ id: t.id, tryNumber: t.tryNumber })),
  };
  return { view, ownerId: row.userId };
}

export type GradingView = NonNullable<Awaited<ReturnType<typeof getSubmissionForGrading>>>;

/**
 * Saves a grade if nobody saved one since the grader loaded it (`version`): one conditional
 * statement, so of two graders the second gets a 409 naming who saved first and keeps their
 * picks on the form. A change to a released grade is audited and reaches readiness, the
 * gradebook and the LMS in the same transaction.
 */
export async function saveGrade(viewer: CurrentUser, input: GradeInput): Promise<Result<{ version: number; percent: number }>> {
  const loaded = await loadForGrading(viewer, input.submissionId);
  if (!loaded) return NOT_FOUND;
  const { view, ownerId } = loaded;
  const score = scoreLevels(view.assignment.rubric, input.levels);
  if (!score.ok) return fail(400, "Pick a level for every criterion.", Object.fromEntries(Object.entries(score.problems).map(([id, message]) => [`level.${id}`, message])));
  const known = new Set(view.assignment.rubric.map((c) => c.id));
  const comments = Object.fromEntries(Object.entries(input.comments).filter(([id]) => known.has(id)));
  const data = {
    levels: JSON.stringify(input.levels), comments: JSON.stringify(comments), overallComment: input.overallComment,
    points: score.points, possible: score.possible, percent: score.percent, gradedById: viewer.id, gradedByName: viewer.name, gradedAt: new Date(),
  };
  try {
    return await retryOnTransientLock(() =>
      db.$transaction(async (tx): Promise<Result<{ version: number; percent: number }>> => {
        if (input.version === 0) {
          await tx.assignmentGrade.create({ data: { submissionId: view.id, ...data, version: 1 }, select: { submissionId: true } });
          return { ok: true, version: 1, percent: score.percent };
        }
        const before = await tx.assignmentGrade.findUnique({ where: { submissionId: view.id }, select: { levels: true, percent: true } });
        const { count } = await tx.assignmentGrade.updateMany({ where: { submissionId: view.id, version: input.version }, data: { ...data, version: input.version + 1 } });
        if (count === 0 || !before) {
          // Read after the update: on PostgreSQL it waited for the winner's commit, which `before` predates.
          const winner = await tx.assignmentGrade.findUnique({ where: { submissionId: view.id }, select: { gradedByName: true } });
          return conflict(winner?.gradedByName);
        }
        // Read after the update holds the row: a release that committed meanwhile is seen here
        // (PostgreSQL waited for it), so a change after release is never left out of the audit.
        const now = await tx.assignmentGrade.findUniqueOrThrow({ where: { submissionId: view.id }, select: { releasedAt: true } });
        if (now.releasedAt) {
          await recordAudit({ actorId: viewer.id, action: "assignment.grade.changed_after_release", targetType: "assignmentSubmission", targetId: view.id, detail: { from: { levels: JSON.parse(before.levels), percent: before.percent }, to: { levels: input.levels, percent: score.percent } } }, tx);
          await recordStudentChanges(tx, [ownerId]);
        }
        return { ok: true, version: input.version + 1, percent: score.percent };
      }),
    );
  } catch (error) {
    // Two first grades at once: the other grader's row won.
    if (!isUniqueViolation(error)) throw error;
    const winner = await db.assignmentGrade.findUnique({ where: { submissionId: view.id }, select: { gradedByName: true } });
    return conflict(winner?.gradedByName);
  }
}

const conflict = (who: string | undefined) =>
  fail(409, `${who ? `${who} saved` : "Someone saved"} a grade for this submission after you opened it. Your picks are still on the form: reload to see theirs, then save again if yours should stand.`);

/**
 * Releases held grades: one submission's, or every graded submission of an assignment in a
 * section. Students see them from now on; readiness, the gradebook and the LMS count them
 * in the same transaction. Releasing again changes nothing.
 */
export async function releaseGrades(viewer: CurrentUser, which: { submissionId: string; version?: number } | { sectionId: string; assignmentId: string }): Promise<Result<{ released: number }>> {
  assertStaff(viewer);
  const course = await getCourse();
  let targets: { submissionId: string; userId: string; version: number }[];
  if ("submissionId" in which) {
    const loaded = await loadForGrading(viewer, which.submissionId);
    if (!loaded) return NOT_FOUND;
    if (!loaded.view.grade) return fail(409, "Grade this submission before releasing it.");
    // The releaser releases the grade they saw: one saved since by someone else waits for them to look.
    if (which.version !== undefined && loaded.view.grade.version !== which.version)
      return fail(409, `${loaded.view.grade.gradedByName || "Someone"} changed this grade after you opened it. Look at it again, then release it.`);
    targets = [{ submissionId: loaded.view.id, userId: loaded.ownerId, version: loaded.view.grade.version }];
  } else {
    if (!(await sectionsInScope(viewer)).some((s) => s.id === which.sectionId)) return fail(404, "We could not find that section.");
    // Each student's latest submitted try, as the queue shows them: a held grade of an earlier
    // try is not released behind a newer one that waits for grading.
    const rows = await db.assignmentSubmission.findMany({
      where: { status: "submitted", assignmentId: which.assignmentId, pastRun: CURRENT_RUN, assignment: { courseId: course.id }, user: { enrollments: { some: { activeCourseId: course.id, sectionId: which.sectionId } } } },
      select: { id: true, userId: true, tryNumber: true, grade: { select: { releasedAt: true, version: true } } },
    });
    targets = latestPerStudent(rows, (r) => r.userId).flatMap((r) => (r.grade && !r.grade.releasedAt ? [{ submissionId: r.id, userId: r.userId, version: r.grade.version }] : []));
  }
  if (targets.length === 0) return { ok: true, released: 0 };
  return retryOnTransientLock(() =>
    db.$transaction(async (tx) => {
      // Each at the version read above: a grade changed in between is left held, not released unseen.
      const releasedAt = new Date();
      const { count } = await tx.assignmentGrade.updateMany({ where: { releasedAt: null, OR: targets.map((t) => ({ submissionId: t.submissionId, version: t.version })) }, data: { releasedAt } });
      if (count > 0) {
        await recordAudit({ actorId: viewer.id, action: "assignment.grades.released", targetType: "assignmentSubmission", targetId: targets.length === 1 ? targets[0].submissionId : "many", detail: { submissions: targets.map((t) => t.submissionId) } }, tx);
        await recordStudentChanges(tx, [...new Set(targets.map((t) => t.userId))]);
      }
      return { ok: true as const, released: count };
    }),
  );
}

/** Per-criterion level counts of the graded latest tries in the chosen sections. */
export async function criterionDistribution(viewer: CurrentUser, chosen: Chosen, assignmentId: string) {
  assertStaff(viewer);
  const course = await getCourse();
  const assignment = await db.assignment.findFirst({ where: { id: assignmentId, courseId: course.id }, select: { id: true, title: true, rubric: true } });
  if (!assignment) return null;
  const grades = await db.assignmentGrade.findMany({
    where: { submission: { assignmentId, pastRun: CURRENT_RUN, user: { deletedAt: null, enrollments: { some: { activeCourseId: course.id, ...(chosen.ids ? { sectionId: { in: chosen.ids } } : {}) } } } } },
    select: { levels: true, submission: { select: { userId: true, tryNumber: true } } },
  });
  const picks = latestPerStudent(grades.map((g) => ({ userId: g.submission.userId, tryNumber: g.submission.tryNumber, levels: g.levels })), (g) => g.userId).map((g) => JSON.parse(g.levels) as Record<string, string>);
  return { title: assignment.title, graded: picks.length, criteria: levelDistribution(parseRubric(assignment.rubric), picks) };
}

/**
 * One student's written work for their page in the instructor's view: each submitted try
 * with its state. Where their section grades an assignment anonymously and the grade is not
 * released, the try is listed without its link, so the page cannot undo the anonymity.
 */
export async function studentWrittenWork(viewer: CurrentUser, studentId: string) {
  if (!(await canSeeStudent(viewer, studentId))) return [];
  const course = await getCourse();
  const [rows, enrollment] = await Promise.all([
    db.assignmentSubmission.findMany({
      where: { userId: studentId, pastRun: CURRENT_RUN, status: "submitted", assignment: { courseId: course.id } },
      orderBy: [{ assignment: { position: "asc" } }, { tryNumber: "asc" }],
      select: { id: true, tryNumber: true, submittedAt: true, late: true, assignmentId: true, assignment: { select: { title: true } }, grade: { select: { percent: true, releasedAt: true } } },
    }),
    db.enrollment.findFirst({ where: { userId: studentId, activeCourseId: course.id }, select: { sectionId: true } }),
  ]);
  const anonymous = enrollment ? await anonymousPairs([enrollment.sectionId]) : new Set<string>();
  return rows.map((r) => {
    const hidden = Boolean(enrollment && anonymous.has(`${enrollment.sectionId}:${r.assignmentId}`) && !r.grade?.releasedAt);
    return {
      id: hidden ? null : r.id, title: r.assignment.title, tryNumber: r.tryNumber, submittedAt: r.submittedAt!, late: r.late,
      state: hidden ? "graded anonymously: open it from the queue" : !r.grade ? "not graded" : r.grade.releasedAt ? `released: ${r.grade.percent}%` : `held: ${r.grade.percent}%`,
    };
  });
}
