// Per-student quiz limits: the quiz's policy under the student's rules (their section's
// choices within the course's bounds), plus any accommodation.
import { quizPolicyFor, type CourseRules, type QuizDefaults } from "@/lib/course/rules";

/** Extra time and attempts: a standing accommodation (every quiz) or one quiz's extension. */
export type Accommodation = { timeMultiplier: number; extraAttempts: number };

/** Seconds after the deadline during which a submit still counts (network latency). */
export const GRACE_SECONDS = 10;

/**
 * A student's limits for one quiz: extra attempts from the standing accommodation and the
 * quiz's extension add up; for time, the more generous of the two applies (both are
 * "this much time in all", not to be compounded).
 */
export function effectiveLimits(quiz: QuizDefaults, rules: CourseRules, accommodation: Accommodation | null, extension: Accommodation | null = null) {
  const policy = quizPolicyFor(quiz, rules);
  const multiplier = Math.max(accommodation?.timeMultiplier ?? 1, extension?.timeMultiplier ?? 1);
  return {
    maxAttempts: policy.maxAttempts + (accommodation?.extraAttempts ?? 0) + (extension?.extraAttempts ?? 0),
    timeLimitSeconds: policy.timeLimitSeconds ? Math.round(policy.timeLimitSeconds * multiplier) : null,
    reviewPolicy: policy.reviewPolicy,
  };
}

export function deadlineFor(startedAt: Date, timeLimitSeconds: number | null): Date | null {
  return timeLimitSeconds ? new Date(startedAt.getTime() + timeLimitSeconds * 1000) : null;
}

export function isPastGrace(deadlineAt: Date | null, now = new Date()): boolean {
  return deadlineAt !== null && now.getTime() > deadlineAt.getTime() + GRACE_SECONDS * 1000;
}
