import { z } from "zod";
import { SKILLS, SPECIALIZATIONS } from "./skills";

const rating = z.coerce
  .number({ error: "Choose a rating from 1 to 5." })
  .int("Choose a rating from 1 to 5.")
  .min(1, "Choose a rating from 1 to 5.")
  .max(5, "Choose a rating from 1 to 5.");

export const selfAssessmentSchema = z.object({
  ratings: z.object(Object.fromEntries(SKILLS.map((s) => [s.key, rating])) as Record<string, typeof rating>),
  specialization: z.enum(SPECIALIZATIONS.map((s) => s.value) as [string, ...string[]], { error: "Choose the specialization you lean toward, or Undecided." }),
});
export type SelfAssessmentInput = z.infer<typeof selfAssessmentSchema>;

export const signOffSchema = z.object({
  studentId: z.string().min(1).max(64),
  note: z.string().trim().min(3, "Add a short note (at least 3 characters).").max(1000, "Keep the note under 1000 characters."),
});

export const revokeSchema = z.object({
  code: z.string().min(8).max(64),
  reason: z.string().trim().min(5, "Give a reason of at least 5 characters; it is recorded in the audit log.").max(500),
});

/** The sign-off switch: the state the instructor asks for. */
export const signOffRequiredSchema = z.object({ required: z.enum(["on", "off"]) });
