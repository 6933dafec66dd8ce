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
export async function throttledBy(keys: string[], now = new Date(), limit = MAX_FAILURES): Promise<{ scope: ThrottleScope; minutes: number } | null> {
  const since = new Date(now.getTime() - WINDOW_MS);
  for (const key of keys) {
    const failures = await db.signInFailure.findMany({
      where: { key, createdAt: { gt: since } },
      select: { createdAt: true },
      orderBy: { createdAt: "desc" },
      take: limit,
    });
    if (failures.length >= limit) {
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

/**
 * Claims a sign-in attempt before the password is checked: a row per key is written first
 * and then counted, own row included, so of any number of parallel attempts at most
 * MAX_FAILURES see room (checking first and recording after the slow hash let a burst
 * through). A refused attempt takes its rows back and extends nothing.
 */
export async function claimAttempt(keys: string[], now = new Date()): Promise<{ refused: { scope: ThrottleScope; minutes: number } | null; claim: string[] }> {
  const rows = await db.$transaction(keys.map((key) => db.signInFailure.create({ data: { key, createdAt: now }, select: { id: true } })));
  const claim = rows.map((r) => r.id);
  const refused = await throttledBy(keys, now, MAX_FAILURES + 1);
  if (refused) await releaseClaim(claim);
  return { refused, claim };
}

/** A claim that turned out not to be a failure (a success, or a refusal) is removed. */
export async function releaseClaim(claim: string[]): Promise<void> {
  await db.signInFailure.deleteMany({ where: { id: { in: claim } } });
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
