import "server-only";
// Grade passback (AGS 2.0, issue 15, ADR 0019) through a durable outbox. queueScores runs
// inside the transaction that changed a student's records (lib/course/record.ts, the one
// write path for derived rows), so a score the server acknowledged is never lost; the
// sender posts each queued score after the response and on every instance's timer, holding
// a lease so no two instances post one row at once, and retrying with backoff.
import { afterResponse, afterResponseSettled } from "@/lib/http/after-response";
import { db, type Tx } from "@/lib/db";
import { bestAttempts } from "@/lib/course/rules";
import { gradedOf, type StudentFacts } from "@/lib/course/facts";
import { writtenGradesOf } from "@/lib/assignments/rubric";
import type { CourseStructure } from "@/lib/course/structure";
import { SCOPE } from "./claims";
import { MAX_SCORE_TRIES, nextScoredAt, outcomeOf, owedScores, scoreChanged, scoreRetryDelayMs, scoresUrl, type PostOutcome } from "./grades";
import { lineItemUrl } from "./line-items";
import { platformById } from "./platforms";
import { serviceCall, ServiceError } from "./services";

/**
 * Queues, inside `tx`, every score these students' records now owe an LMS gradebook that
 * differs from what was queued before. `students` are those with an LMS identity (the
 * caller's summary read counts them, so a course without LTI pays nothing); each is
 * scored in the LMS courses linked to their active section that let Casebook post scores.
 */
export async function queueScores(tx: Tx, structure: CourseStructure, students: { id: string; sectionId: string | null }[], facts: Map<string, StudentFacts>, now = new Date()): Promise<number> {
  const linked = students.filter((s) => s.sectionId);
  if (linked.length === 0) return 0;
  const ids = linked.map((s) => s.id);
  const [identities, contexts, queued] = await Promise.all([
    tx.ltiIdentity.findMany({ where: { userId: { in: ids } }, select: { userId: true, subject: true, platformId: true } }),
    tx.ltiContext.findMany({ where: { canPostScores: true, sectionId: { in: [...new Set(linked.map((s) => s.sectionId!))] } }, select: { platformId: true, contextId: true, sectionId: true } }),
    tx.ltiScore.findMany({ where: { userId: { in: ids } }, select: { id: true, platformId: true, contextId: true, userId: true, activity: true, scoreGiven: true, scoreMaximum: true, scoredAt: true } }),
  ]);
  const queuedByKey = new Map(queued.map((q) => [`${q.platformId}\n${q.contextId}\n${q.userId}\n${q.activity}`, q]));
  let count = 0;
  for (const student of linked) {
    const mine = facts.get(student.id);
    if (!mine) continue;
    // Written work counts only once released: the same rule readiness, the gradebook and the export read.
    const written = writtenGradesOf(structure.assignments, mine.written).map((a) => ({ slug: a.slug, percent: a.percent }));
    const owed = owedScores(structure.quizzes, bestAttempts(gradedOf(mine)), mine.readyAt, written);
    for (const identity of identities.filter((i) => i.userId === student.id)) {
      for (const context of contexts.filter((c) => c.sectionId === student.sectionId && c.platformId === identity.platformId)) {
        for (const score of owed) {
          const before = queuedByKey.get(`${context.platformId}\n${context.contextId}\n${student.id}\n${score.activity}`);
          if (before && !scoreChanged(before, score)) continue;
          const fresh = { ...score, subject: identity.subject, scoredAt: nextScoredAt(before?.scoredAt ?? null, now), status: "pending", tries: 0, nextTryAt: now, lastError: null };
          if (before) await tx.ltiScore.update({ where: { id: before.id }, data: { ...fresh, version: { increment: 1 } }, select: { id: true } });
          else await tx.ltiScore.create({ data: { ...fresh, platformId: context.platformId, contextId: context.contextId, userId: student.id }, select: { id: true } });
          count++;
        }
      }
    }
  }
  if (count) sendScoresSoon();
  return count;
}

const BATCH = 20;
/** How long one post holds a score: well past the worst case of its calls (token, lookup, column, post, each 10 s, a token retried once). */
const CLAIM_MS = 5 * 60_000;

type DueScore = Awaited<ReturnType<typeof claimedScore>>;

async function claimedScore(id: string, now: Date) {
  return db.ltiScore.findUnique({
    where: { id },
    select: {
      id: true, version: true, tries: true, platformId: true, contextId: true, subject: true, activity: true,
      scoreGiven: true, scoreMaximum: true, activityProgress: true, gradingProgress: true, scoredAt: true,
      context: { select: { lineItemsUrl: true, canManageLineItems: true } },
    },
  }).then((row) => (row ? { ...row, claimedAt: now } : null));
}

/** Posts one claimed score; the outcome and, when it failed, why. */
async function post(row: NonNullable<DueScore>): Promise<{ outcome: PostOutcome; error: string | null }> {
  try {
    const platform = await platformById(db, row.platformId);
    if (!platform) return { outcome: "refused", error: "The platform's registration was removed." };
    const url = await lineItemUrl(platform, { platformId: row.platformId, contextId: row.contextId, activity: row.activity }, row.context);
    const response = await serviceCall(platform, [SCOPE.score], scoresUrl(url), {
      method: "POST",
      headers: { "content-type": "application/vnd.ims.lis.v1.score+json" },
      body: JSON.stringify({
        userId: row.subject,
        scoreGiven: row.scoreGiven,
        scoreMaximum: row.scoreMaximum,
        activityProgress: row.activityProgress,
        gradingProgress: row.gradingProgress,
        timestamp: row.scoredAt.toISOString(),
      }),
    });
    const outcome = outcomeOf(response.status);
    // A 401 after a fresh token is the platform refusing Casebook: retried later, not forever.
    return { outcome: outcome === "reauthorize" ? "retry" : outcome, error: outcome === "sent" ? null : `The platform answered ${response.status} to the score.` };
  } catch (error) {
    if (error instanceof ServiceError) return { outcome: error.status === null || outcomeOf(error.status) !== "refused" ? "retry" : "refused", error: error.message };
    throw error;
  }
}

/**
 * Posts the scores that are due, oldest first; returns how many were sent. A score is
 * claimed by a conditional update (a lease), posted, and then marked with the outcome
 * only if its version is still the one posted: a newer score queued meanwhile stays
 * pending and goes next, so the platform receives them in order.
 */
export async function deliverDueScores(now = () => new Date()): Promise<{ sent: number; failed: number }> {
  const free = () => ({ OR: [{ claimedUntil: null }, { claimedUntil: { lt: now() } }] });
  const due = await db.ltiScore.findMany({ where: { status: "pending", nextTryAt: { lte: now() }, ...free() }, select: { id: true, version: true }, orderBy: { nextTryAt: "asc" }, take: BATCH });
  let sent = 0;
  let failed = 0;
  for (const candidate of due) {
    const claimed = await db.ltiScore.updateMany({ where: { id: candidate.id, version: candidate.version, status: "pending", ...free() }, data: { claimedUntil: new Date(now().getTime() + CLAIM_MS) } });
    if (claimed.count === 0) continue;
    const row = await claimedScore(candidate.id, now());
    if (!row) continue;
    const { outcome, error } = await post(row).catch((e: unknown) => ({ outcome: "retry" as const, error: e instanceof Error ? e.message : String(e) }));
    const tries = row.tries + 1;
    const gaveUp = outcome === "refused" || (outcome !== "sent" && tries >= MAX_SCORE_TRIES);
    const data =
      outcome === "sent"
        ? { status: "sent", sentVersion: row.version, sentAt: now(), tries: 0, lastError: null, claimedUntil: null }
        : { status: gaveUp ? "failed" : "pending", tries, lastError: error?.slice(0, 500) ?? null, nextTryAt: new Date(now().getTime() + scoreRetryDelayMs(tries)), claimedUntil: null };
    const marked = await db.ltiScore.updateMany({ where: { id: row.id, version: row.version }, data });
    // A newer score arrived while this one was posted: it stays pending; only the lease ends.
    if (marked.count === 0) await db.ltiScore.updateMany({ where: { id: row.id }, data: outcome === "sent" ? { sentVersion: row.version, claimedUntil: null } : { claimedUntil: null } });
    if (outcome === "sent") sent++;
    else if (gaveUp) failed++;
  }
  return { sent, failed };
}

/** After the caller's transaction: post once the response has gone (the timer retries the rest). */
export const sendScoresSoon = () => afterResponse("score delivery", () => deliverDueScores());

/** Resolves when the posts started so far have finished (tests wait on this, not on time). */
export const scoreDeliveriesSettled = afterResponseSettled;

/** How often each instance looks for scores due again. */
export const SCORE_INTERVAL_MS = 15_000;

/** Started once per server instance (instrumentation.ts). */
export function startScoreTimer() {
  setInterval(() => void deliverDueScores().catch((error) => console.error("score delivery failed", error)), SCORE_INTERVAL_MS).unref();
}
