// The resubmission rule for written work (issue 17), pure and in one place: the student's
// page, opening a new version and handing one in all ask here. A released grade is final
// (docs/content-format.md: a student may resubmit until the grade is released).
export type TryState = { tryNumber: number; status: string; released: boolean };

export type NewVersion = { ok: true } | { ok: false; reason: "nothing-submitted" | "draft-open" | "all-used" | "released" };

/** The student's latest try, or null before any. */
export const latestOf = <T extends { tryNumber: number }>(tries: T[]): T | null => tries.reduce<T | null>((a, t) => (!a || t.tryNumber > a.tryNumber ? t : a), null);

/** May the student open another version now? */
export function mayStartNewVersion(tries: TryState[], maxSubmissions: number): NewVersion {
  const latest = latestOf(tries);
  if (!latest) return { ok: false, reason: "nothing-submitted" };
  if (latest.status === "draft") return { ok: false, reason: "draft-open" };
  if (latest.tryNumber >= maxSubmissions) return { ok: false, reason: "all-used" };
  if (tries.some((t) => t.released)) return { ok: false, reason: "released" };
  return { ok: true };
}

/** May this version be handed in? One opened before a grade was released may not be after it. */
export function mayHandIn(tries: TryState[], tryNumber: number): boolean {
  return tryNumber === 1 || !tries.some((t) => t.released);
}
