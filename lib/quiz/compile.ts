// Turns a question from a content file into what the database stores: a public
// payload and a separate answer key. Content ids are replaced with opaque ones, so
// an id like "a" (or ordering items listed in order) can never hint at the answer.
import { createHash } from "node:crypto";
import type { QuestionFile } from "@/lib/content/quiz-schema";
import type { AnswerKey, Payload, QuestionType } from "./types";

export function opaqueId(quizSlug: string, questionKey: string, contentId: string): string {
  return createHash("sha256").update(`${quizSlug}\u0000${questionKey}\u0000${contentId}`).digest("base64url").slice(0, 10);
}

export type CompiledQuestion = {
  key: string;
  type: QuestionType;
  prompt: string;
  payload: string;
  answerKey: string;
  explanation: string;
  objective: string;
  lessonSection: string;
  points: number;
};

/** Items are stored sorted by opaque id: the stored order says nothing about the answer. */
const byId = <T extends { id: string }>(list: T[]) => [...list].sort((a, b) => a.id.localeCompare(b.id));

export function compileQuestion(quizSlug: string, q: QuestionFile): CompiledQuestion {
  const oid = (id: string) => opaqueId(quizSlug, q.key, id);
  let payload: Payload<QuestionType>;
  let key: AnswerKey<QuestionType>;
  switch (q.type) {
    case "single":
      payload = { options: byId(q.options.map((o) => ({ id: oid(o.id), text: o.text }))) };
      key = { correct: oid(q.options.find((o) => o.correct)!.id) };
      break;
    case "multiple":
      payload = { options: byId(q.options.map((o) => ({ id: oid(o.id), text: o.text }))) };
      key = { correct: q.options.filter((o) => o.correct).map((o) => oid(o.id)) };
      break;
    case "true_false":
      payload = {};
      key = { answer: q.answer };
      break;
    case "matching":
      payload = {
        items: byId(q.items.map((i) => ({ id: oid(`item:${i.id}`), text: i.text }))),
        targets: byId(q.targets.map((t) => ({ id: oid(`target:${t.id}`), text: t.text }))),
      };
      key = { matches: Object.fromEntries(q.items.map((i) => [oid(`item:${i.id}`), oid(`target:${i.match}`)])) };
      break;
    case "ordering":
      payload = { items: byId(q.items.map((i) => ({ id: oid(i.id), text: i.text }))) };
      key = { order: q.items.map((i) => oid(i.id)) };
      break;
    case "short_text":
      payload = {};
      key = { accepted: q.accepted };
      break;
  }
  return {
    key: q.key,
    type: q.type,
    prompt: q.prompt,
    payload: JSON.stringify(payload),
    answerKey: JSON.stringify(key),
    explanation: q.explanation,
    objective: q.objective,
    lessonSection: q.section,
    points: q.points,
  };
}
