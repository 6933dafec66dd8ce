// Reads quiz answers out of the attempt form. Shared by the server action (no-JS
// submit) and the autosave script, so both read the form the same way.
import { ANSWER_PROBLEMS } from "./problems";

export type FormQuestion = { id: string; type: string; order: string[] };
export type FieldReader = (name: string) => string[];

export const fieldName = (questionId: string, part?: string) => (part ? `q:${questionId}:${part}` : `q:${questionId}`);

export type ParsedAnswer = { response: unknown } | { problem: string } | null;

/** One question's response, `null` when unanswered, or a problem a student can fix. */
export function readAnswer(question: FormQuestion, read: FieldReader): ParsedAnswer {
  const values = read(fieldName(question.id)).filter((v) => v !== "");
  switch (question.type) {
    case "single":
      return values[0] ? { response: { choice: values[0] } } : null;
    case "true_false":
      return values[0] === "true" || values[0] === "false" ? { response: { value: values[0] === "true" } } : null;
    case "multiple":
      return values.length ? { response: { choices: values } } : null;
    case "short_text": {
      const text = (values[0] ?? "").trim();
      return text ? { response: { text } } : null;
    }
    case "matching": {
      const matches = Object.fromEntries(
        question.order.map((item) => [item, read(fieldName(question.id, item))[0] ?? ""]).filter(([, target]) => target !== ""),
      );
      return Object.keys(matches).length ? { response: { matches } } : null;
    }
    case "ordering": {
      const positions = question.order.map((item) => ({ item, position: Number(read(fieldName(question.id, item))[0] || NaN) }));
      const chosen = positions.filter((p) => Number.isInteger(p.position));
      if (chosen.length === 0) return null;
      const distinct = new Set(chosen.map((p) => p.position));
      if (chosen.length < positions.length || distinct.size < positions.length)
        return { problem: ANSWER_PROBLEMS.positions };
      return { response: { order: [...positions].sort((a, b) => a.position - b.position).map((p) => p.item) } };
    }
    default:
      return null;
  }
}

export function readAnswers(questions: FormQuestion[], read: FieldReader) {
  const responses = new Map<string, unknown>();
  const problems: Record<string, string> = {};
  for (const question of questions) {
    const answer = readAnswer(question, read);
    if (!answer) continue;
    if ("problem" in answer) problems[question.id] = answer.problem;
    else responses.set(question.id, answer.response);
  }
  return { responses, problems };
}

/** Whether a saved response counts as answered (for "k of n answered"). */
export function isAnswered(response: unknown): boolean {
  if (!response || typeof response !== "object") return false;
  const r = response as Record<string, unknown>;
  if (Array.isArray(r.choices)) return r.choices.length > 0;
  if (r.matches && typeof r.matches === "object") return Object.keys(r.matches).length > 0;
  if (typeof r.text === "string") return r.text.trim().length > 0;
  return "choice" in r || "value" in r || Array.isArray(r.order);
}
