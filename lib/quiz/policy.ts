// Per-student quiz limits: the quiz's own policy plus any accommodation.
export type QuizPolicy = { maxAttempts: number; timeLimitSeconds: number | null; reviewPolicy: string };
export type Accommodation = { timeMultiplier: number; extraAttempts: number };

/** Seconds after the deadline during which a submit still counts (network latency). */
export const GRACE_SECONDS = 10;

export function effectiveLimits(quiz: QuizPolicy, accommodation: Accommodation | null) {
  const multiplier = accommodation?.timeMultiplier ?? 1;
  return {
    maxAttempts: quiz.maxAttempts + (accommodation?.extraAttempts ?? 0),
    timeLimitSeconds: quiz.timeLimitSeconds ? Math.round(quiz.timeLimitSeconds * multiplier) : null,
  };
}

export function deadlineFor(startedAt: Date, timeLimitSeconds: number | null): Date | null {
  return timeLimitSeconds ? new Date(startedAt.getTime() + timeLimitSeconds * 1000) : null;
}

export function isPastGrace(deadlineAt: Date | null, now = new Date()): boolean {
  return deadlineAt !== null && now.getTime() > deadlineAt.getTime() + GRACE_SECONDS * 1000;
}
