// Word counts for written work (issue 17): one rule, used by the editor's live count in the
// browser and by the server when it checks a submission's limits, so the two never disagree.
// No server-only import: the editor imports it.

/**
 * Words as a reader counts them: runs of letters or digits, with the apostrophes and hyphens
 * inside a word kept ("client's", "well-known" and "2023–33" are one word each); punctuation
 * and markup on their own are not words.
 */
export function countWords(text: string): number {
  return text.match(/[\p{L}\p{N}]+(?:['’\-–][\p{L}\p{N}]+)*/gu)?.length ?? 0;
}

/** What is wrong with the length, in words a student can act on; null when it is within the limits. */
export function wordLimitProblem(words: number, limits: { minWords: number; maxWords: number }): string | null {
  if (words < limits.minWords) return `Write at least ${limits.minWords} words: this has ${words}.`;
  if (words > limits.maxWords) return `Keep it to ${limits.maxWords} words: this has ${words}. Cut ${words - limits.maxWords}.`;
  return null;
}
