import "server-only";
import { db } from "@/lib/db";

// Failed sign-ins allowed per account and per client address in one window.
export const MAX_FAILURES = 10;
export const WINDOW_MS = 15 * 60 * 1000;

export function throttleKeys(email: string, ip: string | null): string[] {
  return ip ? [`account:${email}`, `ip:${ip}`] : [`account:${email}`];
}

/**
 * Minutes until the oldest counted failure leaves the window, or null when the
 * caller may try. Counts live in the database so every app instance agrees.
 */
export async function retryAfterMinutes(keys: string[], now = new Date()): Promise<number | null> {
  const since = new Date(now.getTime() - WINDOW_MS);
  for (const key of keys) {
    const failures = await db.signInFailure.findMany({
      where: { key, createdAt: { gt: since } },
      select: { createdAt: true },
      orderBy: { createdAt: "desc" },
      take: MAX_FAILURES,
    });
    if (failures.length >= MAX_FAILURES) {
      const oldest = failures[failures.length - 1].createdAt.getTime();
      return Math.max(1, Math.ceil((oldest + WINDOW_MS - now.getTime()) / 60_000));
    }
  }
  return null;
}

export async function recordFailure(keys: string[]): Promise<void> {
  await db.signInFailure.createMany({ data: keys.map((key) => ({ key })) });
}

/** A successful sign-in clears the account's count (not the address's). */
export async function clearAccountFailures(email: string): Promise<void> {
  await db.signInFailure.deleteMany({ where: { key: `account:${email}` } });
}

/** Old rows are useless once outside the window; pruned opportunistically. */
export async function pruneFailures(now = new Date()): Promise<void> {
  await db.signInFailure.deleteMany({ where: { createdAt: { lt: new Date(now.getTime() - WINDOW_MS) } } });
}
