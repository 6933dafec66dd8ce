// Grading rules, pure and unit-tested. Every function returns a fraction in [0, 1].
import { passes } from "@/lib/course/rules";
import type { AnswerKey, QuestionType, QuizResponse } from "./types";

export type Graded = { fraction: number; correct: boolean };

const full = (ok: boolean): Graded => ({ fraction: ok ? 1 : 0, correct: ok });

/** Lower-case, trim, collapse spaces, drop punctuation: "  One Percent. " → "one percent". */
export function normalizeText(text: string): string {
  return text
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s]/gu, "")
    .replace(/\s+/g, " ")
    .trim();
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

/**
 * Ordering: the share of neighbouring pairs the student kept in the right order, so
 * one misplaced item costs a little, not everything. Must be a full permutation.
 */
export function gradeOrdering(key: AnswerKey<"ordering">, response: QuizResponse<"ordering">): Graded {
  const order = response.order;
  const valid = order.length === key.order.length && new Set(order).size === order.length && order.every((id) => key.order.includes(id));
  if (!valid) return full(false);
  const position = new Map(order.map((id, i) => [id, i]));
  let kept = 0;
  for (let i = 0; i + 1 < key.order.length; i++) if (position.get(key.order[i])! + 1 === position.get(key.order[i + 1])) kept++;
  const pairs = key.order.length - 1;
  return { fraction: round(kept / pairs), correct: kept === pairs };
}

export function gradeResponse(type: QuestionType, key: unknown, response: unknown, optionIds: string[] = []): Graded {
  if (response === null || response === undefined) return full(false);
  switch (type) {
    case "single":
      return full((response as QuizResponse<"single">).choice === (key as AnswerKey<"single">).correct);
    case "true_false":
      return full((response as QuizResponse<"true_false">).value === (key as AnswerKey<"true_false">).answer);
    case "short_text": {
      const given = normalizeText((response as QuizResponse<"short_text">).text);
      return full(given.length > 0 && (key as AnswerKey<"short_text">).accepted.some((a) => normalizeText(a) === given));
    }
    case "multiple":
      return gradeMultiple(key as AnswerKey<"multiple">, optionIds, response as QuizResponse<"multiple">);
    case "matching":
      return gradeMatching(key as AnswerKey<"matching">, response as QuizResponse<"matching">);
    case "ordering":
      return gradeOrdering(key as AnswerKey<"ordering">, response as QuizResponse<"ordering">);
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
