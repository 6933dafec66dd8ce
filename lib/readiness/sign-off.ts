import "server-only";
import { db } from "@/lib/db";
import { isUniqueViolation, retryOnConflict } from "@/lib/db/retry";
import { recordAudit } from "@/lib/audit";
import { AccessDeniedError } from "@/lib/auth/assert";
import { canSeeStudent, chooseSections } from "@/lib/sections/scope";
import type { CurrentUser } from "@/lib/auth/session";
import { parseCourseConfig } from "@/lib/course/config";
import { rebuildCourse, recordStudentChanges, REBUILD_TX_OPTIONS } from "@/lib/course/record";
import { getCourse } from "@/lib/course/structure";
import { CURRENT_RUN } from "@/lib/progress/runs";

/**
 * Students of the chosen sections who have passed the final and have no sign-off yet:
 * the ones an instructor can act on. (Sign-off is the last step, so earlier students
 * wait.) Null when the requested section is not the viewer's.
 */
export async function listAwaitingSignOff(viewer: CurrentUser, section?: string) {
  const chosen = await chooseSections(viewer, section);
  if (!chosen) return null;
  const course = await getCourse();
  const students = await db.user.findMany({
    where: {
      role: "student",
      deletedAt: null,
      ...(chosen.ids ? { summaries: { some: { sectionId: { in: chosen.ids } } } } : {}),
      signOffs: { none: { courseId: course.id, pastRun: CURRENT_RUN } },
      attempts: { some: { passed: true, pastRun: CURRENT_RUN, quiz: { courseId: course.id, kind: "final" } } },
    },
    select: { id: true, name: true, email: true },
    orderBy: { name: "asc" },
    take: 200,
  });
  return { students, chosen };
}

export async function signOffStudent(viewer: CurrentUser, studentId: string, note: string): Promise<{ ok: true } | { ok: false; message: string }> {
  if (!(await canSeeStudent(viewer, studentId))) return { ok: false, message: "No such student." };
  const course = await getCourse();
  try {
    await db.$transaction(async (tx) => {
      const row = await tx.instructorSignOff.create({ data: { studentId, courseId: course.id, instructorId: viewer.id, note }, select: { id: true } });
      await recordAudit({ actorId: viewer.id, action: "readiness.sign_off", targetType: "User", targetId: studentId, detail: { note, signOffId: row.id } }, tx);
      await recordStudentChanges(tx, [studentId]);
    });
  } catch (error) {
    if (isUniqueViolation(error)) return { ok: false, message: "That student is already signed off." };
    throw error;
  }
  return { ok: true };
}

/** Course-wide, so the coordinator's (per-section settings are issue 14's next step). */
export async function setSignOffRequired(viewer: CurrentUser, required: boolean) {
  if (viewer.role !== "coordinator") throw new AccessDeniedError("Only a course coordinator can change course-wide settings.");
  const course = await getCourse();
  const current = parseCourseConfig(course.config);
  if (current.requireInstructorSignOff === required) return;
  const config = { ...current, requireInstructorSignOff: required };
  await retryOnConflict(() => db.$transaction(async (tx) => {
    await tx.course.update({ where: { id: course.id }, data: { config: JSON.stringify(config) }, select: { id: true } });
    await recordAudit({ actorId: viewer.id, action: "course.sign_off_required", targetType: "Course", targetId: course.id, detail: { required } }, tx);
    // No longer requiring sign-off can make students ready; requiring it changes labels.
    await rebuildCourse(tx);
  }, REBUILD_TX_OPTIONS));
}
