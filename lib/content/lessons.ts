// Reads and validates the lesson files. Used by the seed and by tests; the app
// reads lessons from the database, never from content/ at request time.
import path from "node:path";
import matter from "gray-matter";
import { contentHash } from "@/lib/hash";
import { CONTENT_DIR, readContentFiles } from "./dir";
export { CONTENT_DIR };
import { ContentError, describeIssues, lessonFrontMatterSchema, type LessonFrontMatter } from "./schema";


export type LessonFile = LessonFrontMatter & { file: string; body: string; contentHash: string };

export function parseLessonFile(file: string, raw: string): LessonFile {
  let parsed: matter.GrayMatterFile<string>;
  try {
    parsed = matter(raw);
  } catch (error) {
    throw new ContentError(`${file}: front matter is not valid YAML: ${(error as Error).message}`);
  }
  const result = lessonFrontMatterSchema.safeParse(parsed.data);
  if (!result.success) throw new ContentError(describeIssues(file, result.error));
  const body = parsed.content.trim();
  if (/^#\s/m.test(body)) throw new ContentError(`${file}: body: use "##" for sections; the title is the page's only h1`);
  if (!/^## Key takeaways$/m.test(body)) throw new ContentError(`${file}: body: must end with a "## Key takeaways" section`);
  if (!/^## Sources$/m.test(body)) throw new ContentError(`${file}: body: must cite its sources under "## Sources"`);
  return { ...result.data, file, body, contentHash: contentHash(result.data, body) };
}

export function loadLessons(dir = path.join(CONTENT_DIR, "lessons")): LessonFile[] {
  const lessons = readContentFiles(dir, "lessons", ".md", parseLessonFile);
  const problems: string[] = [];
  const seen = new Map<string, string>();
  for (const lesson of lessons) {
    for (const key of [`slug ${lesson.slug}`, `order ${lesson.order}`, ...lesson.objectives.map((o) => `objective ${o.id}`)]) {
      const other = seen.get(key);
      if (other) problems.push(`${lesson.file}: ${key} is also used by ${other}`);
      seen.set(key, lesson.file);
    }
  }
  if (problems.length) throw new ContentError(problems.join("\n"));
  return lessons.sort((a, b) => a.order - b.order);
}
