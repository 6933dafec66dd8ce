import "server-only";
import { db, type Tx } from "@/lib/db";
import { recordAudit } from "@/lib/audit";
import { DomainError } from "@/lib/boundary/errors";
import type { CurrentUser } from "@/lib/auth/session";
import { retryOnConflict } from "@/lib/db/retry";
import { rebuildStudents } from "@/lib/course/record";
import { getCourse, readCourseIfSeeded } from "@/lib/course/structure";
import { archiveCurrentRun, enrollmentStartsNewRun } from "@/lib/progress/restart";
import { normalizeJoinCode } from "./codes";
import { canManageSection, canSeeStudent } from "./scope";

export class JoinCodeError extends DomainError {
  constructor() {
    const message = "That enrollment code is not open. Check it with your instructor.";
    super(404, message, { joinCode: message });
  }
}

/** The section a code opens now: joining is open and its term has not ended. */
export async function sectionForCode(client: Tx, input: string, now = new Date()) {
  const code = normalizeJoinCode(input);
  if (!code) return null;
  return client.section.findFirst({
    where: { joinCode: code, joinOpen: true, termEnd: { gt: now } },
    select: { id: true, name: true, courseId: true, termStart: true, termEnd: true, timeZone: true, joinCode: true },
  });
}

/**
 * The section new accounts join when they sign up without a code: only while its joining
 * is open and its term has not ended (closing it closes sign-ups into it too).
 */
export async function openSignupSection(client: Tx, now = new Date()) {
  return client.section.findFirst({ where: { openSignup: true, joinOpen: true, termEnd: { gt: now } }, select: { id: true, courseId: true }, orderBy: { createdAt: "asc" } });
}

/**
 * Makes `sectionId` the student's one active section of its course, inside `tx`. An
 * active enrollment elsewhere ends (kept, with the reason) and a new one starts; the
 * student's records are theirs, not the section's, so their work comes with them, unless
 * the new section is in a later term: then the student starts the course again and the old
 * run stays readable as a past one (`pastRun`, lib/progress/restart.ts). The roster summary
 * follows in the same transaction (its one write path).
 */
export async function enrollInTx(tx: Tx, userId: string, section: { id: string; courseId: string }, reason = "moved") {
  const current = await tx.enrollment.findFirst({ where: { userId, activeCourseId: section.courseId }, select: { id: true, sectionId: true } });
  if (current?.sectionId === section.id) return { changed: false, from: current.sectionId, pastRun: null };
  const pastRun = (await enrollmentStartsNewRun(tx, userId, section.courseId, section.id)) ? await archiveCurrentRun(tx, userId, section.courseId) : null;
  if (current) await tx.enrollment.update({ where: { id: current.id }, data: { endedAt: new Date(), endReason: reason, activeCourseId: null }, select: { id: true } });
  await tx.enrollment.create({ data: { userId, courseId: section.courseId, sectionId: section.id, activeCourseId: section.courseId }, select: { id: true } });
  // The new section's rules may differ (pass marks): the student's passes are derived again.
  await rebuildStudents(tx, [userId]);
  return { changed: true, from: current?.sectionId ?? null, pastRun };
}

/**
 * A new student's first section: the code they signed up with, or the open sign-up
 * section. The caller records the student's derived rows next, in the same transaction.
 */
export async function enrollNewStudent(tx: Tx, userId: string, joinCode: string | undefined) {
  if (!(await readCourseIfSeeded(tx))) return;
  const section = joinCode ? await sectionForCode(tx, joinCode) : await openSignupSection(tx);
  if (joinCode && !section) throw new JoinCodeError();
  if (section) await tx.enrollment.create({ data: { userId, courseId: section.courseId, sectionId: section.id, activeCourseId: section.courseId }, select: { id: true } });
}

/** A signed-in student joins a section with its code (or link). */
export async function joinWithCode(student: CurrentUser, joinCode: string) {
  if (student.role !== "student") throw new DomainError(403, "Enrollment codes are for students. Staff are added to a section by a coordinator.");
  return retryOnConflict(() => db.$transaction(async (tx) => {
    const section = await sectionForCode(tx, joinCode);
    if (!section) throw new JoinCodeError();
    const result = await enrollInTx(tx, student.id, section);
    if (result.changed) await recordAudit({ actorId: student.id, action: "enrollment.join", targetType: "Section", targetId: section.id, detail: { from: result.from, pastRun: result.pastRun } }, tx);
    return { section, changed: result.changed, startedOver: result.pastRun !== null };
  }));
}

/** The student's current section, for their own pages. */
export async function activeSectionOf(userId: string) {
  const course = await getCourse();
  const row = await db.enrollment.findFirst({
    where: { userId, activeCourseId: course.id },
    select: { startedAt: true, section: { select: { id: true, name: true, termStart: true, termEnd: true, timeZone: true } } },
  });
  return row ? { ...row.section, joinedAt: row.startedAt } : null;
}

/**
 * Moves a student to another section. A coordinator may move anyone; an instructor only
 * a student of a section they teach now, into another section they teach.
 */
export async function moveStudent(viewer: CurrentUser, studentId: string, sectionId: string) {
  const notFound = new DomainError(404, "No such student or section.");
  if (!(await canSeeStudent(viewer, studentId)) || !(await canManageSection(viewer, sectionId))) throw notFound;
  const course = await getCourse();
  return retryOnConflict(() => db.$transaction(async (tx) => {
    const current = await tx.enrollment.findFirst({ where: { userId: studentId, activeCourseId: course.id }, select: { sectionId: true } });
    if (viewer.role !== "coordinator" && current && !(await canManageSection(viewer, current.sectionId))) throw notFound;
    const result = await enrollInTx(tx, studentId, { id: sectionId, courseId: course.id });
    if (result.changed) await recordAudit({ actorId: viewer.id, action: "enrollment.move", targetType: "User", targetId: studentId, detail: { from: result.from, to: sectionId, pastRun: result.pastRun } }, tx);
    return result;
  }));
}
