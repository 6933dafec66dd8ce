// zod schemas for the files in content/. The seed and a test both validate every
// file with these, so a bad file fails with its name and the offending field.
import { z } from "zod";

const slug = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "use lower-case kebab-case (letters, digits, hyphens)");
export const objectiveId = z.string().regex(/^[a-z0-9-]+\.[a-z0-9-]+$/, 'use "<lesson-slug>.<short-name>"');

/** Bloom's levels the course writes objectives and items at (revised taxonomy, lowest four). */
export const cognitiveLevel = z.enum(["remember", "understand", "apply", "analyse"]);

export const sourceSchema = z.object({
  title: z.string().min(3),
  publisher: z.string().min(2),
  url: z.url().optional(),
});

export const lessonFrontMatterSchema = z.object({
  slug,
  order: z.number().int().min(1),
  title: z.string().min(3).max(120),
  summary: z.string().min(10).max(400),
  estimatedMinutes: z.number().int().min(1).max(120),
  objectives: z
    .array(
      z.object({
        id: objectiveId,
        text: z.string().min(10),
        /** What the objective asks of the student; content/quality.test.ts wants a quarter at apply or analyse. */
        level: cognitiveLevel.default("understand"),
        /** The course objective (content/course.yaml) this lesson objective serves. */
        supports: objectiveId.optional(),
      }),
    )
    .min(1),
  sources: z.array(sourceSchema).min(1),
});
export type LessonFrontMatter = z.infer<typeof lessonFrontMatterSchema>;

/** content/course.yaml: the course-level objectives the lesson objectives map up to. */
export const courseFileSchema = z.object({
  objectives: z.array(z.object({ id: objectiveId, text: z.string().min(10) })).min(1),
});
export type CourseFile = z.infer<typeof courseFileSchema>;

export const glossarySchema = z.object({
  terms: z
    .array(
      z.object({
        term: z.string().min(2),
        slug,
        definition: z.string().min(10),
        lessons: z.array(slug).default([]),
      }),
    )
    .min(1),
});
export type GlossaryTerm = z.infer<typeof glossarySchema>["terms"][number];

/** "lessons/03-x.md: objectives.0.id: use …" — one line per problem. */
export function describeIssues(file: string, error: z.ZodError): string {
  return error.issues.map((issue) => `${file}: ${issue.path.join(".") || "(file)"}: ${issue.message}`).join("\n");
}

export class ContentError extends Error {}
