import "server-only";
// Sections as their staff manage them: coordinators create sections, set terms and assign
// instructors; a section's instructors share, rotate and close its join code. Every
// change is audited in the transaction that makes it.
import { db } from "@/lib/db";
import { recordAudit } from "@/lib/audit";
import { AccessDeniedError, assertStaff } from "@/lib/auth/assert";
import { DomainError } from "@/lib/boundary/errors";
import type { CurrentUser } from "@/lib/auth/session";
import { retryOnConflict } from "@/lib/db/retry";
import { getCourse } from "@/lib/course/structure";
import { newJoinCode } from "./codes";
import type { SectionForm } from "./schemas";
import { canManageSection, sectionsInScope } from "./scope";
import { refreshOpenDeadlines } from "./schedule";
import { dayIn, endOfDayIn, startOfDayIn } from "./terms";

const notFound = () => new DomainError(404, "No such section.");

function assertCoordinator(viewer: CurrentUser) {
  if (viewer.role !== "coordinator") throw new AccessDeniedError("Only a course coordinator can do that.");
}

function termOf(form: SectionForm) {
  return { name: form.name, timeZone: form.timeZone, termStart: startOfDayIn(form.termStart, form.timeZone), termEnd: endOfDayIn(form.termEnd, form.timeZone) };
}

/** The sections the viewer manages, with their codes, staff and how many students each has. */
export async function listSections(viewer: CurrentUser) {
  const scope = await sectionsInScope(viewer);
  if (scope.length === 0) return [];
  const rows = await db.section.findMany({
    where: { id: { in: scope.map((s) => s.id) } },
    select: {
      id: true, joinCode: true, joinOpen: true, openSignup: true,
      instructors: { select: { user: { select: { id: true, name: true, email: true } } }, orderBy: { createdAt: "asc" } },
      _count: { select: { enrollments: { where: { endedAt: null } } } },
    },
  });
  const by = new Map(rows.map((r) => [r.id, r]));
  return scope.map((s) => {
    const row = by.get(s.id)!;
    return { ...s, joinCode: row.joinCode, joinOpen: row.joinOpen, openSignup: row.openSignup, instructors: row.instructors.map((i) => i.user), students: row._count.enrollments };
  });
}

/** One section, or null when it is not the viewer's. */
export async function getSection(viewer: CurrentUser, sectionId: string) {
  const section = (await listSections(viewer)).find((s) => s.id === sectionId);
  if (!section) return null;
  const row = await db.section.findUniqueOrThrow({ where: { id: sectionId }, select: { termStart: true, termEnd: true } });
  return { ...section, ...row };
}

export async function createSection(viewer: CurrentUser, form: SectionForm) {
  assertCoordinator(viewer);
  const course = await getCourse();
  return retryOnConflict(() => db.$transaction(async (tx) => {
    const section = await tx.section.create({ data: { courseId: course.id, joinCode: newJoinCode(), ...termOf(form) }, select: { id: true } });
    await recordAudit({ actorId: viewer.id, action: "section.create", targetType: "Section", targetId: section.id, detail: { after: form } }, tx);
    return section;
  }));
}

export async function updateSection(viewer: CurrentUser, sectionId: string, form: SectionForm) {
  assertCoordinator(viewer);
  if (!(await canManageSection(viewer, sectionId))) throw notFound();
  await db.$transaction(async (tx) => {
    const before = await tx.section.findUniqueOrThrow({ where: { id: sectionId }, select: { name: true, termStart: true, termEnd: true, timeZone: true } });
    await tx.section.update({ where: { id: sectionId }, data: termOf(form), select: { id: true } });
    // Dates were entered as days in the old zone: they stay the same days in the new one.
    if (before.timeZone !== form.timeZone) {
      const dates = await tx.sectionQuizDates.findMany({ where: { sectionId }, select: { quizId: true, opensAt: true, dueAt: true } });
      for (const d of dates) {
        await tx.sectionQuizDates.update({
          where: { sectionId_quizId: { sectionId, quizId: d.quizId } },
          data: {
            opensAt: d.opensAt ? startOfDayIn(dayIn(d.opensAt, before.timeZone), form.timeZone) : null,
            dueAt: d.dueAt ? endOfDayIn(dayIn(d.dueAt, before.timeZone), form.timeZone) : null,
          },
          select: { quizId: true },
        });
        await refreshOpenDeadlines(tx, d.quizId, { sectionId });
      }
    }
    await recordAudit({ actorId: viewer.id, action: "section.update", targetType: "Section", targetId: sectionId, detail: { before, after: form } }, tx);
  });
}

/** A new code; the old one stops working at once (a code that leaked is retired). */
export async function rotateJoinCode(viewer: CurrentUser, sectionId: string) {
  assertStaff(viewer);
  if (!(await canManageSection(viewer, sectionId))) throw notFound();
  return retryOnConflict(() => db.$transaction(async (tx) => {
    const joinCode = newJoinCode();
    await tx.section.update({ where: { id: sectionId }, data: { joinCode }, select: { id: true } });
    await recordAudit({ actorId: viewer.id, action: "section.rotateCode", targetType: "Section", targetId: sectionId }, tx);
    return joinCode;
  }));
}

export async function setJoinOpen(viewer: CurrentUser, sectionId: string, open: boolean) {
  assertStaff(viewer);
  if (!(await canManageSection(viewer, sectionId))) throw notFound();
  await db.$transaction(async (tx) => {
    await tx.section.update({ where: { id: sectionId }, data: { joinOpen: open }, select: { id: true } });
    await recordAudit({ actorId: viewer.id, action: open ? "section.openJoining" : "section.closeJoining", targetType: "Section", targetId: sectionId }, tx);
  });
}

/** Assigns an instructor account (by email) to teach a section. */
export async function addInstructor(viewer: CurrentUser, sectionId: string, email: string) {
  assertCoordinator(viewer);
  if (!(await canManageSection(viewer, sectionId))) throw notFound();
  const user = await db.user.findFirst({ where: { email, deletedAt: null }, select: { id: true, role: true } });
  if (!user || user.role !== "instructor") {
    const message = "No instructor account has that email. An operator creates instructor accounts (npm run user:create).";
    throw new DomainError(404, message, { email: message });
  }
  // A double submit races to the same row: the loser's retry finds it and changes nothing.
  await retryOnConflict(() => db.$transaction(async (tx) => {
    const exists = await tx.sectionInstructor.findUnique({ where: { sectionId_userId: { sectionId, userId: user.id } }, select: { userId: true } });
    if (exists) return;
    await tx.sectionInstructor.create({ data: { sectionId, userId: user.id }, select: { userId: true } });
    await recordAudit({ actorId: viewer.id, action: "section.addInstructor", targetType: "Section", targetId: sectionId, detail: { userId: user.id } }, tx);
  }));
}

export async function removeInstructor(viewer: CurrentUser, sectionId: string, userId: string) {
  assertCoordinator(viewer);
  if (!(await canManageSection(viewer, sectionId))) throw notFound();
  await db.$transaction(async (tx) => {
    const removed = await tx.sectionInstructor.deleteMany({ where: { sectionId, userId } });
    if (removed.count) await recordAudit({ actorId: viewer.id, action: "section.removeInstructor", targetType: "Section", targetId: sectionId, detail: { userId } }, tx);
  });
}

/**
 * Makes this the section new accounts join when they sign up without a code (at most one),
 * or, with `on` false, stops sign-ups without a code from joining any section.
 */
export async function setOpenSignup(viewer: CurrentUser, sectionId: string, on: boolean) {
  assertCoordinator(viewer);
  if (!(await canManageSection(viewer, sectionId))) throw notFound();
  const course = await getCourse();
  await db.$transaction(async (tx) => {
    await tx.section.updateMany({ where: { courseId: course.id, openSignup: true }, data: { openSignup: false } });
    if (on) await tx.section.update({ where: { id: sectionId }, data: { openSignup: true }, select: { id: true } });
    await recordAudit({ actorId: viewer.id, action: on ? "section.openSignup" : "section.noOpenSignup", targetType: "Section", targetId: sectionId }, tx);
  });
}
