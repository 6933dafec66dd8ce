import "server-only";
import { db } from "@/lib/db";

// Failed sign-ins allowed per account and per client address in one window.
export const MAX_FAILURES = 10;
export const WINDOW_MS = 15 * 60 * 1000;
// Expired rows removed per recorded failure: a failure adds at most two rows, so this
// keeps the table at the window's worth of rows while bounding the work of one request.
export const PRUNE_BATCH = 100;

export type ThrottleScope = "account" | "address";

const ACCOUNT = "account:";
const ADDRESS = "ip:";

export function throttleKeys(email: string, address: string | null): string[] {
  return address ? [`${ACCOUNT}${email}`, `${ADDRESS}${addressBlock(address)}`] : [`${ACCOUNT}${email}`];
}

/**
 * The unit an address limit counts: an IPv4 address, or an IPv6 /64. One IPv6 subscriber
 * usually holds a whole /64 and can send each request from a new address in it.
 */
export function addressBlock(address: string): string {
  if (!address.includes(":")) return address;
  const [head, tail = ""] = address.split("::");
  const left = head ? head.split(":") : [];
  const right = address.includes("::") && tail ? tail.split(":") : [];
  const groups = address.includes("::") ? [...left, ...Array(Math.max(0, 8 - left.length - right.length)).fill("0"), ...right] : left;
  return `${groups.slice(0, 4).map((g) => (parseInt(g, 16) || 0).toString(16)).join(":")}::/64`;
}

/**
 * Which limit refuses the caller and for how many minutes (until the oldest counted
 * failure leaves the window), or null when the caller may try. Counts live in the
 * database so every app instance agrees.
 */
export async function throttledBy(keys: string[], now = new Date()): Promise<{ scope: ThrottleScope; minutes: number } | null> {
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
      const minutes = Math.max(1, Math.ceil((oldest + WINDOW_MS - now.getTime()) / 60_000));
      return { scope: key.startsWith(ADDRESS) ? "address" : "account", minutes };
    }
  }
  return null;
}

export async function retryAfterMinutes(keys: string[], now = new Date()): Promise<number | null> {
  return (await throttledBy(keys, now))?.minutes ?? null;
}

/** Counts a failure, and prunes expired rows on the way so the table never grows without bound. */
export async function recordFailure(keys: string[], now = new Date()): Promise<void> {
  await db.signInFailure.createMany({ data: keys.map((key) => ({ key, createdAt: now })) });
  await pruneFailures(now);
}

/** A successful sign-in clears the account's count (not the address's). */
export async function clearAccountFailures(email: string): Promise<void> {
  await db.signInFailure.deleteMany({ where: { key: `${ACCOUNT}${email}` } });
}

/**
 * Deletes at most `batch` rows that have left the window (Prisma's deleteMany has no
 * limit, so the ids are picked first); returns how many went.
 */
export async function pruneFailures(now = new Date(), batch = PRUNE_BATCH): Promise<number> {
  const expired = await db.signInFailure.findMany({
    where: { createdAt: { lt: new Date(now.getTime() - WINDOW_MS) } },
    select: { id: true },
    take: batch,
  });
  if (expired.length === 0) return 0;
  const { count } = await db.signInFailure.deleteMany({ where: { id: { in: expired.map((row) => row.id) } } });
  return count;
}
