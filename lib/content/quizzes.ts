// Reads and validates quiz files; used by the seed and tests only.
import fs from "node:fs";
import path from "node:path";
import { contentHash } from "@/lib/hash";
import { CONTENT_DIR, readContentFiles } from "./dir";
import { parseYamlContent } from "./yaml";
import type { LessonFile } from "./lessons";
import { sectionsOf } from "./markdown";
import { quizFileSchema, type QuizFile } from "./quiz-schema";
import { ContentError } from "./schema";

export type LoadedQuiz = QuizFile & { file: string; contentHash: string };

export function parseQuizFile(file: string, raw: string): LoadedQuiz {
  const data = parseYamlContent(file, raw, quizFileSchema);
  return { ...data, file, contentHash: contentHash(data) };
}

/** Loads every quiz and checks it against the lessons: lesson, objectives and sections must exist. */
export function loadQuizzes(lessons: LessonFile[], dir = path.join(CONTENT_DIR, "quizzes")): LoadedQuiz[] {
  if (!fs.existsSync(/* turbopackIgnore: true */ dir)) return [];
  const quizzes = readContentFiles(dir, "quizzes", ".yaml", parseQuizFile);
  const bySlug = new Map(lessons.map((l) => [l.slug, l]));
  const sections = new Map(lessons.map((l) => [l.slug, new Set(sectionsOf(l.body).map((s) => s.id))]));
  const objectives = new Set(lessons.flatMap((l) => l.objectives.map((o) => o.id)));
  const problems: string[] = [];
  const seenSlugs = new Set<string>();
  const seenLessons = new Set<string>();
  for (const quiz of quizzes) {
    if (seenSlugs.has(quiz.slug)) problems.push(`${quiz.file}: slug ${quiz.slug} is used twice`);
    seenSlugs.add(quiz.slug);
    if (quiz.lesson) {
      if (!bySlug.has(quiz.lesson)) problems.push(`${quiz.file}: lesson: no lesson "${quiz.lesson}"`);
      if (seenLessons.has(quiz.lesson)) problems.push(`${quiz.file}: lesson: "${quiz.lesson}" already has a quiz`);
      seenLessons.add(quiz.lesson);
    }
    quiz.questions.forEach((q, i) => {
      const where = `${quiz.file}: questions.${i} (${q.key})`;
      if (!objectives.has(q.objective)) problems.push(`${where}: objective: no objective "${q.objective}"`);
      const lessonSlug = q.objective.split(".")[0];
      if (!sections.get(lessonSlug)?.has(q.section)) problems.push(`${where}: section: lesson "${lessonSlug}" has no section "#${q.section}"`);
    });
  }
  if (problems.length) throw new ContentError(problems.join("\n"));
  return quizzes;
}
