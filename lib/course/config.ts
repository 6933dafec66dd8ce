// Course-wide thresholds and switches, stored as JSON on the course row so an
// operator can change them without a code change. Every rule reads them from here.
import { z } from "zod";

export const courseConfigSchema = z.object({
  lessonPassPercent: z.number().int().min(0).max(100).default(80),
  finalPassPercent: z.number().int().min(0).max(100).default(85),
  objectiveMasteryPercent: z.number().int().min(0).max(100).default(70),
  requireInstructorSignOff: z.boolean().default(false),
  atRiskInactiveDays: z.number().int().min(1).default(14),
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
