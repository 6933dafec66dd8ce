// What Casebook owes an LMS gradebook (AGS 2.0, issue 15), as pure rules: which activity a
// launch's page is, the score each activity carries, when a changed score must be posted
// again, and how long a failed post waits. Unit tested here; lib/lti/scores.ts does the I/O.

/** The course's milestone as a grade: 100 once the student is internship ready. */
export const READINESS_ACTIVITY = "readiness";
export const quizActivity = (slug: string) => `quiz:${slug}`;
/** A written assignment's released grade (issue 17, ADR 0023). */
export const assignmentActivity = (slug: string) => `assignment:${slug}`;

/**
 * The graded activity a page on this site is, or null (a lesson, the glossary). A launch
 * of a quiz's or an assignment's page names its grade column (the lineitem claim), so
 * the activity must be known here for the column to be remembered.
 */
export function activityOfPath(path: string, quizSlugs: ReadonlySet<string>, assignmentSlugs: ReadonlySet<string> = new Set()): string | null {
  const pathname = path.split(/[?#]/)[0].replace(/\/+$/, "") || "/";
  const quiz = /^\/quizzes\/([^/]+)$/.exec(pathname);
  if (quiz) return quizSlugs.has(decodeURIComponent(quiz[1])) ? quizActivity(decodeURIComponent(quiz[1])) : null;
  const assignment = /^\/assignments\/([^/]+)$/.exec(pathname);
  if (assignment) return assignmentSlugs.has(decodeURIComponent(assignment[1])) ? assignmentActivity(decodeURIComponent(assignment[1])) : null;
  return ["/", "/course", "/readiness"].includes(pathname) ? READINESS_ACTIVITY : null;
}

/** Every score is out of 100 (a percent), so the LMS column never needs rescaling when a quiz changes. */
export const SCORE_MAXIMUM = 100;

export type OwedScore = { activity: string; scoreGiven: number; scoreMaximum: number; activityProgress: "Completed"; gradingProgress: "FullyGraded" };

const percentScore = (activity: string, percent: number): OwedScore => ({ activity, scoreGiven: Math.round(percent * 100) / 100, scoreMaximum: SCORE_MAXIMUM, activityProgress: "Completed", gradingProgress: "FullyGraded" });

/**
 * The scores a student's current run carries: each quiz's best graded attempt (the same
 * best-attempt rule the course uses everywhere, passed in), each assignment's released
 * grade (the rule of lib/assignments/rubric.ts releasedGradeOf, applied by the caller: null
 * until a grade is released) and readiness once reached. A quiz never attempted, an
 * assignment without a released grade, or readiness not yet reached owes nothing: the LMS
 * column stays empty rather than showing a zero the student has not earned.
 */
export function owedScores(
  quizzes: { id: string; slug: string }[],
  best: ReadonlyMap<string, { percent: number | null }>,
  readyAt: Date | null,
  written: { slug: string; percent: number | null }[],
): OwedScore[] {
  const owed: OwedScore[] = [];
  for (const quiz of quizzes) {
    const percent = best.get(quiz.id)?.percent;
    if (percent === undefined || percent === null) continue;
    owed.push(percentScore(quizActivity(quiz.slug), percent));
  }
  for (const assignment of written) if (assignment.percent !== null) owed.push(percentScore(assignmentActivity(assignment.slug), assignment.percent));
  if (readyAt) owed.push({ activity: READINESS_ACTIVITY, scoreGiven: SCORE_MAXIMUM, scoreMaximum: SCORE_MAXIMUM, activityProgress: "Completed", gradingProgress: "FullyGraded" });
  return owed;
}

/** A queued score needs posting again only when what it says changed. */
export const scoreChanged = (queued: { scoreGiven: number; scoreMaximum: number }, owed: OwedScore) => queued.scoreGiven !== owed.scoreGiven || queued.scoreMaximum !== owed.scoreMaximum;

/**
 * The timestamp a new score carries: now, but always after the previous one, so the
 * platform (which keeps the score with the latest timestamp) never lets an older post that
 * arrives late win over a newer one, even if clocks of two instances disagree.
 */
export function nextScoredAt(previous: Date | null, now: Date): Date {
  return previous && previous.getTime() >= now.getTime() ? new Date(previous.getTime() + 1) : now;
}

/** Tries before a score is marked failed (it stays queued; an instructor can resend it). */
export const MAX_SCORE_TRIES = 10;

/** The wait after the n-th failed post: 30 s, 1, 2, 4 … minutes, at most an hour (ten tries last about four hours). */
export function scoreRetryDelayMs(failedTries: number): number {
  return Math.min(60 * 60_000, 30_000 * 2 ** Math.max(0, failedTries - 1));
}

export type PostOutcome = "sent" | "retry" | "refused" | "reauthorize";

/**
 * What an answer to a post means (AGS 2.0 §3.4, RFC 6749 for the token): 2xx taken; 401 the
 * token was refused (get a fresh one, then retry); 408, 425, 429 and 5xx the platform is
 * busy or down (retry later); any other 4xx the platform refuses this score as sent, and
 * sending it again unchanged would fail again (shown to the instructor, who can resend).
 */
export function outcomeOf(status: number): PostOutcome {
  if (status >= 200 && status < 300) return "sent";
  if (status === 401) return "reauthorize";
  if (status === 408 || status === 425 || status === 429 || status >= 500) return "retry";
  return "refused";
}

/** The score service of a line item: its URL with /scores added to the path, the query kept (AGS 2.0 §3.4). */
export function scoresUrl(lineItemUrl: string): string {
  const url = new URL(lineItemUrl);
  url.pathname = `${url.pathname.replace(/\/+$/, "")}/scores`;
  return url.toString();
}

type Titled = { slug: string; title: string };

/** The title an activity is shown by: the quiz's or the assignment's, or the milestone's name. */
export function activityTitle(activity: string, course: { quizzes: Titled[]; assignments: Titled[] }): string {
  if (activity === READINESS_ACTIVITY) return "Internship ready";
  return course.quizzes.find((q) => quizActivity(q.slug) === activity)?.title ?? course.assignments.find((a) => assignmentActivity(a.slug) === activity)?.title ?? activity;
}

/** The line item Casebook makes for an activity when the LMS has none (label, maximum, resourceId and tag). */
export function lineItemFor(activity: string, course: { quizzes: Titled[]; assignments: Titled[] }) {
  const title = activityTitle(activity, course);
  return { label: `Casebook: ${title}`, scoreMaximum: SCORE_MAXIMUM, resourceId: activity, tag: "casebook" };
}
