// Question rows keep their payload and key as JSON text. Every read parses them with the
// type's own zod schema, so a malformed row fails loudly at the read, naming the question,
// instead of travelling on as a wrongly-shaped cast.
import { isQuestionType, keySchemas, payloadSchemas, type AnswerKey, type Payload, type QuestionType } from "./types";

export class CorruptQuestionError extends Error {
  constructor(questionId: string, column: string, detail: string) {
    super(`Question ${questionId}: stored ${column} is not valid (${detail}). Re-seed the course.`);
    this.name = "CorruptQuestionError";
  }
}

function parseColumn<S extends { safeParse: (v: unknown) => { success: boolean; data?: unknown; error?: { issues: { message: string }[] } } }>(
  schema: S,
  row: { id: string },
  column: string,
  text: string,
) {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new CorruptQuestionError(row.id, column, "not JSON");
  }
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new CorruptQuestionError(row.id, column, parsed.error?.issues[0]?.message ?? "wrong shape");
  return parsed.data;
}

function typeOf(row: { id: string; type: string }): QuestionType {
  if (!isQuestionType(row.type)) throw new CorruptQuestionError(row.id, "type", `unknown type "${row.type}"`);
  return row.type;
}

/** The public payload of a question row. */
export function payloadOf(row: { id: string; type: string; payload: string }): Payload<QuestionType> {
  return parseColumn(payloadSchemas[typeOf(row)], row, "payload", row.payload) as Payload<QuestionType>;
}

/** The answer key of a question row. Server-only callers: grading, review after release, item analysis. */
export function keyOf(row: { id: string; type: string; answerKey: string }): AnswerKey<QuestionType> {
  return parseColumn(keySchemas[typeOf(row)], row, "answerKey", row.answerKey) as AnswerKey<QuestionType>;
}
