// Reads the course's own quiz files, so tests can answer questions right or wrong
// by their visible text and can look for leaked explanations.
import fs from "node:fs";
import path from "node:path";
import YAML from "yaml";

type Option = { id: string; text: string; correct?: boolean };
export type QuizQuestion = {
  key: string;
  type: string;
  prompt: string;
  explanation: string;
  options?: Option[];
  answer?: boolean;
  items?: { id: string; text: string; match?: string }[];
  targets?: { id: string; text: string }[];
  accepted?: string[];
};
export type QuizContent = { slug: string; title: string; kind: string; lesson?: string; questions: QuizQuestion[] };

export function loadQuizContent(): QuizContent[] {
  const dir = path.join(process.cwd(), "content", "quizzes");
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith(".yaml"))
    .sort()
    .map((f) => YAML.parse(fs.readFileSync(path.join(dir, f), "utf8")) as QuizContent);
}

export function quizFor(lessonSlug: string): QuizContent {
  const quiz = loadQuizContent().find((q) => q.lesson === lessonSlug);
  if (!quiz) throw new Error(`no quiz for ${lessonSlug}`);
  return quiz;
}

/** The number of lessons in the course: one per lesson quiz. */
export const lessonCount = () => loadQuizContent().filter((q) => q.kind === "lesson").length;
