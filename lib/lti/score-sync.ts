import "server-only";
// What the instructor sees of grade passback (issue 15): each score owed to the LMS for a
// student, whether it arrived, and why not; and resending. Authorized here, where the
// rows are read and written: staff who may see the student (lib/sections/scope.ts).
import { db } from "@/lib/db";
import { recordAudit } from "@/lib/audit";
import type { CurrentUser } from "@/lib/auth/session";
import { DomainError } from "@/lib/boundary/errors";
import { getCourse, getStructure } from "@/lib/course/structure";
import { canManageSection, canSeeStudent } from "@/lib/sections/scope";
import { activityTitle, assignmentActivity, nextScoredAt, quizActivity } from "./grades";
import { sendScoresSoon } from "./scores";

export type ScoreSync = {
  id: string;
  lmsCourse: string;
  activity: string;
  label: string;
  scoreGiven: number;
  scoreMaximum: number;
  status: "pending" | "sent" | "failed";
  sentAt: Date | null;
  tries: number;
  nextTryAt: Date;
  lastError: string | null;
};

const notFound = () => new DomainError(404, "No such student.");

async function mayManageScores(viewer: CurrentUser, studentId: string) {
  return viewer.role !== "student" && (await canSeeStudent(viewer, studentId));
}

/** The student's scores owed to LMS gradebooks, in course order; empty for a student not from an LMS. */
export async function scoreSyncOf(viewer: CurrentUser, studentId: string): Promise<ScoreSync[]> {
  if (!(await mayManageScores(viewer, studentId))) throw notFound();
  const [rows, structure] = await Promise.all([
    db.ltiScore.findMany({
      where: { userId: studentId },
      select: { id: true, activity: true, scoreGiven: true, scoreMaximum: true, status: true, sentAt: true, tries: true, nextTryAt: true, lastError: true, context: { select: { title: true } } },
    }),
    getCourse().then((course) => getStructure(course.id)),
  ]);
  // Course order: quizzes, then written assignments, then readiness (and anything retired) last.
  const activities = [...structure.quizzes.map((q) => quizActivity(q.slug)), ...structure.assignments.map((a) => assignmentActivity(a.slug))];
  const order = (activity: string) => {
    const i = activities.indexOf(activity);
    return i < 0 ? activities.length : i;
  };
  return rows
    .sort((a, b) => order(a.activity) - order(b.activity))
    .map((r) => ({ ...r, lmsCourse: r.context.title, label: activityTitle(r.activity, structure), status: r.status as ScoreSync["status"] }));
}

/**
 * Posts the student's scores again: failed ones after the instructor fixed the cause in
 * the LMS, or sent ones the LMS lost. Each gets a new timestamp, so the platform takes it
 * as the latest. Audited.
 */
export async function resendScores(viewer: CurrentUser, studentId: string, now = new Date()): Promise<number> {
  if (!(await mayManageScores(viewer, studentId))) throw notFound();
  const resent = await db.$transaction(async (tx) => {
    const rows = await tx.ltiScore.findMany({ where: { userId: studentId }, select: { id: true, scoredAt: true } });
    for (const row of rows) {
      await tx.ltiScore.update({
        where: { id: row.id },
        data: { status: "pending", tries: 0, nextTryAt: now, lastError: null, scoredAt: nextScoredAt(row.scoredAt, now), version: { increment: 1 } },
        select: { id: true },
      });
    }
    if (rows.length) await recordAudit({ actorId: viewer.id, action: "lti.scores_resent", targetType: "User", targetId: studentId, detail: { scores: rows.length } }, tx);
    return rows.length;
  });
  if (resent) sendScoresSoon();
  return resent;
}

export type LmsLink = { title: string; membershipsUrl: string | null; membershipsSyncedAt: Date | null; membershipsError: string | null; canPostScores: boolean; scores: Record<ScoreSync["status"], number> };

/** The LMS courses linked to a section, their roster sync and how many scores are where; for its instructors. */
export async function lmsLinksOf(viewer: CurrentUser, sectionId: string): Promise<LmsLink[]> {
  if (!(await canManageSection(viewer, sectionId))) throw new DomainError(404, "No such section.");
  const contexts = await db.ltiContext.findMany({
    where: { sectionId },
    select: { platformId: true, contextId: true, title: true, membershipsUrl: true, membershipsSyncedAt: true, membershipsError: true, canPostScores: true },
    orderBy: { createdAt: "asc" },
  });
  if (contexts.length === 0) return [];
  const counts = await db.ltiScore.groupBy({ by: ["platformId", "contextId", "status"], where: { context: { sectionId } }, _count: { _all: true } });
  return contexts.map(({ platformId, contextId, ...context }) => {
    const scores = { pending: 0, sent: 0, failed: 0 };
    for (const c of counts) if (c.platformId === platformId && c.contextId === contextId && c.status in scores) scores[c.status as ScoreSync["status"]] = c._count._all;
    return { ...context, scores };
  });
}
