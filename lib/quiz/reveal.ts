// What a review may show beyond right and wrong. An instructor may grant an extra attempt
// after the last one, so nothing that answers a question may be shown while a retake could
// bring that question back. Explanations count: they name the right answer as plainly as a
// key does, so keys and explanations are released together.
//   - Lesson links (where to study each question): once the review is final, i.e. after
//     passing or after the last attempt (or after every submit, by policy).
//   - Keys and explanations: after passing (no attempt can follow a pass), or after the last
//     attempt only when the bank still holds a full draw of questions whose keys this student
//     has not seen, which is what any later attempt then draws from.
// The key decision is made when the attempt is graded and stored on it, so granting an
// attempt later cannot turn keys already shown into keys never shown.

export type ReviewPolicy = "after_pass_or_last" | "after_submit" | "never" | string;

export type RevealInput = {
  policy: ReviewPolicy;
  /** This attempt, or an earlier one, passed. */
  passed: boolean;
  attemptsLeft: number;
  drawCount: number | null;
  /** Questions that may still be drawn. */
  bankSize: number;
  /** Distinct questions whose keys this student has seen, counting this attempt's. */
  keysSeen: number;
};

/** The review is final: it may link each question to its lesson section, and possibly more. */
export function reviewIsFinal(policy: ReviewPolicy, passed: boolean, attemptsLeft: number): boolean {
  if (policy === "never") return false;
  return policy === "after_submit" || passed || attemptsLeft <= 0;
}

/** Whether grading this attempt releases its answer key to the student. */
export function keysReleasedAtGrading(input: RevealInput): boolean {
  if (!reviewIsFinal(input.policy, input.passed, input.attemptsLeft)) return false;
  if (input.passed) return true;
  return freshDrawRemains(input.drawCount, input.bankSize, input.keysSeen);
}

/** A later attempt can be drawn entirely from questions whose keys were not shown. */
export function freshDrawRemains(drawCount: number | null, bankSize: number, keysSeen: number): boolean {
  return drawCount !== null && bankSize - keysSeen >= drawCount;
}

/**
 * The questions a new attempt may draw from: those whose keys the student has not seen.
 * Null when they no longer make a full draw (a pass mark raised after a pass, a bank that
 * shrank): no attempt may start then, since it would repeat answers already shown.
 */
export function drawableBank<Q extends { id: string }>(bank: Q[], keysSeen: Set<string>, drawCount: number | null): Q[] | null {
  if (keysSeen.size === 0) return bank;
  if (drawCount === null) return null;
  const unseen = bank.filter((q) => !keysSeen.has(q.id));
  return unseen.length >= drawCount ? unseen : null;
}

export type RetakeNote = { quizTitle: string; text: string };

/**
 * What an instructor should know before granting another attempt at a quiz the student
 * has used up without passing.
 */
export function retakeNote(quiz: { title: string; drawCount: number | null; bankSize: number }, keysSeen: number): string {
  if (freshDrawRemains(quiz.drawCount, quiz.bankSize, keysSeen))
    return `${quiz.title}: another attempt draws ${quiz.drawCount} questions from the ${quiz.bankSize - keysSeen} whose answers the student has not seen.`;
  return `${quiz.title}: another attempt repeats the same questions. The student was shown which answers were wrong and where to study them, not the correct answers or explanations.`;
}
