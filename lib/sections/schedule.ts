import "server-only";
// Dates per section and extensions per student (issue 14). Entered as days in the
// section's time zone: a quiz opens at the start of its open day and is due at the end of
// its due day there. Every change is audited; an extension mails the student.
import { db } from "@/lib/db";
import { recordAudit } from "@/lib/audit";
import { DomainError } from "@/lib/boundary/errors";
import type { CurrentUser } from "@/lib/auth/session";
import { getCourse } from "@/lib/course/structure";
import { retryOnConflict } from "@/lib/db/retry";
import { deliverSoon, queueMail } from "@/lib/mail";
import type { Tx } from "@/lib/db";
import { deadlineFor, effectiveLimits } from "@/lib/quiz/policy";
import { parseCourseConfig, parseSectionSettings } from "@/lib/course/config";
import { rulesFor } from "@/lib/course/rules";
import { attemptDeadline, formatInZone, isLatePolicy, type LatePolicy } from "./dates";
import { canManageSection, canSeeStudent } from "./scope";
import { dayIn, endOfDayIn, startOfDayIn } from "./terms";

/** Each quiz of the course with its dates in this section, as days in the section's zone. Null: not the viewer's. */
export async function getSectionSchedule(viewer: CurrentUser, sectionId: string) {
  if (!(await canManageSection(viewer, sectionId))) return null;
  const course = await getCourse();
  const [section, quizzes] = await Promise.all([
    db.section.findUniqueOrThrow({ where: { id: sectionId }, select: { timeZone: true, quizDates: { select: { quizId: true, opensAt: true, dueAt: true, latePolicy: true } } } }),
    db.quiz.findMany({ where: { courseId: course.id }, select: { id: true, title: true, kind: true }, orderBy: { position: "asc" } }),
  ]);
  const byQuiz = new Map(section.quizDates.map((d) => [d.quizId, d]));
  return quizzes.map((q) => {
    const d = byQuiz.get(q.id);
    return {
      ...q,
      opensOn: d?.opensAt ? dayIn(d.opensAt, section.timeZone) : "",
      dueOn: d?.dueAt ? dayIn(d.dueAt, section.timeZone) : "",
      latePolicy: (d && isLatePolicy(d.latePolicy) ? d.latePolicy : "accept_late") as LatePolicy,
      dueText: d?.dueAt ? formatInZone(d.dueAt, section.timeZone) : null,
    };
  });
}

export async function setQuizDates(viewer: CurrentUser, input: { sectionId: string; quizId: string; opensOn: string | null; dueOn: string | null; latePolicy: LatePolicy }) {
  if (!(await canManageSection(viewer, input.sectionId))) throw new DomainError(404, "No such section.");
  const course = await getCourse();
  const quiz = await db.quiz.findFirst({ where: { id: input.quizId, courseId: course.id }, select: { id: true } });
  if (!quiz) throw new DomainError(404, "No such quiz.");
  await retryOnConflict(() => db.$transaction(async (tx) => {
    const { timeZone } = await tx.section.findUniqueOrThrow({ where: { id: input.sectionId }, select: { timeZone: true } });
    const key = { sectionId_quizId: { sectionId: input.sectionId, quizId: input.quizId } };
    const before = await tx.sectionQuizDates.findUnique({ where: key, select: { opensAt: true, dueAt: true, latePolicy: true } });
    const data = {
      opensAt: input.opensOn ? startOfDayIn(input.opensOn, timeZone) : null,
      dueAt: input.dueOn ? endOfDayIn(input.dueOn, timeZone) : null,
      latePolicy: input.latePolicy,
    };
    if (!data.opensAt && !data.dueAt) await tx.sectionQuizDates.deleteMany({ where: { sectionId: input.sectionId, quizId: input.quizId } });
    else await tx.sectionQuizDates.upsert({ where: key, create: { sectionId: input.sectionId, quizId: input.quizId, ...data }, update: data, select: { quizId: true } });
    await recordAudit({ actorId: viewer.id, action: "section.dates", targetType: "Section", targetId: input.sectionId, detail: { quizId: input.quizId, before, after: data } }, tx);
    await refreshOpenDeadlines(tx, input.quizId, { sectionId: input.sectionId });
  }));
}

/**
 * Open attempts follow a change of dates: each one's deadline is computed again from its
 * start, the time limit it began with and the dates that now apply, so
 * an attempt begun before a closing due date was set ends at that date, and one capped at
 * the old date gets the extension's. The server then ends it by the usual deadline rules.
 */
export async function refreshOpenDeadlines(tx: Tx, quizId: string, whose: { sectionId: string } | { userId: string }) {
  const quiz = await tx.quiz.findUniqueOrThrow({ where: { id: quizId }, select: { courseId: true, kind: true, maxAttempts: true, timeLimitSeconds: true, reviewPolicy: true, course: { select: { config: true } } } });
  const open = await tx.quizAttempt.findMany({
    where: {
      quizId,
      status: "in_progress",
      user: "sectionId" in whose ? { enrollments: { some: { sectionId: whose.sectionId, activeCourseId: quiz.courseId } } } : { id: whose.userId },
    },
    select: { id: true, userId: true, startedAt: true, deadlineAt: true, timeLimitSeconds: true },
  });
  if (open.length === 0) return;
  // One read per kind for every open attempt's student, not three per attempt.
  const userIds = [...new Set(open.map((a) => a.userId))];
  const [enrollments, extensions, accommodations] = await Promise.all([
    tx.enrollment.findMany({ where: { userId: { in: userIds }, activeCourseId: quiz.courseId }, select: { userId: true, section: { select: { timeZone: true, settings: true, quizDates: { where: { quizId }, select: { opensAt: true, dueAt: true, latePolicy: true } } } } } }),
    tx.dueDateExtension.findMany({ where: { userId: { in: userIds }, quizId }, select: { userId: true, dueAt: true, timeMultiplier: true, extraAttempts: true } }),
    tx.accommodation.findMany({ where: { userId: { in: userIds }, courseId: quiz.courseId }, select: { userId: true, timeMultiplier: true, extraAttempts: true } }),
  ]);
  const enrollmentOf = new Map(enrollments.map((e) => [e.userId, e]));
  const config = parseCourseConfig(quiz.course.config);
  const extensionOf = new Map(extensions.map((x) => [x.userId, x]));
  const accommodationOf = new Map(accommodations.map((a) => [a.userId, a]));
  for (const attempt of open) {
    const [enrollment, extension, accommodation] = [enrollmentOf.get(attempt.userId), extensionOf.get(attempt.userId), accommodationOf.get(attempt.userId) ?? null];
    const row = enrollment?.section.quizDates[0];
    const dates =
      row || extension?.dueAt
        ? { opensAt: row?.opensAt ?? null, dueAt: row?.dueAt ?? null, latePolicy: row && isLatePolicy(row.latePolicy) ? row.latePolicy : ("accept_late" as const), extendedTo: extension?.dueAt ?? null, timeZone: enrollment?.section.timeZone ?? "UTC" }
        : undefined;
    // The time limit the attempt began with; only one begun before limits were kept with
    // attempts takes today's rules.
    const limit =
      attempt.timeLimitSeconds !== null
        ? attempt.timeLimitSeconds || null
        : effectiveLimits(quiz, rulesFor(config, parseSectionSettings(enrollment?.section.settings)), accommodation, extension ?? null).timeLimitSeconds;
    const deadlineAt = attemptDeadline(deadlineFor(attempt.startedAt, limit), dates);
    if (deadlineAt?.getTime() !== attempt.deadlineAt?.getTime()) await tx.quizAttempt.update({ where: { id: attempt.id }, data: { deadlineAt }, select: { id: true } });
  }
}

/** What to change: a field left out (or a null date) keeps the current value; `remove` ends the extension. */
export type ExtensionInput = { studentId: string; quizId: string; dueOn: string | null; extraAttempts?: number; timeMultiplier?: number; remove?: boolean };

/** "now due …, 1 extra attempt, 1.5× the time limit", for the instructor's message and the student's mail. */
export function extensionText(x: { dueText: string | null; extraAttempts: number; timeMultiplier: number }): string {
  const parts = [
    x.dueText && `now due ${x.dueText}`,
    x.extraAttempts > 0 && `${x.extraAttempts} extra attempt${x.extraAttempts === 1 ? "" : "s"}`,
    x.timeMultiplier > 1 && `${x.timeMultiplier}× the time limit`,
  ].filter(Boolean);
  return parts.length ? parts.join(", ") : "no extension";
}

/**
 * One student's extension for one quiz: a later due date (the end of that day in their
 * section's zone), extra attempts and extra time, each optional; what is not given keeps
 * its current value, and an extension with none of the three is removed. Audited, applied
 * to an open attempt's deadline, and mailed to the student, all in one transaction.
 */
export async function setExtension(viewer: CurrentUser, input: ExtensionInput) {
  if (!(await canSeeStudent(viewer, input.studentId))) throw new DomainError(404, "No such student.");
  const course = await getCourse();
  const [student, quiz, enrollment] = await Promise.all([
    db.user.findUniqueOrThrow({ where: { id: input.studentId }, select: { email: true, name: true } }),
    db.quiz.findFirst({ where: { id: input.quizId, courseId: course.id }, select: { id: true, title: true, slug: true } }),
    db.enrollment.findFirst({ where: { userId: input.studentId, activeCourseId: course.id }, select: { section: { select: { timeZone: true, quizDates: { where: { quizId: input.quizId }, select: { dueAt: true } } } } } }),
  ]);
  if (!quiz) throw new DomainError(404, "No such quiz.");
  const zone = enrollment?.section.timeZone ?? "UTC";
  const newDue = input.dueOn ? endOfDayIn(input.dueOn, zone) : null;
  const sectionDue = enrollment?.section.quizDates[0]?.dueAt;
  if (newDue && sectionDue && newDue <= sectionDue) {
    const message = `An extension must be later than the section's due date (${formatInZone(sectionDue, zone)}).`;
    throw new DomainError(400, message, { dueOn: message });
  }
  const outcome = await retryOnConflict(() => db.$transaction(async (tx) => {
    const key = { userId_quizId: { userId: input.studentId, quizId: quiz.id } };
    const before = await tx.dueDateExtension.findUnique({ where: key, select: { dueAt: true, extraAttempts: true, timeMultiplier: true } });
    const after = {
      dueAt: newDue ?? before?.dueAt ?? null,
      extraAttempts: input.extraAttempts ?? before?.extraAttempts ?? 0,
      timeMultiplier: input.timeMultiplier ?? before?.timeMultiplier ?? 1,
    };
    const removing = Boolean(input.remove) || (!after.dueAt && after.extraAttempts === 0 && after.timeMultiplier === 1);
    if (removing) await tx.dueDateExtension.deleteMany({ where: { userId: input.studentId, quizId: quiz.id } });
    else await tx.dueDateExtension.upsert({ where: key, create: { userId: input.studentId, quizId: quiz.id, ...after }, update: after, select: { quizId: true } });
    await recordAudit({ actorId: viewer.id, action: removing ? "extension.remove" : "extension.grant", targetType: "User", targetId: input.studentId, detail: { quizId: quiz.id, before, after: removing ? null : after } }, tx);
    await refreshOpenDeadlines(tx, quiz.id, { userId: input.studentId });
    const text = extensionText({ dueText: after.dueAt && formatInZone(after.dueAt, zone), extraAttempts: after.extraAttempts, timeMultiplier: after.timeMultiplier });
    if (!removing) {
      await queueMail(tx, {
        to: student.email,
        subject: `Extension granted: ${quiz.title}`,
        text: `Hello ${student.name},\n\nYour instructor granted you an extension for "${quiz.title}": ${text}.\n\nCasebook`,
      });
    }
    return { removed: removing, text };
  }));
  if (!outcome.removed) deliverSoon();
  return outcome;
}
