// When a student may see explanations and when the answer key. Keys are never shown
// while a retake could bring the same questions back: an instructor may grant an extra
// attempt after the last one, and a key read in the review would then answer it.
//   - Explanations: after passing or after the last attempt (or after every submit, by policy).
//   - Keys: after passing (no attempt can follow a pass), or after the last attempt only when
//     the bank still holds a full draw of questions whose keys this student has not seen,
//     which is what any later attempt then draws from.
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

export function mayShowExplanations(policy: ReviewPolicy, passed: boolean, attemptsLeft: number): boolean {
  if (policy === "never") return false;
  return policy === "after_submit" || passed || attemptsLeft <= 0;
}

/** Whether grading this attempt releases its answer key to the student. */
export function keysReleasedAtGrading(input: RevealInput): boolean {
  if (!mayShowExplanations(input.policy, input.passed, input.attemptsLeft)) return false;
  if (input.passed) return true;
  return freshDrawRemains(input.drawCount, input.bankSize, input.keysSeen);
}

/** A later attempt can be drawn entirely from questions whose keys were not shown. */
export function freshDrawRemains(drawCount: number | null, bankSize: number, keysSeen: number): boolean {
  return drawCount !== null && bankSize - keysSeen >= drawCount;
}

/**
 * The questions a new attempt may draw from: those whose keys the student has not seen,
 * when they still make a full draw; otherwise the whole bank (the instructor was told).
 */
export function drawableBank<Q extends { id: string }>(bank: Q[], keysSeen: Set<string>, drawCount: number | null): Q[] {
  if (drawCount === null || keysSeen.size === 0) return bank;
  const unseen = bank.filter((q) => !keysSeen.has(q.id));
  return unseen.length >= drawCount ? unseen : bank;
}

export type RetakeNote = { quizTitle: string; text: string };

/**
 * What an instructor should know before granting another attempt at a quiz the student
 * has used up without passing.
 */
export function retakeNote(quiz: { title: string; drawCount: number | null; bankSize: number }, keysSeen: number): string {
  if (freshDrawRemains(quiz.drawCount, quiz.bankSize, keysSeen))
    return `${quiz.title}: another attempt draws ${quiz.drawCount} questions from the ${quiz.bankSize - keysSeen} whose answers the student has not seen.`;
  return `${quiz.title}: another attempt repeats questions the student has already reviewed. They saw the explanations, not the correct answers.`;
}
