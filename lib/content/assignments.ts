// Reads and validates the written assignments (content/assignments/*.yaml); used by the seed
// and by tests, like lessons and quizzes. Each is checked against the lessons: the lesson it
// follows and every objective its rubric measures must exist.
import fs from "node:fs";
import path from "node:path";
import { contentHash } from "@/lib/hash";
import { CONTENT_DIR, readContentFiles } from "./dir";
import { parseYamlContent } from "./yaml";
import type { LessonFile } from "./lessons";
import { assignmentFileSchema, type AssignmentFile } from "./assignment-schema";
import { ContentError } from "./schema";

export type LoadedAssignment = AssignmentFile & { file: string; contentHash: string };

export function parseAssignmentFile(file: string, raw: string): LoadedAssignment {
  const data = parseYamlContent(file, raw, assignmentFileSchema);
  return { ...data, file, contentHash: contentHash(data) };
}

export function loadAssignments(lessons: LessonFile[], dir = path.join(CONTENT_DIR, "assignments")): LoadedAssignment[] {
  if (!fs.existsSync(/* turbopackIgnore: true */ dir)) return [];
  const assignments = readContentFiles(dir, "assignments", ".yaml", parseAssignmentFile);
  const lessonSlugs = new Set(lessons.map((l) => l.slug));
  const objectives = new Set(lessons.flatMap((l) => l.objectives.map((o) => o.id)));
  const problems: string[] = [];
  const slugs = new Set<string>();
  for (const a of assignments) {
    if (slugs.has(a.slug)) problems.push(`${a.file}: slug ${a.slug} is used twice`);
    slugs.add(a.slug);
    if (!lessonSlugs.has(a.afterLesson)) problems.push(`${a.file}: afterLesson: no lesson "${a.afterLesson}"`);
    for (const c of a.rubric) for (const o of c.objectives) if (!objectives.has(o)) problems.push(`${a.file}: rubric ${c.id}: objective: no objective "${o}"`);
  }
  if (problems.length) throw new ContentError(problems.join("\n"));
  return assignments;
}
