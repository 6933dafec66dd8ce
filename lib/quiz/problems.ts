// Why an answer was refused, worded once. The no-JavaScript form carries a problem's
// code across its redirect (`?problem=<question>&reason=<code>`), the page shows its text.
export const ANSWER_PROBLEMS = {
  positions: "Give every item a different position, using each number once.",
  option: "That option is not part of this question.",
  repeated: "Each option can be picked once.",
  match: "That match is not part of this question.",
  shape: "That answer does not fit this question.",
  size: "That answer is too large or too deeply nested.",
  question: "That question is not part of this attempt.",
} as const;
export type AnswerProblem = keyof typeof ANSWER_PROBLEMS;

/** The code of a problem message (for the redirect), "shape" for any other refusal. */
export function problemCodeOf(message: string): AnswerProblem {
  const found = (Object.keys(ANSWER_PROBLEMS) as AnswerProblem[]).find((code) => message.startsWith(ANSWER_PROBLEMS[code]));
  return found ?? "shape";
}

/** The text for a code from the address bar; anything unknown reads as a generic refusal. */
export function problemText(code: string | undefined): string {
  // Own keys only: "__proto__" or "toString" from the address bar must not reach the page.
  return code && Object.hasOwn(ANSWER_PROBLEMS, code) ? ANSWER_PROBLEMS[code as AnswerProblem] : ANSWER_PROBLEMS.shape;
}
