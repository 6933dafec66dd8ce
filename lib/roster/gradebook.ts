import "server-only";
import { db } from "@/lib/db";
import type { CurrentUser } from "@/lib/auth/session";
import { statusOf } from "@/lib/credentials/badge";
import { CSV_BOM, csvRow } from "@/lib/csv";
import { getCourse } from "@/lib/progress";
import { DomainError } from "@/lib/boundary/errors";
import { chooseSections } from "@/lib/sections/scope";
import { CURRENT_RUN } from "@/lib/progress/runs";
import { writtenGradesOf } from "@/lib/assignments/rubric";

const BATCH = 1000;

/**
 * The gradebook of one section (or all the viewer's) as CSV lines, one row per student,
 * read in batches so a class of 10,000 never sits in memory at once. Another instructor's
 * section throws a 404 DomainError before the first line.
 */
export async function* gradebookCsv(viewer: CurrentUser, section?: string): AsyncGenerator<string> {
  const chosen = await chooseSections(viewer, section);
  if (!chosen) throw new DomainError(404, "No such section.");
  const course = await getCourse();
  const names = new Map(chosen.sections.map((s) => [s.id, s.name]));
  const quizzes = await db.quiz.findMany({ where: { courseId: course.id }, select: { id: true, title: true, kind: true }, orderBy: { position: "asc" } });
  const lessonQuizzes = quizzes.filter((q) => q.kind !== "final");
  const final = quizzes.find((q) => q.kind === "final");
  // Written work (issue 17): a column per assignment offered now, in course order.
  const assignments = await db.assignment.findMany({ where: { courseId: course.id, retiredAt: null }, select: { id: true, title: true }, orderBy: { position: "asc" } });
  yield CSV_BOM +
    csvRow(["Name", "Email", "Section", "Progress %", ...lessonQuizzes.map((q) => `${q.title} (best %)`), "Final assessment (best %)", ...assignments.map((a) => `${a.title} (%)`), "Readiness", "Ready on", "Certificate code", "Certificate status"]);
  let cursor: string | undefined;
  for (;;) {
    const students = await db.user.findMany({
      where: { role: "student", deletedAt: null, ...(chosen.ids ? { summaries: { some: { courseId: course.id, sectionId: { in: chosen.ids } } } } : {}) },
      select: {
        id: true,
        name: true,
        email: true,
        summaries: { where: { courseId: course.id }, select: { progressPercent: true, readyAt: true, sectionId: true } },
        quizBests: { select: { quizId: true, bestPercent: true } },
        certificates: { where: { courseId: course.id, pastRun: CURRENT_RUN }, select: { code: true, revokedAt: true, withdrawnAt: true } },
        // Only released grades of the current run can count; which one does is releasedGradeOf's to say.
        submissions: {
          where: { pastRun: CURRENT_RUN, assignment: { courseId: course.id }, grade: { releasedAt: { not: null } } },
          select: { assignmentId: true, tryNumber: true, grade: { select: { percent: true, releasedAt: true } } },
        },
      },
      orderBy: { id: "asc" },
      take: BATCH,
      ...(cursor ? { skip: 1, cursor: { id: cursor } } : {}),
    });
    if (students.length === 0) return;
    let chunk = "";
    for (const s of students) {
      const best = new Map(s.quizBests.map((b) => [b.quizId, b.bestPercent]));
      const summary = s.summaries[0];
      const cert = s.certificates[0];
      const written = s.submissions.map((t) => ({ assignmentId: t.assignmentId, tryNumber: t.tryNumber, percent: t.grade?.percent ?? null, releasedAt: t.grade?.releasedAt ?? null }));
      chunk += csvRow([
        s.name,
        s.email,
        summary?.sectionId ? (names.get(summary.sectionId) ?? "") : "",
        summary?.progressPercent ?? 0,
        ...lessonQuizzes.map((q) => best.get(q.id) ?? ""),
        final ? (best.get(final.id) ?? "") : "",
        ...writtenGradesOf(assignments, written).map((a) => a.percent ?? ""),
        summary?.readyAt ? "Internship ready" : "Not yet",
        summary?.readyAt ? summary.readyAt.toISOString().slice(0, 10) : "",
        cert?.code ?? "",
        cert ? statusOf(cert) : "",
      ]);
    }
    yield chunk;
    cursor = students[students.length - 1].id;
  }
}

