// Item analysis, pure. The database supplies sums (so 100,000 attempts are never
// loaded into memory); these functions turn them into classical test statistics.

/** Below this many responses a question's statistics are reported as insufficient. */
export const MIN_RESPONSES = 20;
export const TOO_EASY = 0.9;
export const TOO_HARD = 0.3;
export const LOW_DISCRIMINATION = 0.2;

/** Sums over responses to one question: x = item score (0–1), r = rest of the attempt's score. */
export type ItemSums = { n: number; sx: number; sxx: number; sr: number; srr: number; sxr: number };

/** Facility index: the mean item score (share correct, partial credit counted). */
export function facility(s: ItemSums): number | null {
  return s.n === 0 ? null : s.sx / s.n;
}

/**
 * Discrimination: the point-biserial (Pearson) correlation between the item score and
 * the rest score (total minus this item), so an item does not correlate with itself.
 * Null when either side has no variance.
 */
export function discrimination(s: ItemSums): number | null {
  const cov = s.n * s.sxr - s.sx * s.sr;
  const vx = s.n * s.sxx - s.sx * s.sx;
  const vr = s.n * s.srr - s.sr * s.sr;
  if (s.n < 2 || vx <= 1e-12 || vr <= 1e-12) return null;
  return cov / Math.sqrt(vx * vr);
}

export type OptionCount = { id: string; text: string; isKey: boolean; count: number };

export type ItemFlag = "insufficient_data" | "too_easy" | "too_hard" | "low_discrimination" | "distractor_outdraws_key";

export const FLAG_LABELS: Record<ItemFlag, string> = {
  insufficient_data: `Insufficient data (fewer than ${MIN_RESPONSES} responses)`,
  too_easy: "Too easy",
  too_hard: "Too hard",
  low_discrimination: "Does not separate strong and weak students",
  distractor_outdraws_key: "A wrong option is chosen more often than the right one",
};

export function flagsFor(s: ItemSums, options: OptionCount[]): ItemFlag[] {
  if (s.n < MIN_RESPONSES) return ["insufficient_data"];
  const flags: ItemFlag[] = [];
  const p = facility(s)!;
  if (p >= TOO_EASY) flags.push("too_easy");
  if (p <= TOO_HARD) flags.push("too_hard");
  const d = discrimination(s);
  if (d !== null && d < LOW_DISCRIMINATION) flags.push("low_discrimination");
  const keyMax = Math.max(0, ...options.filter((o) => o.isKey).map((o) => o.count));
  if (options.some((o) => !o.isKey && o.count > keyMax)) flags.push("distractor_outdraws_key");
  return flags;
}

type Choice = { id: string; text: string };

/**
 * How often each option was chosen, from grouped responses (JSON text → count).
 * Single and multiple choice count each picked option; true/false counts True and False.
 */
export function optionCounts(type: string, payload: { options?: Choice[] }, key: Record<string, unknown>, grouped: { response: string; count: number }[]): OptionCount[] {
  if (type === "single" || type === "multiple") {
    const keyIds = new Set(type === "single" ? [key.correct as string] : (key.correct as string[]));
    const counts = new Map((payload.options ?? []).map((o) => [o.id, 0]));
    for (const { response, count } of grouped) {
      const r = safeParse(response) as { choice?: string; choices?: string[] } | null;
      const picked = r?.choice ? [r.choice] : (r?.choices ?? []);
      for (const id of new Set(picked)) if (counts.has(id)) counts.set(id, counts.get(id)! + count);
    }
    return (payload.options ?? []).map((o) => ({ id: o.id, text: o.text, isKey: keyIds.has(o.id), count: counts.get(o.id) ?? 0 }));
  }
  if (type === "true_false") {
    const tally = { true: 0, false: 0 };
    for (const { response, count } of grouped) {
      const r = safeParse(response) as { value?: boolean } | null;
      if (typeof r?.value === "boolean") tally[String(r.value) as "true" | "false"] += count;
    }
    return (["true", "false"] as const).map((v) => ({ id: v, text: v === "true" ? "True" : "False", isKey: String(key.answer) === v, count: tally[v] }));
  }
  return [];
}

function safeParse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
