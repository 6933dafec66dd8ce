// Roster rules, pure: who is at risk, and the status filter each student falls in.
export type RosterStatus = "not_started" | "in_progress" | "at_risk" | "ready";

export const AT_RISK_FAILED_ATTEMPTS = 2;

export type AtRiskInput = { readyAt: Date | null; lastActiveAt: Date | null; joinedAt: Date; maxFailsUnpassed: number; overdue: boolean };

/**
 * At risk: not yet ready, and either no activity for `inactiveDays` days (counting
 * from sign-up when they never started), two failed attempts on a quiz they have not
 * passed, or a quiz past its due date (theirs, with any extension) and not passed.
 */
export function isAtRisk(s: AtRiskInput, inactiveDays: number, now = new Date()): boolean {
  if (s.readyAt) return false;
  const lastSeen = (s.lastActiveAt ?? s.joinedAt).getTime();
  const inactive = now.getTime() - lastSeen > inactiveDays * 24 * 60 * 60 * 1000;
  return inactive || s.maxFailsUnpassed >= AT_RISK_FAILED_ATTEMPTS || s.overdue;
}

export function rosterStatus(s: AtRiskInput & { progressPercent: number }, inactiveDays: number, now = new Date()): RosterStatus {
  if (s.readyAt) return "ready";
  if (isAtRisk(s, inactiveDays, now)) return "at_risk";
  return s.progressPercent > 0 ? "in_progress" : "not_started";
}

export const STATUS_LABELS: Record<RosterStatus, string> = {
  not_started: "Not started",
  in_progress: "In progress",
  at_risk: "At risk",
  ready: "Internship ready",
};
