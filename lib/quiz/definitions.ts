import "server-only";
// Quiz definitions and question banks change only when content is seeded, so they are held
// in process memory per content version (lib/course/versioned-cache.ts), like the course
// structure: starting or resuming an attempt reads no quiz or question row after the first.
import { db } from "@/lib/db";
import { getCourse } from "@/lib/course/structure";
import { VersionedCache } from "@/lib/course/versioned-cache";
import { keyOf, payloadOf } from "./columns";
import type { BankQuestion } from "./layout";

const QUIZ_FIELDS = {
  id: true,
  slug: true,
  title: true,
  kind: true,
  maxAttempts: true,
  timeLimitSeconds: true,
  drawCount: true,
  reviewPolicy: true,
  lessonId: true,
  _count: { select: { questions: { where: { retiredAt: null } } } },
} as const;

type QuizRow = NonNullable<Awaited<ReturnType<typeof readQuiz>>>;
export type ServedQuestionRow = { id: string; type: string; prompt: string; payload: string };

type Definitions = {
  quizzes: Map<string, Promise<QuizRow | null>>;
  banks: Map<string, Promise<BankQuestion[]>>;
  questions: Map<string, ServedQuestionRow>;
};

const definitions = new VersionedCache<Definitions>();

async function current(): Promise<{ courseId: string; defs: Definitions }> {
  const course = await getCourse();
  const defs = await definitions.get(`${course.id}:${course.contentHash}`, async () => ({ quizzes: new Map(), banks: new Map(), questions: new Map() }));
  return { courseId: course.id, defs };
}

function readQuiz(courseId: string, slug: string) {
  return db.quiz.findUnique({ where: { courseId_slug: { courseId, slug } }, select: QUIZ_FIELDS });
}

/** Remembers a pending read, forgetting it if it fails so the next request tries again. */
function remember<K, V>(map: Map<K, Promise<V>>, key: K, load: () => Promise<V>): Promise<V> {
  let pending = map.get(key);
  if (!pending) {
    pending = load().catch((error) => {
      map.delete(key);
      throw error;
    });
    map.set(key, pending);
  }
  return pending;
}

/** A quiz's settings by slug, or null when the course has no such quiz. */
export async function quizBySlug(slug: string): Promise<QuizRow | null> {
  const { courseId, defs } = await current();
  return remember(defs.quizzes, slug, () => readQuiz(courseId, slug));
}

/** The questions an attempt may draw (not retired), with payloads parsed. */
export async function activeBank(quizId: string): Promise<BankQuestion[]> {
  const { defs } = await current();
  return remember(defs.banks, quizId, async () => {
    const rows = await db.question.findMany({
      where: { quizId, retiredAt: null },
      select: { id: true, objective: true, type: true, prompt: true, payload: true, answerKey: true },
    });
    for (const r of rows) defs.questions.set(r.id, { id: r.id, type: r.type, prompt: r.prompt, payload: r.payload });
    return rows.map((q) => ({
      id: q.id,
      objective: q.objective,
      type: q.type,
      payload: payloadOf(q),
      orderKey: q.type === "ordering" ? (keyOf(q) as { order: string[] }).order : undefined,
    }));
  });
}

/**
 * The public columns of these questions (no key, no explanation): from memory when the bank
 * was read in this version, from the database for the rest (retired questions of old attempts).
 */
export async function servedQuestionRows(ids: string[]): Promise<Map<string, ServedQuestionRow>> {
  const { defs } = await current();
  const found = new Map<string, ServedQuestionRow>();
  const missing: string[] = [];
  for (const id of ids) {
    const row = defs.questions.get(id);
    if (row) found.set(id, row);
    else missing.push(id);
  }
  if (missing.length) {
    const rows = await db.question.findMany({ where: { id: { in: missing } }, select: { id: true, type: true, prompt: true, payload: true } });
    for (const r of rows) {
      defs.questions.set(r.id, r);
      found.set(r.id, r);
    }
  }
  return found;
}
