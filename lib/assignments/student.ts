import "server-only";
// The student's side of written work (issue 17, ADR 0023): reading an assignment with their
// own tries, autosaving the draft, submitting once, and starting a resubmission. Every
// function reads and writes only the caller's own rows; a grade reaches the student only
// once it is released.
import { db, type Tx } from "@/lib/db";
import { isUniqueViolation, retryOnConflict, retryOnTransientLock } from "@/lib/db/retry";
import type { CurrentUser } from "@/lib/auth/session";
import { assertRole } from "@/lib/auth/assert";
import { fail, type Result } from "@/lib/boundary/errors";
import { getCourse, getOwnRecord } from "@/lib/progress";
import { CURRENT_RUN } from "@/lib/progress/runs";
import { countWords, wordLimitProblem } from "./words";
import { parseRubric } from "./rubric";
import type { DraftInput } from "./schemas";

const NOT_FOUND = fail(404, "We could not find that assignment.");
const SUBMITTED = fail(409, "This version is already submitted. Start a new version to resubmit, if the assignment allows it.");
const STALE = fail(409, "A newer version of this draft was saved, perhaps in another window. Reload the page to carry on from it.");

const assignmentSelect = {
  id: true, slug: true, title: true, afterLessonId: true, prompt: true, instructions: true, minWords: true, maxWords: true, maxSubmissions: true, rubric: true,
  afterLesson: { select: { slug: true, title: true } },
} as const;

async function findAssignment(slug: string) {
  const course = await getCourse();
  return db.assignment.findFirst({ where: { courseId: course.id, slug, retiredAt: null }, select: assignmentSelect });
}

type Found = NonNullable<Awaited<ReturnType<typeof findAssignment>>>;

/** Open once the lesson it follows is complete (the outline lists it there). */
async function isOpenFor(user: CurrentUser, assignment: Found): Promise<boolean> {
  const record = await getOwnRecord(user);
  return Boolean(record.facts.lessonRecords.get(assignment.afterLessonId)?.completedAt);
}

const latestTry = (client: Tx, userId: string, assignmentId: string) =>
  client.assignmentSubmission.findFirst({
    where: { userId, assignmentId, pastRun: CURRENT_RUN },
    orderBy: { tryNumber: "desc" },
    select: { id: true, tryNumber: true, status: true, text: true, draftVersion: true },
  });

/** The due date in the student's section, with the section's zone to show it in. */
async function dueFor(client: Tx, userId: string, assignmentId: string) {
  const course = await getCourse();
  const enrollment = await client.enrollment.findFirst({
    where: { userId, activeCourseId: course.id },
    select: { section: { select: { timeZone: true, assignments: { where: { assignmentId }, select: { dueAt: true, anonymous: true } } } } },
  });
  const section = enrollment?.section;
  return { dueAt: section?.assignments[0]?.dueAt ?? null, timeZone: section?.timeZone ?? "UTC" };
}

/** Everything the assignment page shows the student. Null: no such assignment. */
export async function getOwnAssignment(user: CurrentUser, slug: string) {
  assertRole(user, "student");
  const assignment = await findAssignment(slug);
  if (!assignment) return null;
  const [open, tries, due] = await Promise.all([
    isOpenFor(user, assignment),
    db.assignmentSubmission.findMany({
      where: { userId: user.id, assignmentId: assignment.id, pastRun: CURRENT_RUN },
      orderBy: { tryNumber: "asc" },
      select: {
        id: true, tryNumber: true, status: true, text: true, draftVersion: true, savedAt: true, submittedAt: true, late: true,
        grade: { select: { levels: true, comments: true, overallComment: true, points: true, possible: true, percent: true, releasedAt: true, gradedByName: true } },
      },
    }),
    dueFor(db, user.id, assignment.id),
  ]);
  const { rubric: rubricJson, ...rest } = assignment;
  return {
    assignment: { ...rest, rubric: parseRubric(rubricJson) },
    open,
    due,
    // A grade is the instructor's until released: the student's page never receives it before.
    tries: tries.map(({ grade, ...t }) => ({
      ...t,
      grade: grade?.releasedAt
        ? { ...grade, levels: JSON.parse(grade.levels) as Record<string, string>, comments: JSON.parse(grade.comments) as Record<string, string> }
        : null,
    })),
  };
}

export type OwnAssignment = NonNullable<Awaited<ReturnType<typeof getOwnAssignment>>>;

/** The tries left after the latest, and whether a new one may start now. */
export function resubmission(view: Pick<OwnAssignment, "tries"> & { assignment: { maxSubmissions: number } }) {
  const latest = view.tries.at(-1);
  const used = view.tries.filter((t) => t.status === "submitted").length;
  return { used, allowed: view.assignment.maxSubmissions, canStartNew: latest?.status === "submitted" && view.tries.length < view.assignment.maxSubmissions };
}

/**
 * Autosave (and the editor's own form post): stores the draft only if `version` is newer
 * than the stored one, in one conditional statement, so a save that arrives after a newer
 * one changes nothing. Acknowledged only after it committed.
 */
export async function saveDraft(user: CurrentUser, slug: string, input: DraftInput): Promise<Result<{ savedAt: Date; version: number }>> {
  assertRole(user, "student");
  const assignment = await findAssignment(slug);
  if (!assignment) return NOT_FOUND;
  return retryOnConflict(async () => {
    const latest = await latestTry(db, user.id, assignment.id);
    const savedAt = new Date();
    if (!latest) {
      if (!(await isOpenFor(user, assignment))) return fail(403, `This assignment opens once you complete the lesson “${assignment.afterLesson.title}”.`);
      // Two first saves at once: the loser's unique violation runs this again and finds the row.
      await db.assignmentSubmission.create({
        data: { userId: user.id, assignmentId: assignment.id, pastRun: CURRENT_RUN, tryNumber: 1, text: input.text, draftVersion: input.version, savedAt },
        select: { id: true },
      });
      return { ok: true, savedAt, version: input.version };
    }
    if (latest.status !== "draft") return SUBMITTED;
    const { count } = await db.assignmentSubmission.updateMany({
      where: { id: latest.id, status: "draft", draftVersion: { lt: input.version } },
      data: { text: input.text, draftVersion: input.version, savedAt },
    });
    if (count > 0) return { ok: true, savedAt, version: input.version };
    const now = await latestTry(db, user.id, assignment.id);
    return now?.status === "draft" ? STALE : SUBMITTED;
  });
}

/**
 * Submits the draft the student reviewed (`version`): word limits checked on the server,
 * stamped with the server's time and marked late against the section's due date, in one
 * conditional update. A retry of a submit that succeeded answers the same success.
 */
export async function submitDraft(user: CurrentUser, slug: string, version: number): Promise<Result<{ tryNumber: number; late: boolean }>> {
  assertRole(user, "student");
  const assignment = await findAssignment(slug);
  if (!assignment) return NOT_FOUND;
  return retryOnTransientLock(() =>
    db.$transaction(async (tx): Promise<Result<{ tryNumber: number; late: boolean }>> => {
      const latest = await tx.assignmentSubmission.findFirst({
        where: { userId: user.id, assignmentId: assignment.id, pastRun: CURRENT_RUN },
        orderBy: { tryNumber: "desc" },
        select: { id: true, tryNumber: true, status: true, text: true, draftVersion: true, late: true },
      });
      if (!latest) return fail(409, "There is nothing to submit yet: write your draft first.");
      if (latest.status === "submitted") return latest.draftVersion === version ? { ok: true, tryNumber: latest.tryNumber, late: latest.late } : SUBMITTED;
      if (latest.draftVersion !== version) return fail(409, "Your draft changed after you reviewed it, perhaps in another window. Review it again before submitting.");
      const problem = wordLimitProblem(countWords(latest.text), assignment);
      if (problem) return fail(422, problem);
      const { dueAt } = await dueFor(tx, user.id, assignment.id);
      const submittedAt = new Date();
      const late = dueAt !== null && submittedAt > dueAt;
      const { count } = await tx.assignmentSubmission.updateMany({
        where: { id: latest.id, status: "draft", draftVersion: version },
        data: { status: "submitted", submittedAt, dueAt, late },
      });
      return count > 0 ? { ok: true, tryNumber: latest.tryNumber, late } : STALE;
    }),
  );
}

/**
 * Opens try n + 1 with the latest try's text to revise, while the assignment allows more
 * submissions. Idempotent: a draft already open is simply kept.
 */
export async function startNewVersion(user: CurrentUser, slug: string): Promise<Result<{ tryNumber: number }>> {
  assertRole(user, "student");
  const assignment = await findAssignment(slug);
  if (!assignment) return NOT_FOUND;
  const latest = await latestTry(db, user.id, assignment.id);
  if (!latest) return fail(409, "Write and submit a first version before starting another.");
  if (latest.status === "draft") return { ok: true, tryNumber: latest.tryNumber };
  if (latest.tryNumber >= assignment.maxSubmissions)
    return fail(409, assignment.maxSubmissions === 1 ? "This assignment takes one submission." : `You have used all ${assignment.maxSubmissions} submissions for this assignment.`);
  try {
    await db.assignmentSubmission.create({
      data: { userId: user.id, assignmentId: assignment.id, pastRun: CURRENT_RUN, tryNumber: latest.tryNumber + 1, text: latest.text, draftVersion: 0 },
      select: { id: true },
    });
  } catch (error) {
    // A double click: the other request opened it.
    if (!isUniqueViolation(error)) throw error;
  }
  return { ok: true, tryNumber: latest.tryNumber + 1 };
}

/** The assignments on the outline: each with the lesson it follows and where the student stands. */
export async function getOwnAssignmentList(user: CurrentUser) {
  const course = await getCourse();
  const rows = await db.assignment.findMany({
    where: { courseId: course.id, retiredAt: null },
    orderBy: { position: "asc" },
    select: {
      id: true, slug: true, title: true, afterLessonId: true,
      submissions: { where: { userId: user.id, pastRun: CURRENT_RUN }, orderBy: { tryNumber: "desc" }, take: 1, select: { status: true, grade: { select: { percent: true, releasedAt: true } } } },
    },
  });
  return rows.map(({ submissions, ...a }) => {
    const latest = submissions[0];
    const released = latest?.grade?.releasedAt ? latest.grade.percent : null;
    const state = !latest ? "not started" : latest.status === "draft" ? "draft saved" : released !== null ? `graded: ${released}%` : "submitted";
    return { ...a, state };
  });
}
