// Course-wide thresholds and switches, stored as JSON on the course row so an
// operator can change them without a code change. Every rule reads them from here.
import { z } from "zod";

export const REVIEW_POLICIES = ["after_pass_or_last", "after_submit", "never"] as const;
export type ReviewPolicy = (typeof REVIEW_POLICIES)[number];

const range = (floor: number, ceiling: number, fallback: { min: number; max: number }) =>
  z
    .object({ min: z.number().int().min(floor).max(ceiling), max: z.number().int().min(floor).max(ceiling) })
    .refine((r) => r.min <= r.max, "The lowest value must not be above the highest.")
    .default(fallback);

/**
 * What the coordinator lets each section's instructors choose (issue 14). A section's
 * setting outside these bounds is held to them when read (lib/course/rules.ts rulesFor),
 * so narrowing a bound takes effect in every section at once.
 */
export const sectionBoundsSchema = z.object({
  passPercent: range(0, 100, { min: 60, max: 100 }),
  maxAttempts: range(1, 20, { min: 1, max: 10 }),
  timeLimitMinutes: range(1, 300, { min: 5, max: 180 }),
  reviewPolicies: z.array(z.enum(REVIEW_POLICIES)).default([...REVIEW_POLICIES]),
  /** Whether a section's instructors decide if sign-off is required for their students. */
  signOffChoice: z.boolean().default(true),
});
export type SectionBounds = z.infer<typeof sectionBoundsSchema>;

export const courseConfigSchema = z.object({
  lessonPassPercent: z.number().int().min(0).max(100).default(80),
  finalPassPercent: z.number().int().min(0).max(100).default(85),
  objectiveMasteryPercent: z.number().int().min(0).max(100).default(70),
  requireInstructorSignOff: z.boolean().default(false),
  atRiskInactiveDays: z.number().int().min(1).default(14),
  /**
   * Written work (issue 17): readiness asks for at least this percent on each assignment's
   * released grade. Null: written work does not count toward readiness (the default, so a
   * course that adopts assignments mid-term does not move anyone's milestone).
   */
  writtenWorkPercent: z.number().int().min(0).max(100).nullable().default(null),
  sectionBounds: sectionBoundsSchema.prefault({}),
});
export type CourseConfig = z.infer<typeof courseConfigSchema>;

export const DEFAULT_COURSE_CONFIG: CourseConfig = courseConfigSchema.parse({});

export function parseCourseConfig(json: string): CourseConfig {
  try {
    return courseConfigSchema.parse(JSON.parse(json));
  } catch {
    return DEFAULT_COURSE_CONFIG;
  }
}

/**
 * A section's own choices; a missing field follows the course (and the quiz file for
 * attempts and time limits). Stored as JSON on the section row.
 */
export const sectionSettingsSchema = z.object({
  lessonPassPercent: z.number().int().min(0).max(100).optional(),
  finalPassPercent: z.number().int().min(0).max(100).optional(),
  lessonMaxAttempts: z.number().int().min(1).max(20).optional(),
  finalMaxAttempts: z.number().int().min(1).max(20).optional(),
  lessonTimeLimitMinutes: z.number().int().min(1).max(300).optional(),
  finalTimeLimitMinutes: z.number().int().min(1).max(300).optional(),
  reviewPolicy: z.enum(REVIEW_POLICIES).optional(),
  requireInstructorSignOff: z.boolean().optional(),
  /** Written work needed for readiness (issue 17), held to the pass-mark bounds. */
  writtenWorkPercent: z.number().int().min(0).max(100).optional(),
});
export type SectionSettings = z.infer<typeof sectionSettingsSchema>;

export function parseSectionSettings(json: string | null | undefined): SectionSettings {
  if (!json) return {};
  try {
    return sectionSettingsSchema.parse(JSON.parse(json));
  } catch {
    return {};
  }
}
