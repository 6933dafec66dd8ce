// zod schema for written assignments (content/assignments/*.yaml, issue 17): a prompt, word
// limits, a resubmission policy and a rubric whose criteria name the objectives they measure.
// Instructors grade with the rubric; nothing here is a key, so the whole file may be shown to
// students (the rubric is how they know what good work looks like).
import { z } from "zod";
import { objectiveId } from "./schema";

const id = z.string().regex(/^[a-z0-9-]+$/, "use lower-case letters, digits and hyphens");
const slug = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "use lower-case kebab-case");

const level = z.object({
  id,
  title: z.string().trim().min(2).max(60),
  /** What work at this level looks like, in words a student can act on. */
  description: z.string().trim().min(10).max(600),
  points: z.number().int().min(0).max(100),
});

const criterion = z
  .object({
    id,
    title: z.string().trim().min(3).max(80),
    description: z.string().trim().min(10).max(600),
    /** Lesson objectives this criterion measures (they must exist). */
    objectives: z.array(objectiveId).min(1),
    /** From the strongest level to the weakest; points strictly decrease, the weakest may be 0. */
    levels: z.array(level).min(2).max(6),
  })
  .refine((c) => c.levels.every((l, i) => i === 0 || l.points < c.levels[i - 1].points), { message: "levels go from the most points to the fewest, strictly", path: ["levels"] })
  .refine((c) => new Set(c.levels.map((l) => l.id)).size === c.levels.length, { message: "level ids must be unique within a criterion", path: ["levels"] });

export const assignmentFileSchema = z
  .object({
    slug,
    title: z.string().trim().min(3).max(120),
    /** The lesson after which the assignment opens (the outline names that lesson beside it). */
    afterLesson: slug,
    /** The task, in Markdown (the lesson subset: paragraphs, lists, bold, italic, links). */
    prompt: z.string().trim().min(20).max(4000),
    /** How to go about it and what to hand in, in Markdown. */
    instructions: z.string().trim().min(20).max(4000),
    minWords: z.number().int().min(1),
    maxWords: z.number().int().min(1).max(5000),
    /** How many times a student may submit (1: once; more: resubmission until graded work is released as final). */
    maxSubmissions: z.number().int().min(1).max(10).default(1),
    rubric: z.array(criterion).min(1).max(10),
  })
  .refine((a) => a.minWords <= a.maxWords, { message: "minWords is more than maxWords", path: ["minWords"] })
  .refine((a) => new Set(a.rubric.map((c) => c.id)).size === a.rubric.length, { message: "criterion ids must be unique", path: ["rubric"] });
export type AssignmentFile = z.infer<typeof assignmentFileSchema>;

/** The most points a rubric gives: every criterion's top level. */
export const rubricMaxPoints = (rubric: AssignmentFile["rubric"]) => rubric.reduce((sum, c) => sum + c.levels[0].points, 0);
