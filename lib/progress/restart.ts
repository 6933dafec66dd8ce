import "server-only";
// Starting the course again in a later term (issue 14, ADR 0017): the current run's rows
// are numbered as a past run in the transaction of the enrollment that starts the new one,
// so the student's pages, the roster and readiness begin from nothing while the old work,
// its readiness and its certificate stay readable (and the certificate verifiable).
import type { Tx } from "@/lib/db";
import { CURRENT_RUN, nextPastRun, startsNewRun } from "./runs";

/** Status of an attempt left unfinished when its run ended: closed, never graded, answers kept. */
export const CLOSED_UNFINISHED = "closed";

/**
 * Does enrolling this student in `sectionId` start a new run? Read inside the enrollment's
 * transaction: the section they were last in (active or ended) against the new one's term.
 */
export async function enrollmentStartsNewRun(tx: Tx, userId: string, courseId: string, sectionId: string): Promise<boolean> {
  const [last, next] = await Promise.all([
    tx.enrollment.findFirst({ where: { userId, courseId }, orderBy: [{ startedAt: "desc" }, { id: "desc" }], select: { section: { select: { termStart: true, termEnd: true } } } }),
    tx.section.findUnique({ where: { id: sectionId }, select: { termStart: true, termEnd: true } }),
  ]);
  return next !== null && startsNewRun(last?.section ?? null, next);
}

/**
 * Makes the student's current run a past one, inside `tx`, and returns its number. Its
 * open attempts close unfinished: the update takes their rows, so a grading that began
 * earlier finishes before (and is archived graded), and one that begins later finds them
 * in the past run and closed (grading and saving take only the current run's). Per-quiz extensions were granted against the old term's dates and end with it;
 * a standing accommodation is the student's own and stays. The caller rebuilds the
 * student's derived rows (roster summary, best scores) in the same transaction.
 */
export async function archiveCurrentRun(tx: Tx, userId: string, courseId: string): Promise<number> {
  const highest = await tx.enrollment.aggregate({ where: { userId, courseId }, _max: { pastRun: true } });
  const pastRun = nextPastRun(highest._max.pastRun);
  const current = { userId, pastRun: CURRENT_RUN };
  const moved = { pastRun };
  // Moved first, then closed by the new number: an attempt started between the two
  // statements stays open in the new run instead of open in the past one.
  await tx.quizAttempt.updateMany({ where: { ...current, quiz: { courseId } }, data: moved });
  await tx.quizAttempt.updateMany({ where: { userId, pastRun, status: "in_progress", quiz: { courseId } }, data: { status: CLOSED_UNFINISHED } });
  await tx.lessonProgress.updateMany({ where: { ...current, lesson: { courseId } }, data: moved });
  // Written work (issue 17, ADR 0023): every try, an open draft too, stays with the run it was
  // written in, and its grades with it (a grade belongs to its try). The new run starts at try 1.
  await tx.assignmentSubmission.updateMany({ where: { ...current, assignment: { courseId } }, data: moved });
  await tx.skillsSelfAssessment.updateMany({ where: { ...current, courseId }, data: moved });
  await tx.instructorSignOff.updateMany({ where: { studentId: userId, pastRun: CURRENT_RUN, courseId }, data: moved });
  await tx.readiness.updateMany({ where: { ...current, courseId }, data: moved });
  await tx.certificate.updateMany({ where: { ...current, courseId }, data: moved });
  await tx.enrollment.updateMany({ where: { ...current, courseId }, data: moved });
  await tx.dueDateExtension.deleteMany({ where: { userId, quiz: { courseId } } });
  return pastRun;
}
