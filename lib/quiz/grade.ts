// Grading rules, pure and unit-tested. Every function returns a fraction in [0, 1].
import { passes } from "@/lib/course/rules";
import type { AnswerKey, QuestionType, QuizResponse } from "./types";

export type Graded = { fraction: number; correct: boolean };

const full = (ok: boolean): Graded => ({ fraction: ok ? 1 : 0, correct: ok });

const UNITS = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"];
const TENS = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"];
/** Words a short answer may lead with that change nothing: "about 65 credit hours" is "65 credit hours". */
const HEDGES = new Set(["about", "approximately", "around", "roughly", "the"]);

/** "sixty five" → "65", "one hundred" → "100": number words up to 999 as digits. */
function digitsForNumberWords(words: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < words.length; i++) {
    let value: number | null = null;
    const unit = UNITS.indexOf(words[i]);
    const tens = TENS.indexOf(words[i]);
    if (tens >= 2) {
      value = tens * 10;
      const next = UNITS.indexOf(words[i + 1] ?? "");
      if (next >= 1 && next <= 9) {
        value += next;
        i++;
      }
    } else if (unit >= 0) value = unit;
    if (value !== null && words[i + 1] === "hundred") {
      value *= 100;
      i++;
    }
    out.push(value === null ? words[i] : String(value));
  }
  return out;
}

/**
 * Lower-case, trim, collapse spaces, hyphens as spaces, other punctuation dropped, number
 * words as digits, a leading "about" or "the" dropped: "  About Sixty-Five Hours. " → "65 hours".
 */
export function normalizeText(text: string): string {
  const words = text
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[\p{Pd}/]/gu, " ")
    .replace(/[^\p{L}\p{N}\s]/gu, "")
    .split(/\s+/)
    .filter(Boolean);
  while (words.length > 1 && HEDGES.has(words[0])) words.shift();
  return digitsForNumberWords(words).join(" ");
}

/**
 * The readings of a short answer: as written (brackets dropped, their words kept) and without
 * what is in brackets, so "Bureau of Labor Statistics (BLS)" reads as the name with or without
 * its abbreviation. An accepted answer also reads as its bracketed part alone ("BLS"); a
 * student's does not, or "wrong (right)" would hedge two answers.
 */
function readings(text: string, { bracketsAlone }: { bracketsAlone: boolean }): string[] {
  const found = [normalizeText(text), normalizeText(text.replace(/\([^)]*\)/g, " "))];
  if (bracketsAlone) for (const match of text.matchAll(/\(([^)]*)\)/g)) found.push(normalizeText(match[1]));
  return found.filter(Boolean);
}

/** Does the student's short answer read as one of the accepted ones? */
export function matchesAccepted(given: string, accepted: string[]): boolean {
  const wanted = new Set(accepted.flatMap((a) => readings(a, { bracketsAlone: true })));
  return readings(given, { bracketsAlone: false }).some((r) => wanted.has(r));
}

/**
 * Multiple select: each right pick earns 1/(number right), each wrong pick costs
 * 1/(number wrong), floored at zero. Ticking everything scores 0, not a pass.
 */
export function gradeMultiple(key: AnswerKey<"multiple">, optionIds: string[], response: QuizResponse<"multiple">): Graded {
  const right = new Set(key.correct);
  const picked = new Set(response.choices.filter((c) => optionIds.includes(c)));
  const wrongTotal = optionIds.length - right.size;
  let hits = 0;
  let misses = 0;
  for (const choice of picked) {
    if (right.has(choice)) hits++;
    else misses++;
  }
  const fraction = Math.max(0, hits / right.size - (wrongTotal ? misses / wrongTotal : 0));
  return { fraction: round(fraction), correct: hits === right.size && misses === 0 };
}

/** Matching: the share of items paired with their target. One target per item, so no exploit. */
export function gradeMatching(key: AnswerKey<"matching">, response: QuizResponse<"matching">): Graded {
  const items = Object.keys(key.matches);
  const hits = items.filter((item) => response.matches[item] === key.matches[item]).length;
  return { fraction: round(hits / items.length), correct: hits === items.length };
}

/** The longest run of items, in the student's order, that also stand in that order in the key (LIS of key positions). */
function longestInOrder(keyOrder: string[], order: string[]): number {
  const rank = new Map(keyOrder.map((id, i) => [id, i]));
  const tails: number[] = [];
  for (const id of order) {
    const r = rank.get(id)!;
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (tails[mid] < r) lo = mid + 1;
      else hi = mid;
    }
    tails[lo] = r;
  }
  return tails.length;
}

/**
 * Ordering: credit for the items in the right order relative to each other, the longest
 * such run (n items in order: full; one out of place among four: 2/3; reversed: 0).
 * Swapping two middle items costs one item, not everything. The order the quiz showed
 * (`shown`), left untouched, earns nothing. Must be a full permutation.
 */
export function gradeOrdering(key: AnswerKey<"ordering">, response: QuizResponse<"ordering">, shown: string[] = []): Graded {
  const order = response.order;
  const valid = order.length === key.order.length && new Set(order).size === order.length && order.every((id) => key.order.includes(id));
  if (!valid) return full(false);
  if (order.length === 1) return full(true);
  const untouched = shown.length === order.length && shown.every((id, i) => order[i] === id);
  if (untouched && shown.join() !== key.order.join()) return full(false);
  const inOrder = longestInOrder(key.order, order);
  return { fraction: round((inOrder - 1) / (order.length - 1)), correct: inOrder === order.length };
}

export function gradeResponse(type: QuestionType, key: unknown, response: unknown, optionIds: string[] = []): Graded {
  if (response === null || response === undefined) return full(false);
  switch (type) {
    case "single":
      return full((response as QuizResponse<"single">).choice === (key as AnswerKey<"single">).correct);
    case "true_false":
      return full((response as QuizResponse<"true_false">).value === (key as AnswerKey<"true_false">).answer);
    case "short_text": {
      return full(matchesAccepted((response as QuizResponse<"short_text">).text, (key as AnswerKey<"short_text">).accepted));
    }
    case "multiple":
      return gradeMultiple(key as AnswerKey<"multiple">, optionIds, response as QuizResponse<"multiple">);
    case "matching":
      return gradeMatching(key as AnswerKey<"matching">, response as QuizResponse<"matching">);
    case "ordering":
      return gradeOrdering(key as AnswerKey<"ordering">, response as QuizResponse<"ordering">, optionIds);
  }
}

export type ScoredQuestion = { points: number; fraction: number };

/** Attempt score: points earned over points possible, as a percentage with one decimal. */
export function scoreAttempt(questions: ScoredQuestion[], passMark: number) {
  const maxScore = questions.reduce((sum, q) => sum + q.points, 0);
  const score = round(questions.reduce((sum, q) => sum + q.points * q.fraction, 0));
  const percent = maxScore === 0 ? 0 : Math.round((score / maxScore) * 1000) / 10;
  return { score, maxScore, percent, passed: passes(percent, passMark) };
}

function round(n: number) {
  return Math.round(n * 10_000) / 10_000;
}
