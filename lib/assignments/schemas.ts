// One schema per written-work form or payload (issue 17), shared by the editor, the grading
// form and the server that checks them.
import { z } from "zod";
import { isRealDay } from "@/lib/sections/schemas";

/**
 * The most a submission may hold, in characters: well above any assignment's word limit
 * (5,000 words is about 35,000 characters), small enough that a pasted novel is a clear 413.
 */
export const MAX_TEXT_CHARS = 40_000;
/** The autosave's JSON body: the text (as UTF-8, up to 4 bytes a character) plus the envelope. */
export const MAX_DRAFT_BYTES = MAX_TEXT_CHARS * 4 + 1024;
export const TEXT_TOO_LONG = `That is longer than a submission may be (${MAX_TEXT_CHARS.toLocaleString("en-US")} characters). Shorten it before saving.`;

/** A row id as Casebook makes them (cuid): anything else cannot name a row. */
export const rowId = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, "That id is not one of ours.");
const version = z.coerce.number({ error: "The draft's version is missing." }).int().min(1).max(1_000_000_000);
// A NUL character (pasted from a PDF, say) cannot be stored in PostgreSQL text: it is dropped.
const withoutNul = (value: string) => value.replace(/\u0000/g, "");
// A form post sends line breaks as CRLF, the autosave's JSON as LF: stored one way, so the same words compare equal.
const text = z
  .string()
  .max(MAX_TEXT_CHARS, TEXT_TOO_LONG)
  .transform((value) => withoutNul(value).replace(/\r\n?/g, "\n"));

export const assignmentParamsSchema = z.object({ slug: z.string().regex(/^[a-z0-9-]{1,80}$/) });

/** An autosave, or the editor's own form post: the text and the version the browser gave it. */
export const draftSchema = z.object({ text, version });
export type DraftInput = z.infer<typeof draftSchema>;

/** Submitting the draft the student reviewed: its version, so what they saw is what is submitted. */
export const submitSchema = z.object({ slug: assignmentParamsSchema.shape.slug, tryNumber: z.coerce.number().int().min(1).max(100), version: z.coerce.number().int().min(0).max(1_000_000_000) });

export const slugFormSchema = z.object({ slug: assignmentParamsSchema.shape.slug });

export const MAX_COMMENT_CHARS = 4000;
const comment = z.string().max(MAX_COMMENT_CHARS, "Keep a comment under 4,000 characters.").transform(withoutNul);

/**
 * A grade: a level per criterion (`level.<criterionId>`), a comment per criterion
 * (`comment.<criterionId>`) and overall, and the version the grader loaded (0: not graded yet).
 */
export const gradeSchema = z.object({
  submissionId: rowId,
  version: z.coerce.number().int().min(0).max(1_000_000_000),
  levels: z.record(z.string().max(40), z.string().max(40)),
  comments: z.record(z.string().max(40), comment),
  overallComment: comment,
});
export type GradeInput = z.infer<typeof gradeSchema>;

/** The grade form's fields, read out of the posted form. */
export function gradeFields(form: FormData): unknown {
  const levels: Record<string, string> = {};
  const comments: Record<string, string> = {};
  for (const [key, value] of form) {
    if (typeof value !== "string") continue;
    if (key.startsWith("level.")) levels[key.slice(6)] = value;
    else if (key.startsWith("comment.") && value.trim()) comments[key.slice(8)] = value.trim();
  }
  return { submissionId: form.get("submissionId"), version: form.get("version"), levels, comments, overallComment: String(form.get("overallComment") ?? "").trim() };
}

/** Release one submission's grade, or every graded submission of an assignment in a section. */
export const releaseSchema = z.union([
  // The grade's version the releaser saw: a grade saved since is not released unseen.
  z.object({ submissionId: rowId, version: z.coerce.number().int().min(1).max(1_000_000_000) }),
  z.object({ sectionId: rowId, assignmentId: rowId }),
]);

const optionalDay = z
  .union([z.literal(""), z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "Enter the due date as a date.").refine(isRealDay, "Enter a real date between 2000 and 2100.")])
  .transform((v) => v || null);

/** A section's choices for one assignment: its due date (in the section's zone) and anonymous grading. */
export const sectionAssignmentSchema = z.object({
  sectionId: rowId,
  assignmentId: rowId,
  dueOn: optionalDay,
  anonymous: z.enum(["on", "off"]).transform((v) => v === "on"),
});
