import "server-only";
// A section's choices for each assignment (issue 17): a due date, entered as a day in the
// section's zone and stored as the end of that day, and anonymous grading. Set by the
// section's instructors (or a coordinator), audited.
import { db } from "@/lib/db";
import { retryOnConflict } from "@/lib/db/retry";
import type { CurrentUser } from "@/lib/auth/session";
import { DomainError } from "@/lib/boundary/errors";
import { recordAudit } from "@/lib/audit";
import { getCourse } from "@/lib/course/structure";
import { canManageSection } from "@/lib/sections/scope";
import { dayIn, endOfDayIn } from "@/lib/sections/terms";
import { formatInZone } from "@/lib/sections/dates";

/** Each assignment with the section's due date and anonymity, for the section page. */
export async function getSectionAssignments(viewer: CurrentUser, sectionId: string) {
  if (!(await canManageSection(viewer, sectionId))) throw new DomainError(404, "No such section.");
  const course = await getCourse();
  const [section, assignments] = await Promise.all([
    db.section.findUniqueOrThrow({ where: { id: sectionId }, select: { timeZone: true, assignments: { select: { assignmentId: true, dueAt: true, anonymous: true } } } }),
    db.assignment.findMany({ where: { courseId: course.id, retiredAt: null }, orderBy: { position: "asc" }, select: { id: true, title: true } }),
  ]);
  const chosen = new Map(section.assignments.map((a) => [a.assignmentId, a]));
  return assignments.map((a) => {
    const c = chosen.get(a.id);
    return { id: a.id, title: a.title, dueOn: c?.dueAt ? dayIn(c.dueAt, section.timeZone) : "", dueText: c?.dueAt ? formatInZone(c.dueAt, section.timeZone) : null, anonymous: c?.anonymous ?? false };
  });
}

export async function setSectionAssignment(viewer: CurrentUser, input: { sectionId: string; assignmentId: string; dueOn: string | null; anonymous: boolean }) {
  if (!(await canManageSection(viewer, input.sectionId))) throw new DomainError(404, "No such section.");
  const course = await getCourse();
  const assignment = await db.assignment.findFirst({ where: { id: input.assignmentId, courseId: course.id, retiredAt: null }, select: { id: true } });
  if (!assignment) throw new DomainError(404, "No such assignment.");
  await retryOnConflict(() =>
    db.$transaction(async (tx) => {
      const { timeZone } = await tx.section.findUniqueOrThrow({ where: { id: input.sectionId }, select: { timeZone: true } });
      const key = { sectionId_assignmentId: { sectionId: input.sectionId, assignmentId: input.assignmentId } };
      const before = await tx.sectionAssignment.findUnique({ where: key, select: { dueAt: true, anonymous: true } });
      const data = { dueAt: input.dueOn ? endOfDayIn(input.dueOn, timeZone) : null, anonymous: input.anonymous };
      await tx.sectionAssignment.upsert({ where: key, create: { sectionId: input.sectionId, assignmentId: input.assignmentId, ...data }, update: data, select: { sectionId: true } });
      await recordAudit({ actorId: viewer.id, action: "section.assignment", targetType: "Section", targetId: input.sectionId, detail: { assignmentId: input.assignmentId, before, after: data } }, tx);
    }),
  );
}
