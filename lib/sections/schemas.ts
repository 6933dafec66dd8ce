// One schema per sections form, shared by the forms and the actions.
import { z } from "zod";
import { emailSchema, signUpSchema } from "@/lib/auth/schemas";
import { accommodationSchema } from "@/lib/roster/schemas";
import { MAX_LIST_BYTES } from "./invite-list";
import { REVIEW_POLICIES } from "@/lib/course/config";
import { isTimeZone } from "./terms";

/** A calendar day that exists (no 31 February rolled over into March), in a plausible year. */
export function isRealDay(value: string): boolean {
  const [y, m, d] = value.split("-").map(Number);
  const date = new Date(Date.UTC(y, m - 1, d));
  return y >= 2000 && y <= 2100 && date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

const day = (label: string) => z.string().regex(/^\d{4}-\d{2}-\d{2}$/, `Enter the ${label} as a date.`).refine(isRealDay, `Enter a real date between 2000 and 2100 for the ${label}.`);
const id = z.string().min(1).max(64);

export const sectionFormSchema = z
  .object({
    name: z.string().trim().min(1, "Give the section a name.").max(100, "Keep the name under 100 characters."),
    termStart: day("first day of the term"),
    termEnd: day("last day of the term"),
    timeZone: z.string().refine(isTimeZone, "Pick a time zone from the list."),
  })
  .refine((v) => v.termEnd >= v.termStart, { message: "The term must end on or after its first day.", path: ["termEnd"] });
export type SectionForm = z.infer<typeof sectionFormSchema>;

export const editSectionSchema = z.intersection(sectionFormSchema, z.object({ sectionId: id }));

export const sectionIdSchema = z.object({ sectionId: id });
export const joinOpenSchema = z.object({ sectionId: id, open: z.enum(["true", "false"]).transform((v) => v === "true") });
export const instructorSchema = z.object({ sectionId: id, email: emailSchema });
export const removeInstructorSchema = z.object({ sectionId: id, userId: id });
export const joinCodeSchema = z.object({ joinCode: z.string().trim().min(1, "Enter the code your instructor gave you.").max(40, "That is longer than any enrollment code.") });
export const moveStudentSchema = z.object({ studentId: id, sectionId: id });

/** The `?section=` of staff pages: a section id or "all". */
export const sectionParamSchema = z.string().max(64).optional().catch(undefined);

const optionalDay = (label: string) => z.union([z.literal(""), day(label)]).transform((v) => v || null);

export const quizDatesSchema = z
  .object({
    sectionId: id,
    quizId: id,
    opensOn: optionalDay("open date"),
    dueOn: optionalDay("due date"),
    latePolicy: z.enum(["accept_late", "close"], { error: "Choose what happens to late work." }),
  })
  .refine((v) => !v.opensOn || !v.dueOn || v.dueOn >= v.opensOn, { message: "The due date must be on or after the open date.", path: ["dueOn"] });

/**
 * One form for what an instructor grants one student: for one quiz, a later due date,
 * extra attempts and extra time; for every quiz ("all"), extra attempts and time (their
 * standing accommodation). Due dates are per quiz. An empty field keeps what the student
 * has (nothing granted earlier is lost by granting something else); "remove" ends a
 * quiz's extension.
 */
export const extensionSchema = z
  .object({
    studentId: id,
    quizId: z.union([z.literal("all"), id]),
    dueOn: optionalDay("new due date"),
    extraAttempts: z.union([z.literal(""), accommodationSchema.shape.extraAttempts]).transform((v) => (v === "" ? undefined : v)),
    timeMultiplier: z.union([z.literal(""), accommodationSchema.shape.timeMultiplier]).transform((v) => (v === "" ? undefined : v)),
    remove: z.enum(["", "on"]).transform((v) => v === "on"),
  })
  .refine((v) => v.quizId !== "all" || !v.dueOn, { message: "A due date is for one quiz: choose the quiz.", path: ["dueOn"] });
export const EXTENSION_FIELDS = ["studentId", "quizId", "dueOn", "extraAttempts", "timeMultiplier", "remove"];

/** A whole number, or empty for "follow the course". The bounds are checked by the domain. */
const optionalWhole = (label: string) =>
  z
    .string()
    .trim()
    .regex(/^\d{0,3}$/, `Enter ${label} as a whole number, or leave it empty to follow the course.`)
    .transform((v) => (v === "" ? undefined : Number(v)));

export const sectionSettingsSchema = z.object({
  sectionId: id,
  lessonPassPercent: optionalWhole("the lesson quizzes' pass mark"),
  finalPassPercent: optionalWhole("the final's pass mark"),
  lessonMaxAttempts: optionalWhole("the lesson quizzes' attempts"),
  finalMaxAttempts: optionalWhole("the final's attempts"),
  lessonTimeLimitMinutes: optionalWhole("the lesson quizzes' time limit"),
  finalTimeLimitMinutes: optionalWhole("the final's time limit"),
  reviewPolicy: z.enum(["", ...REVIEW_POLICIES], { error: "Choose a review policy from the list." }).transform((v) => (v === "" ? undefined : v)),
  signOff: z.enum(["course", "required", "not_required"], { error: "Choose whether sign-off is required." }),
  writtenWorkPercent: optionalWhole("the written-work mark"),
});
export type SectionSettingsForm = z.infer<typeof sectionSettingsSchema>;
export const SECTION_SETTINGS_FIELDS = Object.keys(sectionSettingsSchema.shape);

export const inviteOneSchema = z.object({
  sectionId: id,
  name: z.string().trim().min(1, "Enter the student's name.").max(100, "Use 100 characters or fewer for the name."),
  email: emailSchema,
});

export const inviteListSchema = z
  .object({
    sectionId: id,
    file: z.file().max(MAX_LIST_BYTES, `The file is larger than ${MAX_LIST_BYTES / 1000} KB. Split the list.`).optional(),
    pasted: z.string().max(MAX_LIST_BYTES, `The list is longer than ${MAX_LIST_BYTES / 1000} KB. Split it.`).default(""),
  })
  .refine((v) => (v.file && v.file.size > 0) || v.pasted.trim(), { message: "Choose a CSV file or paste the list.", path: ["pasted"] });

export const invitationTokenSchema = z.object({ token: z.string().min(1).max(100) });
export const acceptInvitationSchema = z.object({ token: z.string().min(1).max(100), name: signUpSchema.shape.name, password: signUpSchema.shape.password });
