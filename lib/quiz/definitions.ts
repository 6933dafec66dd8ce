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

type QuizRow = Awaited<ReturnType<typeof readQuizzes>>[number];

function readQuizzes(courseId: string) {
  return db.quiz.findMany({ where: { courseId }, select: QUIZ_FIELDS, orderBy: { position: "asc" } });
}
export type ServedQuestionRow = { id: string; type: string; prompt: string; payload: string };
export type QuestionWeight = { objective: string; points: number };
export type ReviewQuestionRow = ServedQuestionRow & { answerKey: string; explanation: string; objective: string; lessonSection: string };

type Definitions = {
  allQuizzes: Map<"all", Promise<QuizRow[]>>;
  weights: Map<"all", Promise<Map<string, QuestionWeight>>>;
  reviewRows: Map<string, ReviewQuestionRow>;
  banks: Map<string, Promise<BankQuestion[]>>;
  questions: Map<string, ServedQuestionRow>;
};

const definitions = new VersionedCache<Definitions>();

async function current(): Promise<{ courseId: string; defs: Definitions }> {
  const course = await getCourse();
  const defs = await definitions.get(`${course.id}:${course.contentHash}`, async () => ({ allQuizzes: new Map(), weights: new Map(), reviewRows: new Map(), banks: new Map(), questions: new Map() }));
  return { courseId: course.id, defs };
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

/** Every quiz of the course with its settings, one read per content version. */
async function allQuizzes(): Promise<QuizRow[]> {
  const { courseId, defs } = await current();
  return remember(defs.allQuizzes, "all", () => readQuizzes(courseId));
}

/** A quiz's settings by slug, or null when the course has no such quiz. */
export async function quizBySlug(slug: string): Promise<QuizRow | null> {
  return (await allQuizzes()).find((q) => q.slug === slug) ?? null;
}

/** A quiz's settings by id (attempt pages know the id, not the slug), or null. */
export async function quizById(quizId: string): Promise<QuizRow | null> {
  return (await allQuizzes()).find((q) => q.id === quizId) ?? null;
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

/** Every question's objective and points (retired ones too: old attempts count), for mastery. */
export async function questionWeights(): Promise<Map<string, QuestionWeight>> {
  const { courseId, defs } = await current();
  return remember(defs.weights, "all", async () => {
    const rows = await db.question.findMany({ where: { quiz: { courseId } }, select: { id: true, objective: true, points: true } });
    return new Map(rows.map((r) => [r.id, { objective: r.objective, points: r.points }]));
  });
}

/**
 * Questions as a graded attempt's review needs them. Held in server memory like the rest of
 * the content; what reaches a page is decided by the review (lib/quiz/review.ts), which
 * copies a key or explanation only where the reveal rule releases it.
 */
export async function reviewQuestionRows(ids: string[]): Promise<Map<string, ReviewQuestionRow>> {
  const { defs } = await current();
  const missing = ids.filter((id) => !defs.reviewRows.has(id));
  if (missing.length) {
    const rows = await db.question.findMany({
      where: { id: { in: missing } },
      select: { id: true, type: true, prompt: true, payload: true, answerKey: true, explanation: true, objective: true, lessonSection: true },
    });
    for (const r of rows) defs.reviewRows.set(r.id, r);
  }
  return new Map(ids.flatMap((id) => (defs.reviewRows.has(id) ? [[id, defs.reviewRows.get(id)!] as const] : [])));
}
