import "server-only";
// Lesson views record "started", "last visited" and "last active" off the request path
// (issue 13: a signed-in GET sends no write). A view notes what is due in memory and
// returns; the writes run after the response has been sent (Next's after()), batched with
// any other views of the same moment. "Started" is a fact the outline and the roster need,
// so a write that fails for a passing reason (the database busy) is kept and tried again;
// one that can never succeed (the user or lesson is gone) is dropped. A view this instance
// never wrote (a crash, a restart) is noted again on the next view, since the record still
// shows the lesson unstarted.
import { after } from "next/server";
import { db } from "@/lib/db";
import { retryOnConflict } from "@/lib/db/retry";
import { touchActivity } from "@/lib/roster/summaries";
import { Prisma } from "@/lib/generated/prisma/client";
import { CURRENT_RUN } from "./runs";

/** The user or the lesson no longer exists (foreign key, or nothing to update): retrying cannot help. */
function isMissingReference(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && (error.code === "P2003" || error.code === "P2025");
}

/** How stale a student's "last active" time may get before a page view rewrites it. */
export const ACTIVITY_RESOLUTION_MS = 5 * 60_000;

// When this instance last wrote a visit or activity, so repeated views within the interval
// cost no write and no query. Per instance: another instance may write once more, harmless.
const lastWritten = new Map<string, number>();
const MAX_REMEMBERED = 50_000;

function dueForWrite(key: string, now: number): boolean {
  const last = lastWritten.get(key);
  if (last !== undefined && now - last < ACTIVITY_RESOLUTION_MS) return false;
  if (lastWritten.size >= MAX_REMEMBERED) lastWritten.clear();
  lastWritten.set(key, now);
  return true;
}

type Visit = { userId: string; lessonId: string; at: Date; start: boolean; visit: boolean; active: boolean };
const pending = new Map<string, Visit>();
let flushing: Promise<void> | null = null;
let scheduled = false;

/**
 * Notes a student's view of a lesson. "Started" is due on the first view; "last visited"
 * and "last active" at most once per interval per student (and lesson), decided here in
 * memory, so a student reading a lesson causes no query at all most of the time.
 */
export function noteLessonView(userId: string, lessonId: string, started: boolean, now = new Date()): void {
  const visitKey = `visit:${userId}:${lessonId}`;
  const start = !started;
  const visit = dueForWrite(visitKey, now.getTime()) || start;
  const active = dueForWrite(`active:${userId}`, now.getTime());
  if (!start && !visit && !active) return;
  const key = `${userId}:${lessonId}`;
  const earlier = pending.get(key);
  pending.set(key, { userId, lessonId, at: now, start: start || Boolean(earlier?.start), visit: visit || Boolean(earlier?.visit), active: active || Boolean(earlier?.active) });
  schedule();
}

const RETRY_MS = 5_000;

function schedule(delayMs = 0) {
  if (scheduled) return;
  scheduled = true;
  const run = () => {
    scheduled = false;
    return flushLessonViews().catch((error) => {
      console.error("Recording lesson views failed; retrying shortly.", error);
      schedule(RETRY_MS);
    });
  };
  if (delayMs > 0) {
    setTimeout(run, delayMs).unref();
    return;
  }
  try {
    after(run); // inside a request: once the response is sent
  } catch {
    setImmediate(run); // outside one (scripts, tests): on the next turn
  }
}

/** Writes every noted view now (tests call this; views schedule it themselves). */
export async function flushLessonViews(): Promise<void> {
  while (flushing) await flushing;
  if (pending.size === 0) return;
  const batch = [...pending.values()];
  pending.clear();
  flushing = (async () => {
    const failed: Visit[] = [];
    for (const view of batch) {
      try {
        await writeView(view);
      } catch (error) {
        // "Started" must not be lost to a passing failure: keep the view for the next batch.
        if (view.start && !isMissingReference(error)) failed.push(view);
        else console.error("Recording a lesson view failed; it is dropped.", error);
      }
    }
    for (const view of failed) if (!pending.has(`${view.userId}:${view.lessonId}`)) pending.set(`${view.userId}:${view.lessonId}`, view);
    if (failed.length) throw new Error(`${failed.length} lesson start(s) could not be recorded yet`);
  })();
  try {
    await flushing;
  } finally {
    flushing = null;
  }
}

async function writeView({ userId, lessonId, at, start, visit, active }: Visit): Promise<void> {
  if (start) {
    await retryOnConflict(() =>
      db.lessonProgress.upsert({
        where: { userId_lessonId_pastRun: { userId, lessonId, pastRun: CURRENT_RUN } },
        create: { userId, lessonId, startedAt: at, lastVisitedAt: at },
        update: {},
        select: { id: true },
      }),
    );
  } else if (visit) {
    await db.lessonProgress.updateMany({ where: { userId, lessonId, pastRun: CURRENT_RUN }, data: { lastVisitedAt: at } });
  }
  if (!active) return;
  const staleBefore = new Date(at.getTime() - ACTIVITY_RESOLUTION_MS);
  // The user's time and the summary's copy change together.
  await retryOnConflict(() => db.$transaction(async (tx) => {
    const { count } = await tx.user.updateMany({
      where: { id: userId, OR: [{ lastActiveAt: null }, { lastActiveAt: { lt: staleBefore } }] },
      data: { lastActiveAt: at },
    });
    if (count > 0) await touchActivity(tx, userId, at);
  }));
}
