import "server-only";
import type { CurrentUser } from "@/lib/auth/session";
import { parseCourseConfig } from "@/lib/course/config";
import { rulesFor } from "@/lib/course/rules";
import { bestAttemptIds, evidenceOf, readinessInputOf } from "@/lib/course/facts";
import type { OwnRecord } from "@/lib/course/own-record";
import { questionWeights } from "@/lib/quiz/definitions";
import { getCourse, getStructure } from "@/lib/course/structure";
import { getOwnRecord } from "@/lib/progress";
import { evaluateReadiness, type ReadinessInput } from "./rules";

export { newCertificateCode } from "@/lib/course/record";

/** The student's facts and readiness input (reads only; the request's one record read). */
async function readinessFacts(user: CurrentUser, gradeExpired = true): Promise<{ record: OwnRecord; input: ReadinessInput }> {
  const course = await getCourse();
  const [structure, record, weights] = await Promise.all([getStructure(course.id), getOwnRecord(user, gradeExpired), questionWeights()]);
  const best = new Set(bestAttemptIds(record.facts));
  const answers = record.gradedAnswers.filter((a) => best.has(a.attemptId) && weights.has(a.questionId)).map((a) => ({ score: a.score, ...weights.get(a.questionId)! }));
  return { record, input: readinessInputOf(structure, record.facts, evidenceOf(answers)) };
}

/** Gathers everything the readiness rule needs for one student (reads only). */
export async function readinessInput(user: CurrentUser): Promise<ReadinessInput> {
  return (await readinessFacts(user)).input;
}

/**
 * The student's readiness as pages show it: evaluated, with the recorded milestone and
 * certificate. Readiness is recorded only by the events that change it (lib/course/record.ts),
 * never by viewing. The one write a student's own view can cause is grading an attempt whose
 * time ran out (grading is such an event); `readOnly`, for an instructor's view of the
 * student, leaves that to the student's next request.
 */
export async function getReadiness(user: CurrentUser, { readOnly = false }: { readOnly?: boolean } = {}) {
  const course = await getCourse();
  const { record, input } = await readinessFacts(user, !readOnly);
  // The student's rules: their section's choices within the course's bounds.
  const config = rulesFor(parseCourseConfig(course.config), record.section?.settings);
  return { ...evaluateReadiness(input, config), reachedAt: record.facts.readyAt, certificate: record.certificate, config, pastRuns: record.pastRuns };
}
