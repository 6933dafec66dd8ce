import "server-only";
import { db } from "@/lib/db";
import type { CurrentUser } from "@/lib/auth/session";
import { parseCourseConfig } from "@/lib/course/config";
import { bestAttemptIds, loadMilestones, objectiveEvidence, readinessInputOf, type StudentFacts } from "@/lib/course/facts";
import { getCourse, getStructure } from "@/lib/course/structure";
import { getOwnFacts } from "@/lib/progress";
import { evaluateReadiness, type ReadinessInput } from "./rules";

export { newCertificateCode } from "@/lib/course/record";

/** The student's facts and readiness input (reads only). */
async function readinessFacts(user: CurrentUser): Promise<{ facts: StudentFacts; input: ReadinessInput }> {
  const course = await getCourse();
  const [structure, own, milestones] = await Promise.all([
    getStructure(course.id),
    getOwnFacts(user),
    loadMilestones(db, course.id, [user.id]).then((m) => m.get(user.id)!),
  ]);
  // Progress and attempts come from the request's cached read (the outline shares it).
  const facts = { ...own, ...milestones };
  return { facts, input: readinessInputOf(structure, facts, await objectiveEvidence(db, bestAttemptIds(facts))) };
}

/** Gathers everything the readiness rule needs for one student (reads only). */
export async function readinessInput(user: CurrentUser): Promise<ReadinessInput> {
  return (await readinessFacts(user)).input;
}

/**
 * The student's readiness as pages show it: evaluated, with the recorded milestone and
 * certificate. It never writes: readiness is recorded by the events that change it
 * (lib/course/record.ts), so viewing a page, or an instructor viewing a student, cannot
 * issue a certificate.
 */
export async function getReadiness(user: CurrentUser) {
  const course = await getCourse();
  const config = parseCourseConfig(course.config);
  const [{ facts, input }, certificate] = await Promise.all([
    readinessFacts(user),
    db.certificate.findUnique({
      where: { userId_courseId: { userId: user.id, courseId: course.id } },
      select: { code: true, issuedAt: true, revokedAt: true, revokedReason: true, withdrawnAt: true, holderName: true },
    }),
  ]);
  return { ...evaluateReadiness(input, config), reachedAt: facts.readyAt, certificate, config };
}
