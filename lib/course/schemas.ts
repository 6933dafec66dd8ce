// The coordinator's course settings form, shared by the form and its action.
import { z } from "zod";
import { REVIEW_POLICIES } from "./config";

const whole = (label: string, min: number, max: number) =>
  z
    .string()
    .trim()
    .regex(/^\d{1,3}$/, `Enter ${label} as a whole number.`)
    .transform(Number)
    .refine((v) => v >= min && v <= max, `${label[0].toUpperCase()}${label.slice(1)} must be between ${min} and ${max}.`);

/** Empty: written work does not count toward readiness. */
const optionalPercent = z
  .string()
  .trim()
  .regex(/^(\d{1,3})?$/, "Enter the written-work mark as a whole number, or leave it empty.")
  .transform((v) => (v === "" ? null : Number(v)))
  .refine((v) => v === null || v <= 100, "The written-work mark must be between 0 and 100.");

const checkbox = z.union([z.literal("on"), z.literal("")]).transform((v) => v === "on");

export const courseSettingsSchema = z
  .object({
    lessonPassPercent: whole("the lesson pass mark", 0, 100),
    finalPassPercent: whole("the final's pass mark", 0, 100),
    objectiveMasteryPercent: whole("the mastery threshold", 0, 100),
    atRiskInactiveDays: whole("the days of inactivity", 1, 365),
    writtenWorkPercent: optionalPercent,
    requireInstructorSignOff: checkbox,
    passMin: whole("the lowest pass mark", 0, 100),
    passMax: whole("the highest pass mark", 0, 100),
    attemptsMin: whole("the fewest attempts", 1, 20),
    attemptsMax: whole("the most attempts", 1, 20),
    timeMin: whole("the shortest time limit", 1, 300),
    timeMax: whole("the longest time limit", 1, 300),
    // Checked as a whole, so a forged value is reported against the field, not an index.
    reviewPolicies: z
      .array(z.string())
      .refine((list) => list.every((p) => (REVIEW_POLICIES as readonly string[]).includes(p)), "Choose review policies from the list.")
      .transform((list) => list as (typeof REVIEW_POLICIES)[number][])
      .refine((list) => list.length > 0, "Allow at least one review policy."),
    signOffChoice: checkbox,
  })
  .refine((v) => v.passMin <= v.passMax, { message: "The lowest pass mark must not be above the highest.", path: ["passMax"] })
  .refine((v) => v.attemptsMin <= v.attemptsMax, { message: "The fewest attempts must not be above the most.", path: ["attemptsMax"] })
  .refine((v) => v.timeMin <= v.timeMax, { message: "The shortest time limit must not be above the longest.", path: ["timeMax"] });
export type CourseSettingsForm = z.infer<typeof courseSettingsSchema>;

export const COURSE_SETTINGS_TEXT_FIELDS = ["lessonPassPercent", "finalPassPercent", "objectiveMasteryPercent", "atRiskInactiveDays", "writtenWorkPercent", "passMin", "passMax", "attemptsMin", "attemptsMax", "timeMin", "timeMax"] as const;

/** The form as the course configuration's fields. */
export function configOfForm(form: CourseSettingsForm) {
  return {
    lessonPassPercent: form.lessonPassPercent,
    finalPassPercent: form.finalPassPercent,
    objectiveMasteryPercent: form.objectiveMasteryPercent,
    atRiskInactiveDays: form.atRiskInactiveDays,
    writtenWorkPercent: form.writtenWorkPercent,
    requireInstructorSignOff: form.requireInstructorSignOff,
    sectionBounds: {
      passPercent: { min: form.passMin, max: form.passMax },
      maxAttempts: { min: form.attemptsMin, max: form.attemptsMax },
      timeLimitMinutes: { min: form.timeMin, max: form.timeMax },
      reviewPolicies: form.reviewPolicies,
      signOffChoice: form.signOffChoice,
    },
  };
}
