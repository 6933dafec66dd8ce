import "server-only";
import type { Tx } from "@/lib/db";
import { bestAttempts } from "@/lib/course/rules";
import { gradedOf, outlineOf, type StudentFacts } from "@/lib/course/facts";
import type { CourseStructure } from "@/lib/course/structure";

export function searchTextOf(name: string, email: string) {
  return `${name} ${email}`.normalize("NFKC").toLowerCase();
}

export type SummaryStudent = { id: string; name: string; email: string; lastActiveAt: Date | null; sectionId: string | null };

/**
 * The roster rows of one student, from the same facts and rules as the student's own
 * pages: progress is the outline's percent, the best score is the best attempt.
 */
export function summaryRowsOf(courseId: string, structure: CourseStructure, user: SummaryStudent, facts: StudentFacts) {
  const outline = outlineOf(structure, facts);
  const graded = gradedOf(facts);
  const best = bestAttempts(graded);
  const quizBests = [...best.values()].map((b) => {
    const mine = graded.filter((a) => a.quizId === b.quizId);
    const passed = mine.some((a) => a.passed);
    return { userId: user.id, quizId: b.quizId, bestPercent: b.percent ?? 0, attempts: mine.length, failed: mine.filter((a) => !a.passed).length, passed };
  });
  const final = structure.quizzes.find((q) => q.kind === "final");
  const finalBest = final ? quizBests.find((b) => b.quizId === final.id) : undefined;
  const summary = {
    userId: user.id,
    courseId,
    searchText: searchTextOf(user.name, user.email),
    lessonsComplete: outline.steps.filter((s) => s.kind === "lesson" && s.status === "complete").length,
    quizzesPassed: outline.steps.filter((s) => s.kind === "quiz" && s.status === "complete").length,
    progressPercent: outline.percent,
    finalBest: finalBest?.bestPercent ?? null,
    finalPassed: Boolean(finalBest?.passed),
    readyAt: facts.readyAt,
    lastActiveAt: user.lastActiveAt,
    maxFailsUnpassed: Math.max(0, ...quizBests.filter((b) => !b.passed).map((b) => b.failed)),
    sectionId: user.sectionId,
  };
  return { summary, quizBests };
}

/**
 * Replaces the summary rows of these users inside the caller's transaction. Users not
 * in `students` (closed accounts, instructors) lose their rows. Only
 * lib/course/record.ts calls this: it is the one write path (ADR 0007).
 */
export async function replaceSummaries(tx: Tx, userIds: string[], rows: ReturnType<typeof summaryRowsOf>[]) {
  await tx.quizBest.deleteMany({ where: { userId: { in: userIds } } });
  await tx.studentSummary.deleteMany({ where: { userId: { in: userIds } } });
  const quizBests = rows.flatMap((r) => r.quizBests);
  if (quizBests.length) await tx.quizBest.createMany({ data: quizBests });
  if (rows.length) await tx.studentSummary.createMany({ data: rows.map((r) => r.summary) });
}

/** Activity without a full recompute (a lesson visit): only the time changes. */
export async function touchActivity(tx: Tx, userId: string, at: Date) {
  await tx.studentSummary.updateMany({ where: { userId }, data: { lastActiveAt: at } });
}
