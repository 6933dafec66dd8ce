// zod schemas for quiz files (content/quizzes/*.yaml). The answer key lives in the same
// file as the question, but lib/quiz splits it off at seed time: the key is stored in
// its own column and never leaves the server before an attempt is submitted.
import { z } from "zod";
import { cognitiveLevel, objectiveId } from "./schema";

const id = z.string().regex(/^[a-z0-9-]+$/, "use lower-case letters, digits and hyphens");
const slug = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "use lower-case kebab-case");
const text = z.string().trim().min(1).max(600);

const common = {
  key: id,
  objective: objectiveId,
  /** Heading anchor in the objective's lesson that teaches the answer. */
  section: slug,
  prompt: z.string().trim().min(10).max(800),
  explanation: z.string().trim().min(10).max(1200),
  points: z.number().int().min(1).max(10).default(1),
  /** What the item asks of the student (Bloom): recall of what was taught is "remember". */
  level: cognitiveLevel.default("remember"),
  /** A situation in a law office to judge (which role, which duty, is this allowed?), not recall of the text. */
  scenario: z.boolean().default(false),
};

const option = z.object({ id, text, correct: z.boolean().default(false) });

const uniqueIds = (list: { id: string }[]) => new Set(list.map((o) => o.id)).size === list.length;

export const questionFileSchema = z.discriminatedUnion("type", [
  z
    .object({ ...common, type: z.literal("single"), options: z.array(option).min(3).max(6) })
    .refine((q) => q.options.filter((o) => o.correct).length === 1, { message: "a single-choice question needs exactly one correct option", path: ["options"] })
    .refine((q) => uniqueIds(q.options), { message: "option ids must be unique", path: ["options"] }),
  z
    .object({ ...common, type: z.literal("multiple"), options: z.array(option).min(4).max(8) })
    .refine((q) => q.options.filter((o) => o.correct).length >= 2, { message: "a multiple-select question needs at least two correct options", path: ["options"] })
    .refine((q) => q.options.some((o) => !o.correct), { message: "a multiple-select question needs at least one wrong option", path: ["options"] })
    .refine((q) => uniqueIds(q.options), { message: "option ids must be unique", path: ["options"] }),
  z.object({ ...common, type: z.literal("true_false"), answer: z.boolean() }),
  z
    .object({
      ...common,
      type: z.literal("matching"),
      items: z.array(z.object({ id, text, match: id })).min(3).max(8),
      targets: z.array(z.object({ id, text })).min(2).max(6),
    })
    .refine((q) => q.items.every((i) => q.targets.some((t) => t.id === i.match)), { message: "every item's match must name a target id", path: ["items"] })
    .refine((q) => uniqueIds(q.items) && uniqueIds(q.targets), { message: "item and target ids must be unique", path: ["items"] }),
  z
    .object({ ...common, type: z.literal("ordering"), items: z.array(z.object({ id, text })).min(3).max(8) })
    .refine((q) => uniqueIds(q.items), { message: "item ids must be unique", path: ["items"] }),
  z.object({ ...common, type: z.literal("short_text"), accepted: z.array(z.string().trim().min(1).max(100)).min(1).max(20) }),
]);
export type QuestionFile = z.infer<typeof questionFileSchema>;

export const quizFileSchema = z
  .object({
    slug,
    title: z.string().min(3).max(120),
    kind: z.enum(["lesson", "final"]),
    /** The lesson this quiz closes (lesson quizzes only). */
    lesson: slug.optional(),
    // Pass marks are course settings (lessonPassPercent, finalPassPercent), read by one rule
    // (lib/course/rules.ts); a per-quiz copy is what let the result page and readiness disagree.
    passPercent: z.never({ error: "passPercent is not a quiz setting: set lessonPassPercent or finalPassPercent in the course configuration" }).optional(),
    maxAttempts: z.number().int().min(1).max(20).default(3),
    timeLimitMinutes: z.number().int().min(1).max(300).optional(),
    /** How many questions one attempt draws from the bank (spread across objectives). */
    drawCount: z.number().int().min(1).optional(),
    reviewPolicy: z.enum(["after_pass_or_last", "after_submit", "never"]).default("after_pass_or_last"),
    questions: z.array(questionFileSchema).min(1),
  })
  .refine((q) => (q.kind === "lesson") === Boolean(q.lesson), { message: "a lesson quiz names its lesson; the final names none", path: ["lesson"] })
  .refine((q) => !q.drawCount || q.drawCount <= q.questions.length, { message: "drawCount is larger than the bank", path: ["drawCount"] })
  .refine((q) => new Set(q.questions.map((x) => x.key)).size === q.questions.length, { message: "question keys must be unique", path: ["questions"] });
export type QuizFile = z.infer<typeof quizFileSchema>;
