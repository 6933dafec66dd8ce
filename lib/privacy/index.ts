import "server-only";
import { recordStudentChanges } from "@/lib/course/record";
import { randomBytes } from "node:crypto";
import { db } from "@/lib/db";
import { recordAudit } from "@/lib/audit";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import type { CurrentUser } from "@/lib/auth/session";
import { retryOnTransientLock } from "@/lib/db/retry";
import { fieldErrorsOf } from "@/lib/forms";
import { payloadOf } from "@/lib/quiz/columns";
import { describeResponse } from "@/lib/quiz/describe";
import { deleteAccountSchema } from "./schemas";
import { NO_PASSWORD } from "@/lib/lti/accounts";
import { CURRENT_RUN } from "@/lib/progress/runs";

const PAST_RUN_ANSWERS = "Withheld: from an earlier term, and you are taking the course again.";

/**
 * Everything Casebook holds about the student, as they would read it. Attempts carry
 * their totals but not per-question correctness: the review policy decides when a
 * student may see that, and a download must not get around it. Every run is included;
 * `pastRun` tells them apart (0: the current run, ADR 0017).
 */
export async function exportUserData(user: CurrentUser) {
  const profile = await db.user.findUniqueOrThrow({
    where: { id: user.id },
    select: { name: true, email: true, role: true, timeZone: true, createdAt: true, lastActiveAt: true },
  });
  const [progress, attempts, readiness, certificates, selfAssessments, accommodations, enrollments, extensions, invitations, lmsIdentities, submissions, releasedGrades] = await Promise.all([
    db.lessonProgress.findMany({
      where: { userId: user.id },
      select: { pastRun: true, startedAt: true, lastVisitedAt: true, completedAt: true, lesson: { select: { slug: true, title: true } } },
      orderBy: { startedAt: "asc" },
    }),
    db.quizAttempt.findMany({
      where: { userId: user.id },
      select: {
        pastRun: true,
        attemptNumber: true,
        status: true,
        startedAt: true,
        deadlineAt: true,
        submittedAt: true,
        percent: true,
        passed: true,
        autoSubmitted: true,
        quiz: { select: { slug: true, title: true } },
        answers: { select: { response: true, savedAt: true, question: { select: { id: true, prompt: true, type: true, payload: true } } }, orderBy: { savedAt: "asc" } },
      },
      orderBy: { startedAt: "asc" },
    }),
    db.readiness.findMany({ where: { userId: user.id }, select: { pastRun: true, reachedAt: true } }),
    db.certificate.findMany({ where: { userId: user.id }, select: { pastRun: true, code: true, holderName: true, issuedAt: true, revokedAt: true, revokedReason: true } }),
    db.skillsSelfAssessment.findMany({ where: { userId: user.id }, select: { pastRun: true, ratings: true, specialization: true, submittedAt: true, updatedAt: true } }),
    db.accommodation.findMany({ where: { userId: user.id }, select: { timeMultiplier: true, extraAttempts: true, updatedAt: true } }),
    db.enrollment.findMany({ where: { userId: user.id }, select: { pastRun: true, startedAt: true, endedAt: true, endReason: true, section: { select: { name: true } } }, orderBy: { startedAt: "asc" } }),
    db.dueDateExtension.findMany({ where: { userId: user.id }, select: { dueAt: true, extraAttempts: true, timeMultiplier: true, updatedAt: true, quiz: { select: { slug: true, title: true } } } }),
    db.invitation.findMany({ where: { OR: [{ userId: user.id }, { email: user.email.toLowerCase() }] }, select: { name: true, email: true, createdAt: true, expiresAt: true, acceptedAt: true, section: { select: { name: true } } } }),
    db.ltiIdentity.findMany({ where: { userId: user.id }, select: { subject: true, createdAt: true, platform: { select: { name: true, issuer: true } } } }),
    db.assignmentSubmission.findMany({
      where: { userId: user.id },
      select: { id: true, pastRun: true, tryNumber: true, status: true, text: true, savedAt: true, submittedAt: true, late: true, assignment: { select: { slug: true, title: true } } },
      orderBy: [{ createdAt: "asc" }, { tryNumber: "asc" }],
    }),
    // Only released grades are read at all: a held grade is the instructor's until released
    // (ADR 0023), and a download must not get around that.
    db.assignmentGrade.findMany({
      where: { releasedAt: { not: null }, submission: { userId: user.id } },
      select: { submissionId: true, levels: true, comments: true, overallComment: true, points: true, possible: true, percent: true, releasedAt: true },
    }),
  ]);
  const gradeOf = new Map(releasedGrades.map(({ submissionId, ...g }) => [submissionId, { ...g, levels: JSON.parse(g.levels) as unknown, comments: JSON.parse(g.comments) as unknown }]));
  return {
    exportedAt: new Date().toISOString(),
    profile,
    lessons: progress.map(({ lesson, ...p }) => ({ lesson: lesson.slug, title: lesson.title, ...p })),
    quizAttempts: attempts.map(({ quiz, answers, ...a }) => ({
      quiz: quiz.slug,
      title: quiz.title,
      ...a,
      // In words, never option ids: ids mean nothing to a person, and an open attempt's
      // served aliases must not be linkable to stored ids through a download.
      // A past run's answers with its totals would say which were right, while the current
      // run takes the same quizzes again (ADR 0017): they stay out of the download.
      answers: a.pastRun === CURRENT_RUN ? answers.map((x) => ({ question: x.question.prompt, answer: describeResponse(x.question.type, payloadOf(x.question), JSON.parse(x.response)), savedAt: x.savedAt })) : [],
      answersWithheld: a.pastRun === CURRENT_RUN ? undefined : PAST_RUN_ANSWERS,
    })),
    readiness: readiness.find((r) => r.pastRun === CURRENT_RUN) ?? null,
    pastRunsReadiness: readiness.filter((r) => r.pastRun !== CURRENT_RUN),
    certificates,
    skillsSelfAssessments: selfAssessments.map((s) => ({ ...s, ratings: JSON.parse(s.ratings) as unknown })),
    accommodations,
    sections: enrollments.map(({ section, ...e }) => ({ section: section.name, ...e })),
    extensions: extensions.map(({ quiz, ...x }) => ({ quiz: quiz.slug, title: quiz.title, ...x })),
    invitations: invitations.map(({ section, ...i }) => ({ section: section.name, ...i })),
    lmsIdentities: lmsIdentities.map(({ platform, ...i }) => ({ lms: platform.name, issuer: platform.issuer, ...i })),
    // Written work: every try of every run, with its grade once released (null before).
    assignmentSubmissions: submissions.map(({ id, assignment, ...s }) => ({ assignment: assignment.slug, title: assignment.title, ...s, grade: gradeOf.get(id) ?? null })),
  };
}

export type DeleteResult = { ok: true } | { ok: false; fieldErrors: Record<string, string> };

/**
 * Closes a student's account: the person disappears (name, email and password are
 * replaced, the roster and gradebook skip the row, sessions stop working) while their
 * graded answers stay, without identity, so the class's item statistics do not shift.
 * Certificates they earned stay verifiable as "withdrawn", without their name.
 */
export async function deleteAccount(user: CurrentUser, input: unknown): Promise<DeleteResult> {
  if (user.role !== "student") return { ok: false, fieldErrors: { form: "Instructor accounts are closed by your program administrator." } };
  const parsed = deleteAccountSchema.safeParse(input);
  if (!parsed.success) return { ok: false, fieldErrors: fieldErrorsOf(parsed.error) };
  const row = await db.user.findUniqueOrThrow({ where: { id: user.id }, select: { passwordHash: true } });
  // Someone who signs in only through their LMS has no password to give; their session and the typed word suffice.
  if (row.passwordHash !== NO_PASSWORD) {
    if (!parsed.data.password) return { ok: false, fieldErrors: { password: "Enter your password." } };
    if (!(await verifyPassword(row.passwordHash, parsed.data.password))) return { ok: false, fieldErrors: { password: "That password is not right." } };
  }
  const now = new Date();
  const unusable = await hashPassword(randomBytes(32).toString("base64url"));
  await retryOnTransientLock(() =>
    db.$transaction(async (tx) => {
      await tx.user.update({
        where: { id: user.id },
        data: { deletedAt: now, name: "Deleted student", email: `deleted-${user.id}@deleted.invalid`, passwordHash: unusable, lastActiveAt: null, timeZone: null },
        select: { id: true },
      });
      await tx.certificate.updateMany({ where: { userId: user.id, withdrawnAt: null }, data: { withdrawnAt: now, holderName: "Withdrawn" } });
      await tx.skillsSelfAssessment.deleteMany({ where: { userId: user.id } });
      // Written work is the person's own words (a cover letter, a reflection), not evidence
      // the class's statistics rest on: it goes, and its grades with it (the schema cascades).
      await tx.assignmentSubmission.deleteMany({ where: { userId: user.id } });
      // The enrollment ends as "closed": the section's statistics keep the graded work, its roster drops the person.
      await tx.enrollment.updateMany({ where: { userId: user.id, endedAt: null }, data: { endedAt: now, endReason: "closed", activeCourseId: null } });
      // Invitations name the person and their address: they go with the account.
      await tx.invitation.deleteMany({ where: { OR: [{ userId: user.id }, { email: user.email.toLowerCase() }] } });
      // The LMS's id for the person links the closed account to them: it goes too (a later launch makes a new account).
      await tx.ltiIdentity.deleteMany({ where: { userId: user.id } });
      // A closed account is no longer a student of the roster: the one write path drops its rows.
      await recordStudentChanges(tx, [user.id]);
      await recordAudit({ actorId: user.id, action: "account.delete", targetType: "user", targetId: user.id }, tx);
    }),
  );
  return { ok: true };
}
