// The course's scoring rules, pure and in one place: the pass mark, the best attempt,
// objective mastery and progress. Grading, readiness, the roster summaries, item
// analysis, the gradebook and the pages all call these; none restates them.
import type { CourseConfig, ReviewPolicy, SectionSettings } from "./config";

type PassMarks = Pick<CourseConfig, "lessonPassPercent" | "finalPassPercent">;

/**
 * The pass mark of a quiz. It is a course setting, not a property copied onto the quiz:
 * a quiz file cannot override it, so changing the configuration changes every place
 * that asks (the quiz's own `passPercent` column is no longer read).
 */
export function passMarkFor(quiz: { kind: string }, config: PassMarks): number {
  return quiz.kind === "final" ? config.finalPassPercent : config.lessonPassPercent;
}

/** Whether a score passes a pass mark; an ungraded attempt (null) never does. */
export function passes(percent: number | null | undefined, passMark: number): boolean {
  return percent !== null && percent !== undefined && percent >= passMark;
}

export type RankedAttempt = { quizId: string; percent: number | null; attemptNumber: number };

/** The better of two graded attempts: the higher percent, the earlier attempt on a tie. */
function better<T extends RankedAttempt>(a: T, b: T): T {
  const pa = a.percent ?? -1;
  const pb = b.percent ?? -1;
  if (pa !== pb) return pa > pb ? a : b;
  return a.attemptNumber <= b.attemptNumber ? a : b;
}

/** A student's best graded attempt per quiz (pass graded attempts only). */
export function bestAttempts<T extends RankedAttempt>(graded: Iterable<T>): Map<string, T> {
  const best = new Map<string, T>();
  for (const attempt of graded) {
    const current = best.get(attempt.quizId);
    best.set(attempt.quizId, current ? better(current, attempt) : attempt);
  }
  return best;
}

/** The best percent among graded attempts of one quiz; null before any. */
export function bestPercent(graded: Iterable<RankedAttempt>): number | null {
  let best: RankedAttempt | undefined;
  for (const attempt of graded) best = best ? better(best, attempt) : attempt;
  return best?.percent ?? null;
}

export type ObjectiveSums = { earned: number; possible: number };

/** Share of an objective's points earned, in percent with one decimal; null without evidence. */
export function masteryPercent(o: ObjectiveSums): number | null {
  return o.possible === 0 ? null : Math.round((o.earned / o.possible) * 1000) / 10;
}

/**
 * Mastery of an objective: the points earned on its questions in the student's best
 * attempt of each quiz reach the configured share. Compared unrounded, as
 * `earned * 100 >= percent * possible`, so the SQL in lib/items states the very same test.
 */
export function isMastered(o: ObjectiveSums, config: Pick<CourseConfig, "objectiveMasteryPercent">): boolean {
  return o.possible > 0 && o.earned * 100 >= config.objectiveMasteryPercent * o.possible;
}

/** Course progress: complete steps of the outline over all steps, rounded down. */
export function progressPercent(completed: number, total: number): number {
  return total === 0 ? 0 : Math.floor((completed / total) * 100);
}

type KindLimits = { maxAttempts?: number; timeLimitMinutes?: number };

/**
 * The rules that apply to one student: the course's, with their section's own choices
 * held within the coordinator's bounds. Every rule that differs by section (pass marks,
 * attempts, time limit, review, sign-off) is read from here, for grading, readiness, the
 * pages and the instructor's view alike.
 */
export type CourseRules = CourseConfig & { lesson: KindLimits; final: KindLimits; reviewPolicy?: ReviewPolicy };

export function rulesFor(config: CourseConfig, settings: SectionSettings | null | undefined): CourseRules {
  const bounds = config.sectionBounds;
  const s = settings ?? {};
  const within = (value: number | undefined, range: { min: number; max: number }) => (value === undefined ? undefined : Math.min(range.max, Math.max(range.min, value)));
  return {
    ...config,
    lessonPassPercent: within(s.lessonPassPercent, bounds.passPercent) ?? config.lessonPassPercent,
    finalPassPercent: within(s.finalPassPercent, bounds.passPercent) ?? config.finalPassPercent,
    writtenWorkPercent: within(s.writtenWorkPercent, bounds.passPercent) ?? config.writtenWorkPercent,
    requireInstructorSignOff: (bounds.signOffChoice ? s.requireInstructorSignOff : undefined) ?? config.requireInstructorSignOff,
    lesson: { maxAttempts: within(s.lessonMaxAttempts, bounds.maxAttempts), timeLimitMinutes: within(s.lessonTimeLimitMinutes, bounds.timeLimitMinutes) },
    final: { maxAttempts: within(s.finalMaxAttempts, bounds.maxAttempts), timeLimitMinutes: within(s.finalTimeLimitMinutes, bounds.timeLimitMinutes) },
    reviewPolicy: s.reviewPolicy && bounds.reviewPolicies.includes(s.reviewPolicy) ? s.reviewPolicy : undefined,
  };
}

/** The course's rules for someone in no section (and for pages that show the defaults). */
export function courseRules(config: CourseConfig): CourseRules {
  return rulesFor(config, null);
}

export type QuizDefaults = { kind: string; maxAttempts: number; timeLimitSeconds: number | null; reviewPolicy: string };

/** A quiz's attempts, time limit and review policy under these rules (the quiz file gives the defaults). */
export function quizPolicyFor(quiz: QuizDefaults, rules: CourseRules) {
  const own = quiz.kind === "final" ? rules.final : rules.lesson;
  return {
    maxAttempts: own.maxAttempts ?? quiz.maxAttempts,
    timeLimitSeconds: own.timeLimitMinutes !== undefined ? own.timeLimitMinutes * 60 : quiz.timeLimitSeconds,
    reviewPolicy: rules.reviewPolicy ?? quiz.reviewPolicy,
  };
}
