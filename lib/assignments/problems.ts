// What the student is told when written work is refused, worded once: the domain returns
// these messages, the pages show them again from a short code in the address (never text
// taken from the address itself).
export const ASSIGNMENT_PROBLEMS = {
  notFound: "We could not find that assignment.",
  submitted: "This version is already submitted. Start a new version to resubmit, if the assignment allows it.",
  stale: "A newer version of this draft was saved, perhaps in another window. Reload the page to carry on from it.",
  changed: "Your draft changed after you reviewed it, perhaps in another window. Review it again before submitting.",
  released: "Your grade for this assignment has been released, so it takes no more submissions.",
  empty: "There is nothing to submit yet: write your draft first.",
  limits: "It is not within the word limits yet.",
} as const;

export type AssignmentProblem = keyof typeof ASSIGNMENT_PROBLEMS;

/** The code of a refusal's message, for the address; word-limit messages (422) differ by count, so they share one code. */
export function problemCodeOf(failure: { status: number; message: string }): AssignmentProblem | "other" {
  if (failure.status === 422) return "limits";
  const found = (Object.keys(ASSIGNMENT_PROBLEMS) as AssignmentProblem[]).find((code) => ASSIGNMENT_PROBLEMS[code] === failure.message);
  return found ?? "other";
}

export function problemMessage(code: string | undefined): string | null {
  if (!code) return null;
  return Object.hasOwn(ASSIGNMENT_PROBLEMS, code) ? ASSIGNMENT_PROBLEMS[code as AssignmentProblem] : "That could not be done. Reload the page to see where your work stands.";
}
