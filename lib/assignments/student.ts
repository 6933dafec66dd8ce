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
import { getCourse, getOwnRecord, getStructure } from "@/lib/progress";
import { VersionedCache } from "@/lib/course/versioned-cache";
import { rawBool, rawDate, rawNumber } from "@/lib/db/raw";
import { timeValue } from "@/lib/db/dialect";
import { CURRENT_RUN } from "@/lib/progress/runs";
import { countWords, wordLimitProblem } from "./words";
import { parseRubric, writtenGradesOf } from "./rubric";
import type { DraftInput } from "./schemas";
import { ASSIGNMENT_PROBLEMS } from "./problems";
import { latestOf, mayHandIn, mayStartNewVersion } from "./policy";

const NOT_FOUND = fail(404, ASSIGNMENT_PROBLEMS.notFound);
const SUBMITTED = fail(409, ASSIGNMENT_PROBLEMS.submitted);
const STALE = fail(409, ASSIGNMENT_PROBLEMS.stale);
const RELEASED = fail(409, ASSIGNMENT_PROBLEMS.released);

const assignmentSelect = {
  id: true, slug: true, title: true, afterLessonId: true, contentHash: true, prompt: true, instructions: true, minWords: true, maxWords: true, maxSubmissions: true, rubric: true,
  afterLesson: { select: { slug: true, title: true } },
} as const;

const readAssignments = (courseId: string) => db.assignment.findMany({ where: { courseId, retiredAt: null }, select: assignmentSelect });
type Found = Awaited<ReturnType<typeof readAssignments>>[number];

// Assignments change only with the content, so each instance holds them per content version
// (like the course structure): a student's page and autosave do not read them again.
const assignments = new VersionedCache<Map<string, Found>>();

async function findAssignment(slug: string) {
  const course = await getCourse();
  return (await assignments.get(`${course.id}:${course.contentHash}`, async () => new Map((await readAssignments(course.id)).map((a) => [a.slug, a])))).get(slug) ?? null;
}


/** Open once the lesson it follows is complete (the outline lists it there). */
async function isOpenFor(user: CurrentUser, assignment: Found): Promise<boolean> {
  const record = await getOwnRecord(user);
  return Boolean(record.facts.lessonRecords.get(assignment.afterLessonId)?.completedAt);
}

const latestTry = (client: Tx, userId: string, assignmentId: string) =>
  client.assignmentSubmission.findFirst({
    where: { userId, assignmentId, pastRun: CURRENT_RUN },
    orderBy: { tryNumber: "desc" },
    select: { id: true, tryNumber: true, status: true, text: true, draftVersion: true, savedAt: true },
  });

/**
 * The due date in the student's section, read inside the submit's transaction (pages read
 * the same row through the student's one-statement record: lib/course/own-record.ts 'adue').
 */
async function dueFor(client: Tx, userId: string, assignmentId: string) {
  const course = await getCourse();
  const enrollment = await client.enrollment.findFirst({
    where: { userId, activeCourseId: course.id },
    select: { section: { select: { timeZone: true, assignments: { where: { assignmentId }, select: { dueAt: true } } } } },
  });
  const section = enrollment?.section;
  return { dueAt: section?.assignments[0]?.dueAt ?? null, timeZone: section?.timeZone ?? "UTC" };
}

type TryRow = {
  id: string; tryNumber: unknown; status: string; text: string; draftVersion: unknown; savedAt: unknown; submittedAt: unknown; late: unknown;
  levels: string | null; comments: string | null; overallComment: string | null; points: unknown; possible: unknown; percent: unknown; releasedAt: unknown; gradedByName: string | null;
};

/** The student's tries at one assignment with their grades, in one statement. */
async function readOwnTries(userId: string, assignmentId: string) {
  const rows = await db.$queryRaw<TryRow[]>`
    SELECT sub."id", sub."tryNumber", sub."status", sub."text", sub."draftVersion", sub."savedAt", sub."submittedAt", sub."late",
           g."levels", g."comments", g."overallComment", g."points", g."possible", g."percent", g."releasedAt", g."gradedByName"
      FROM "AssignmentSubmission" sub LEFT JOIN "AssignmentGrade" g ON g."submissionId" = sub."id"
     WHERE sub."userId" = ${userId} AND sub."assignmentId" = ${assignmentId} AND sub."pastRun" = ${CURRENT_RUN}
     ORDER BY sub."tryNumber"`;
  return rows.map((r) => {
    const releasedAt = rawDate(r.releasedAt);
    return {
      id: r.id, tryNumber: rawNumber(r.tryNumber)!, status: r.status, text: r.text, draftVersion: rawNumber(r.draftVersion)!, savedAt: rawDate(r.savedAt)!, submittedAt: rawDate(r.submittedAt), late: rawBool(r.late) ?? false,
      // A grade is the instructor's until released: the student's page never receives it before.
      grade:
        releasedAt && r.levels !== null
          ? { levels: JSON.parse(r.levels) as Record<string, string>, comments: JSON.parse(r.comments ?? "{}") as Record<string, string>, overallComment: r.overallComment ?? "", points: rawNumber(r.points)!, possible: rawNumber(r.possible)!, percent: rawNumber(r.percent)!, releasedAt, gradedByName: r.gradedByName ?? "" }
          : null,
    };
  });
}

/**
 * Everything the assignment page shows the student. Null: no such assignment. Besides the
 * session, one statement for the student's record (open? due?) and one for their tries.
 */
export async function getOwnAssignment(user: CurrentUser, slug: string) {
  assertRole(user, "student");
  const assignment = await findAssignment(slug);
  if (!assignment) return null;
  const [record, tries] = await Promise.all([getOwnRecord(user), readOwnTries(user.id, assignment.id)]);
  const { rubric: rubricJson, ...rest } = assignment;
  return {
    assignment: { ...rest, rubric: parseRubric(rubricJson) },
    open: Boolean(record.facts.lessonRecords.get(assignment.afterLessonId)?.completedAt),
    due: { dueAt: record.assignmentDue.get(assignment.id) ?? null, timeZone: record.section?.timeZone ?? "UTC" },
    tries,
  };
}

export type OwnAssignment = NonNullable<Awaited<ReturnType<typeof getOwnAssignment>>>;

/** The tries left after the latest, and whether a new one may start now. */
export function resubmission(view: Pick<OwnAssignment, "tries"> & { assignment: { maxSubmissions: number } }) {
  // A try's grade is non-null here only once released.
  const states = view.tries.map((t) => ({ tryNumber: t.tryNumber, status: t.status, released: t.grade !== null }));
  const draft = view.tries.find((t) => t.status === "draft");
  return {
    used: view.tries.filter((t) => t.status === "submitted").length,
    allowed: view.assignment.maxSubmissions,
    canStartNew: mayStartNewVersion(states, view.assignment.maxSubmissions).ok,
    // An open version that can no longer be handed in (a grade was released after it was opened).
    draftClosed: draft ? !mayHandIn(states, draft.tryNumber) : false,
  };
}

/** The student's tries at an assignment as the resubmission rule reads them. */
async function tryStates(client: Tx, userId: string, assignmentId: string) {
  const rows = await client.assignmentSubmission.findMany({
    where: { userId, assignmentId, pastRun: CURRENT_RUN },
    select: { tryNumber: true, status: true, text: true, grade: { select: { releasedAt: true } } },
  });
  return rows.map((r) => ({ tryNumber: r.tryNumber, status: r.status, text: r.text, released: Boolean(r.grade?.releasedAt) }));
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
  const savedAt = new Date();
  // The common case, while the student types: their one open draft, written in one statement.
  // A student has at most one draft per assignment (a new try opens only after a submit).
  const written = await retryOnTransientLock(
    () => db.$executeRaw`
      UPDATE "AssignmentSubmission" SET "text" = ${input.text}, "draftVersion" = ${input.version}, "savedAt" = ${timeValue(savedAt)}
       WHERE "userId" = ${user.id} AND "assignmentId" = ${assignment.id} AND "pastRun" = ${CURRENT_RUN} AND "status" = 'draft' AND "draftVersion" < ${input.version}`,
  );
  if (written > 0) return { ok: true, savedAt, version: input.version };
  return retryOnConflict(async () => {
    const latest = await latestTry(db, user.id, assignment.id);
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
    // The row appeared since the first statement (two first saves at once): a newer version still wins.
    const { count } = await db.assignmentSubmission.updateMany({ where: { id: latest.id, status: "draft", draftVersion: { lt: input.version } }, data: { text: input.text, draftVersion: input.version, savedAt } });
    if (count > 0) return { ok: true, savedAt, version: input.version };
    // The same words saved already (a retried save, or the form post racing its autosave): done.
    return latest.text === input.text ? { ok: true, savedAt: latest.savedAt, version: latest.draftVersion } : STALE;
  });
}

/**
 * Submits the draft the student reviewed (`version`): word limits checked on the server,
 * stamped with the server's time and marked late against the section's due date, in one
 * conditional update. A retry of a submit that succeeded answers the same success.
 */
export async function submitDraft(user: CurrentUser, slug: string, reviewed: { tryNumber: number; version: number }): Promise<Result<{ tryNumber: number; late: boolean }>> {
  const { version } = reviewed;
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
      if (!latest) return fail(409, ASSIGNMENT_PROBLEMS.empty);
      // A late retry of an earlier version's submit must not submit the next version.
      if (latest.tryNumber !== reviewed.tryNumber) {
        const earlier = await tx.assignmentSubmission.findFirst({ where: { userId: user.id, assignmentId: assignment.id, pastRun: CURRENT_RUN, tryNumber: reviewed.tryNumber }, select: { status: true, draftVersion: true, late: true } });
        return earlier?.status === "submitted" && earlier.draftVersion === version ? { ok: true, tryNumber: reviewed.tryNumber, late: earlier.late } : STALE;
      }
      if (latest.status === "submitted") return latest.draftVersion === version ? { ok: true, tryNumber: latest.tryNumber, late: latest.late } : SUBMITTED;
      if (latest.draftVersion !== version) return fail(409, ASSIGNMENT_PROBLEMS.changed);
      const problem = wordLimitProblem(countWords(latest.text), assignment);
      if (problem) return fail(422, problem);
      if (latest.tryNumber > 1 && !mayHandIn(await tryStates(tx, user.id, assignment.id), latest.tryNumber)) return RELEASED;
      const { dueAt } = await dueFor(tx, user.id, assignment.id);
      const submittedAt = new Date();
      const late = dueAt !== null && submittedAt > dueAt;
      const { count } = await tx.assignmentSubmission.updateMany({
        where: { id: latest.id, status: "draft", draftVersion: version },
        data: { status: "submitted", submittedAt, dueAt, late },
      });
      if (count > 0) return { ok: true, tryNumber: latest.tryNumber, late };
      // A concurrent submit of this same version won the row (PostgreSQL lets both read it as a draft): the same success.
      const now = await tx.assignmentSubmission.findUnique({ where: { id: latest.id }, select: { status: true, draftVersion: true, late: true } });
      return now?.status === "submitted" && now.draftVersion === version ? { ok: true, tryNumber: latest.tryNumber, late: now.late } : STALE;
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
  const tries = await tryStates(db, user.id, assignment.id);
  const latest = latestOf(tries);
  const may = mayStartNewVersion(tries, assignment.maxSubmissions);
  if (!may.ok || !latest) {
    switch (may.ok ? "nothing-submitted" : may.reason) {
      case "draft-open":
        return { ok: true, tryNumber: latest!.tryNumber };
      case "nothing-submitted":
        return fail(409, "Write and submit a first version before starting another.");
      case "all-used":
        return fail(409, assignment.maxSubmissions === 1 ? "This assignment takes one submission." : `You have used all ${assignment.maxSubmissions} submissions for this assignment.`);
      case "released":
        return RELEASED;
    }
  }
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

/**
 * The assignments on the outline, each with the lesson it follows and where the student
 * stands: from the student's one-statement record and the cached course structure, so the
 * outline sends nothing more for them.
 */
export async function getOwnAssignmentList(user: CurrentUser) {
  const course = await getCourse();
  const [structure, record] = await Promise.all([getStructure(course.id), user.role === "student" ? getOwnRecord(user) : null]);
  return writtenGradesOf(structure.assignments, record?.facts.written ?? []).map(({ percent, ...a }) => {
    const latest = record?.tries.filter((t) => t.assignmentId === a.id).sort((x, y) => y.tryNumber - x.tryNumber)[0];
    const state = !latest ? "not started" : latest.status === "draft" ? (latest.tryNumber > 1 ? `version ${latest.tryNumber} in progress` : "draft saved") : percent !== null ? `graded: ${percent}%` : "submitted";
    return { ...a, state };
  });
}
