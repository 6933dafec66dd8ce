// Item-quality measures for the course's quizzes (issue 16), pure so a test can hold the
// content to them and a unit test can hold them to their definitions. The thresholds live
// here too, each with the reason for its number: one place to read, one place to change.
import type { QuestionFile } from "./quiz-schema";

export const QUALITY = {
  /** No option position holds the key in more than this share of single-choice items (chance with four options: 25%). */
  maxKeyPositionShare: 0.35,
  /** …and each of the first four positions holds it in at least this share, so "never the first option" is no cue either. */
  minKeyPositionShare: 0.15,
  /** True/false items: the share of "true" keys stays in this band, so answering "false" throughout earns no more than chance. */
  trueShare: [0.4, 0.6] as const,
  /** The right option is the strictly longest in at most this share of single-choice items (chance with four options: 25%). */
  maxLongestKeyShare: 0.25,
  /** Absolute words ("only", "never", "always" …) may appear in wrong options at most this much more often than in right ones. */
  maxAbsoluteWordGap: 0.05,
  /** Every quiz: at least this share of its items set a situation in a law office (scenario items), not recall. */
  minScenarioShare: 1 / 3,
  /** Every lesson objective is measured by at least this many items, at least one of them above recall. */
  minItemsPerObjective: 2,
  /** At least this share of lesson objectives sit at the apply or analyse level. */
  minHigherObjectiveShare: 0.25,
  /** A final item counts as a near-copy of a lesson item when this share of its prompt's word pairs are in one lesson prompt. */
  nearCopyOverlap: 0.6,
  /** At most this share of the final's bank may be near-copies of lesson items (whose keys students have seen). */
  maxNearCopyShare: 0.1,
  /** Across forms of the final, the number of items of any type varies by at most this much. */
  maxTypeSpreadAcrossForms: 1,
} as const;

export const ABSOLUTE_WORDS = /\b(only|never|always|guarantee[sd]?|all|none|every|entirely|completely|impossible)\b/i;

type Choice = { text: string; correct: boolean };
type SingleItem = Extract<QuestionFile, { type: "single" }>;

const singles = (items: QuestionFile[]) => items.filter((q): q is SingleItem => q.type === "single");

/** The share of single-choice items whose key sits at each option position (0-based), over items with at least four options. */
export function keyPositionShares(items: QuestionFile[]): number[] {
  const four = singles(items).filter((q) => q.options.length >= 4);
  const counts = [0, 0, 0, 0];
  for (const q of four) {
    const at = q.options.findIndex((o) => o.correct);
    if (at < 4) counts[at]++;
  }
  return counts.map((c) => (four.length ? c / four.length : 0));
}

/** The share of true/false items whose answer is true (null without any). */
export function trueShare(items: QuestionFile[]): number | null {
  const tf = items.filter((q) => q.type === "true_false");
  return tf.length ? tf.filter((q) => q.answer).length / tf.length : null;
}

/** The share of single-choice items whose right option is strictly longer than every wrong one. */
export function longestKeyShare(items: QuestionFile[]): number {
  const list = singles(items);
  const longest = list.filter((q) => {
    const key = q.options.find((o) => o.correct)!.text.length;
    return q.options.every((o) => o.correct || o.text.length < key);
  });
  return list.length ? longest.length / list.length : 0;
}

/** How often absolute words appear in wrong options, and in right ones (single and multiple choice). */
export function absoluteWordRates(items: QuestionFile[]): { wrong: number; right: number } {
  const options: Choice[] = items.flatMap((q) => (q.type === "single" || q.type === "multiple" ? q.options : []));
  const rate = (list: Choice[]) => (list.length ? list.filter((o) => ABSOLUTE_WORDS.test(o.text)).length / list.length : 0);
  return { wrong: rate(options.filter((o) => !o.correct)), right: rate(options.filter((o) => o.correct)) };
}

/** The share of items that are scenario items. */
export function scenarioShare(items: QuestionFile[]): number {
  return items.length ? items.filter((q) => q.scenario).length / items.length : 0;
}

const HIGHER = new Set(["apply", "analyse"]);
export const isAboveRecall = (level: string) => level !== "remember";
export const isHigherOrder = (level: string) => HIGHER.has(level);

/** Objectives measured by too few items, with none above recall, or (for an apply/analyse objective) with no item at that level. */
export function objectiveGaps(objectives: { id: string; level: string }[], items: QuestionFile[]): string[] {
  const gaps: string[] = [];
  for (const o of objectives) {
    const aligned = items.filter((q) => q.objective === o.id);
    if (aligned.length < QUALITY.minItemsPerObjective) gaps.push(`${o.id}: ${aligned.length} item(s)`);
    else if (!aligned.some((q) => isAboveRecall(q.level))) gaps.push(`${o.id}: every item is recall`);
    if (isHigherOrder(o.level) && !aligned.some((q) => isHigherOrder(q.level))) gaps.push(`${o.id}: an ${o.level} objective with no item at that level`);
  }
  return gaps;
}

const pairsOf = (text: string) => {
  const words = text.toLowerCase().replace(/[^a-z0-9 ]+/g, " ").split(/\s+/).filter(Boolean);
  return new Set(words.slice(1).map((w, i) => `${words[i]} ${w}`));
};

/** Final items whose prompt shares most of its word pairs with one lesson item's prompt. */
export function nearCopies(finalItems: QuestionFile[], lessonItems: QuestionFile[]): { final: string; lesson: string; overlap: number }[] {
  const lessonPairs = lessonItems.map((q) => ({ key: q.key, pairs: pairsOf(q.prompt) }));
  const copies: { final: string; lesson: string; overlap: number }[] = [];
  for (const f of finalItems) {
    const mine = pairsOf(f.prompt);
    if (mine.size === 0) continue;
    let best = { lesson: "", overlap: 0 };
    for (const l of lessonPairs) {
      const shared = [...mine].filter((p) => l.pairs.has(p)).length / mine.size;
      if (shared > best.overlap) best = { lesson: l.key, overlap: shared };
    }
    if (best.overlap >= QUALITY.nearCopyOverlap) copies.push({ final: f.key, ...best });
  }
  return copies;
}
