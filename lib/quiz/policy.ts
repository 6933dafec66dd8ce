// Per-student quiz limits: the quiz's policy under the student's rules (their section's
// choices within the course's bounds), plus any accommodation.
import { quizPolicyFor, type CourseRules, type QuizDefaults } from "@/lib/course/rules";

export type Accommodation = { timeMultiplier: number; extraAttempts: number };

/** Seconds after the deadline during which a submit still counts (network latency). */
export const GRACE_SECONDS = 10;

export function effectiveLimits(quiz: QuizDefaults, rules: CourseRules, accommodation: Accommodation | null) {
  const policy = quizPolicyFor(quiz, rules);
  const multiplier = accommodation?.timeMultiplier ?? 1;
  return {
    maxAttempts: policy.maxAttempts + (accommodation?.extraAttempts ?? 0),
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
