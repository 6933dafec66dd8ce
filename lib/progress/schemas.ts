import { z } from "zod";

export const lessonSlugSchema = z.string().trim().min(1).max(80).regex(/^[a-z0-9-]+$/, "Unknown lesson.");
export const completeLessonSchema = z.object({ slug: lessonSlugSchema });
