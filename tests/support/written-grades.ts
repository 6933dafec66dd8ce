// Written work (issue 17) for tests of what reads its grades (the LMS, the gradebook, the
// export, a new run): a submitted try written straight to its table (the editor and its
// word limits are tested with the pages), then graded and released through the real
// grading functions, so a release runs the one write path (lib/course/record.ts) as it does
// for an instructor.
import type { CurrentUser } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { releaseGrades, saveGrade } from "@/lib/assignments/grading";
import { parseRubric } from "@/lib/assignments/rubric";

/** A submitted try of the assignment `slug` (current run unless `pastRun`); its id. */
export async function submittedTry(userId: string, slug: string, { tryNumber = 1, text = "A submitted answer.", late = false, pastRun = 0 } = {}): Promise<string> {
  const assignment = await db.assignment.findFirstOrThrow({ where: { slug }, select: { id: true } });
  const row = await db.assignmentSubmission.create({
    data: { userId, assignmentId: assignment.id, pastRun, tryNumber, text, status: "submitted", draftVersion: 1, submittedAt: new Date(), late },
    select: { id: true },
  });
  return row.id;
}

/**
 * Grades a try with the same level on every criterion: `top` is full marks, `bottom` the
 * lowest level (a percent below 100). Held, not released. Returns the percent saved.
 */
export async function gradeTry(grader: CurrentUser, submissionId: string, level: "top" | "bottom", overallComment = "Graded in a test."): Promise<number> {
  const submission = await db.assignmentSubmission.findUniqueOrThrow({ where: { id: submissionId }, select: { assignment: { select: { rubric: true } } } });
  const rubric = parseRubric(submission.assignment.rubric);
  const levels = Object.fromEntries(rubric.map((c) => [c.id, (level === "top" ? c.levels[0] : c.levels[c.levels.length - 1]).id]));
  const comments = Object.fromEntries(rubric.map((c) => [c.id, `On ${c.title}.`]));
  const saved = await saveGrade(grader, { submissionId, version: 0, levels, comments, overallComment });
  if (!saved.ok) throw new Error(`grade ${submissionId}: ${saved.message}`);
  return saved.percent;
}

/** Releases one try's grade to its student. */
export async function releaseTry(grader: CurrentUser, submissionId: string) {
  const released = await releaseGrades(grader, { submissionId });
  if (!released.ok) throw new Error(`release ${submissionId}: ${released.message}`);
}
