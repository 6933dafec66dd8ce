import "server-only";
import { db } from "@/lib/db";
import { retryOnConflict } from "@/lib/db/retry";
import type { CurrentUser } from "@/lib/auth/session";
import { recordStudentChanges } from "@/lib/course/record";
import { getCourse } from "@/lib/course/structure";
import type { SelfAssessmentInput } from "./schemas";
import { CURRENT_RUN } from "@/lib/progress/runs";

export async function getSelfAssessment(user: CurrentUser) {
  const course = await getCourse();
  const row = await db.skillsSelfAssessment.findUnique({
    where: { userId_courseId_pastRun: { userId: user.id, courseId: course.id, pastRun: CURRENT_RUN } },
    select: { ratings: true, specialization: true, updatedAt: true },
  });
  return row ? { ratings: JSON.parse(row.ratings) as Record<string, number>, specialization: row.specialization, updatedAt: row.updatedAt } : null;
}

export async function saveSelfAssessment(user: CurrentUser, input: SelfAssessmentInput) {
  if (user.role !== "student") throw new Error("Only students complete the self-assessment.");
  const course = await getCourse();
  const data = { ratings: JSON.stringify(input.ratings), specialization: input.specialization };
  // The last requirement met records readiness (and issues the certificate) with the save.
  await retryOnConflict(() => db.$transaction(async (tx) => {
    await tx.skillsSelfAssessment.upsert({
      where: { userId_courseId_pastRun: { userId: user.id, courseId: course.id, pastRun: CURRENT_RUN } },
      create: { userId: user.id, courseId: course.id, ...data },
      update: data,
      select: { id: true },
    });
    await recordStudentChanges(tx, [user.id]);
  }));
}
