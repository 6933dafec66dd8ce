import "server-only";
import { db } from "@/lib/db";
import { retryOnConflict } from "@/lib/db/retry";
import { recordAudit } from "@/lib/audit";
import { AccessDeniedError } from "@/lib/auth/assert";
import type { CurrentUser } from "@/lib/auth/session";
import { courseConfigSchema, parseCourseConfig, type CourseConfig } from "./config";
import { rebuildCourse, REBUILD_TX_OPTIONS } from "./record";
import { readCourse } from "./structure";

/**
 * Changes course settings (pass marks, mastery, sign-off, at-risk days). A configuration
 * change is an event like any other: the new pass marks are applied to every graded
 * attempt and every student's readiness and summary are recorded again, in the same
 * transaction as the change, so no page ever shows the old rule next to the new one.
 */
export async function changeCourseConfig(viewer: CurrentUser, patch: Partial<CourseConfig>): Promise<CourseConfig> {
  // Course-wide: one coordinator decides for every section.
  if (viewer.role !== "coordinator") throw new AccessDeniedError("Only a course coordinator can change course-wide settings.");
  return retryOnConflict(() => db.$transaction(async (tx) => {
    const course = await readCourse(tx);
    const current = parseCourseConfig(course.config);
    const next = courseConfigSchema.parse({ ...current, ...patch });
    if (JSON.stringify(next) === JSON.stringify(current)) return current;
    await tx.course.update({ where: { id: course.id }, data: { config: JSON.stringify(next) }, select: { id: true } });
    await recordAudit({ actorId: viewer.id, action: "course.config", targetType: "Course", targetId: course.id, detail: { before: current, after: next } }, tx);
    await rebuildCourse(tx);
    return next;
  }, REBUILD_TX_OPTIONS));
}
