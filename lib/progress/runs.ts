// A run is one pass of a student through the course. A student who repeats the course in
// a later term starts a new run: the records of the old one are numbered (pastRun 1, 2, …)
// and stay readable, while every reader of the student's progress, attempts, readiness and
// certificate reads the current run only (pastRun = CURRENT_RUN). See ADR 0017.

/** The `pastRun` of every row of the student's current run. */
export const CURRENT_RUN = 0;

type Term = { termStart: Date; termEnd: Date };

/**
 * Does joining `next` start the course afresh? Yes when the section the student was last
 * in had ended its term by the time `next` begins: a later term is a new run. A move
 * between sections of overlapping terms keeps the run (the work comes along).
 */
export function startsNewRun(last: Term | null, next: Term): boolean {
  return last !== null && last.termEnd.getTime() <= next.termStart.getTime();
}

/** The number the current run gets when it becomes past: one more than the last past run. */
export function nextPastRun(highestPastRun: number | null): number {
  return Math.max(CURRENT_RUN, highestPastRun ?? CURRENT_RUN) + 1;
}
