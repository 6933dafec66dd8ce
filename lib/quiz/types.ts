// The shapes questions take on the server. `payload` is what a student may see;
// `key` is the answer key, which never leaves the server before submission.
import { z } from "zod";

export const QUESTION_TYPES = ["single", "multiple", "true_false", "matching", "ordering", "short_text"] as const;
export type QuestionType = (typeof QUESTION_TYPES)[number];

const choice = z.object({ id: z.string(), text: z.string() });

export const payloadSchemas = {
  single: z.object({ options: z.array(choice) }),
  multiple: z.object({ options: z.array(choice) }),
  true_false: z.object({}),
  matching: z.object({ items: z.array(choice), targets: z.array(choice) }),
  ordering: z.object({ items: z.array(choice) }),
  short_text: z.object({}),
} as const;

export const keySchemas = {
  single: z.object({ correct: z.string() }),
  multiple: z.object({ correct: z.array(z.string()) }),
  true_false: z.object({ answer: z.boolean() }),
  matching: z.object({ matches: z.record(z.string(), z.string()) }),
  ordering: z.object({ order: z.array(z.string()) }),
  short_text: z.object({ accepted: z.array(z.string()) }),
} as const;

const MAX_ID = 64;
const id = z.string().min(1).max(MAX_ID);

/** What a student may send for each type. Anything else is refused with a clear message. */
export const responseSchemas = {
  single: z.object({ choice: id }),
  multiple: z.object({ choices: z.array(id).max(12) }),
  true_false: z.object({ value: z.boolean() }),
  matching: z.object({ matches: z.record(id, id).refine((m) => Object.keys(m).length <= 12, "Too many matches.") }),
  ordering: z.object({ order: z.array(id).max(12) }),
  short_text: z.object({ text: z.string().max(200, "Keep your answer under 200 characters.") }),
} as const;

export type Payload<T extends QuestionType> = z.infer<(typeof payloadSchemas)[T]>;
export type AnswerKey<T extends QuestionType> = z.infer<(typeof keySchemas)[T]>;
export type QuizResponse<T extends QuestionType> = z.infer<(typeof responseSchemas)[T]>;

export type AnyPayload = { [T in QuestionType]: { type: T; payload: Payload<T> } }[QuestionType];
export type AnyKey = { [T in QuestionType]: { type: T; key: AnswerKey<T> } }[QuestionType];

export function isQuestionType(value: string): value is QuestionType {
  return (QUESTION_TYPES as readonly string[]).includes(value);
}
