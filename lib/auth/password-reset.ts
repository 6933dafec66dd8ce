import "server-only";
// Forgotten passwords (issue 14): a single-use link that expires, sent by mail. The answer
// is the same whether or not the address has an account, and requests are throttled per
// address and per client, counted in the database like sign-in failures.
import { createHash, randomBytes } from "node:crypto";
import { db } from "@/lib/db";
import { recordAudit } from "@/lib/audit";
import { DomainError } from "@/lib/boundary/errors";
import { publicBaseUrl } from "@/lib/http/base-url";
import { deliverSoon, queueMail } from "@/lib/mail";
import { hashPassword } from "./password";
import { addressBlock, clearAccountFailures, pruneFailures, throttledBy } from "./throttle";

/**
 * Counts this request first and then checks, own row included (as sign-in's claimAttempt
 * does), so a burst of parallel requests cannot all pass a check made before any of them
 * was counted. A refused request takes its rows back.
 */
async function claimResetRequest(accountKey: string, addressKey: string | null, now: Date) {
  const keys = [accountKey, ...(addressKey ? [addressKey] : [])];
  const rows = await db.$transaction(keys.map((key) => db.signInFailure.create({ data: { key, createdAt: now }, select: { id: true } })));
  const refused = (await throttledBy([accountKey], now, RESETS_PER_ACCOUNT + 1)) ?? (addressKey ? await throttledBy([addressKey], now, RESETS_PER_ADDRESS + 1) : null);
  if (refused) await db.signInFailure.deleteMany({ where: { id: { in: rows.map((r) => r.id) } } });
  return refused;
}

export const RESET_LIFETIME_MINUTES = 30;
export const RESETS_PER_ACCOUNT = 3;
export const RESETS_PER_ADDRESS = 10;
export const RESET_REQUESTED = "If an account uses that address, we sent it a link to choose a new password. The link works once, for 30 minutes.";

const tokenHashOf = (token: string) => createHash("sha256").update(token).digest("hex");

/**
 * Queues a reset link for the account with this email, if there is one. Throttled before
 * anything else, for known and unknown addresses alike, so the limit says nothing either.
 */
export async function requestPasswordReset(email: string, address: string | null, now = new Date()): Promise<string> {
  const accountKey = `reset:${email}`;
  const addressKey = address ? `reset-ip:${addressBlock(address)}` : null;
  const refused = await claimResetRequest(accountKey, addressKey, now);
  if (refused) throw new DomainError(429, `Too many reset requests. Try again in ${refused.minutes} minute${refused.minutes === 1 ? "" : "s"}.`);
  const user = await db.user.findFirst({ where: { email, deletedAt: null }, select: { id: true, name: true } });
  const token = randomBytes(32).toString("base64url");
  const link = `${await publicBaseUrl()}/reset-password/${token}`;
  if (user) {
    await db.$transaction(async (tx) => {
      await tx.passwordReset.create({ data: { userId: user.id, tokenHash: tokenHashOf(token), expiresAt: new Date(now.getTime() + RESET_LIFETIME_MINUTES * 60_000) }, select: { id: true } });
      await queueMail(tx, {
        to: email,
        subject: "Choose a new Casebook password",
        text: [
          `Hello ${user.name},`,
          "",
          "Someone (we hope you) asked to reset the password of your Casebook account. To choose a new one, open this link:",
          "",
          link,
          "",
          `It works once, for ${RESET_LIFETIME_MINUTES} minutes. If you did not ask, ignore this message: your password stays as it is.`,
        ].join("\n"),
      });
    });
  }
  await pruneFailures(now);
  if (user) deliverSoon();
  return RESET_REQUESTED;
}

export type ResetLinkState = "valid" | "expired";

/** What the reset page shows; reads only (a GET never writes). */
export async function resetLinkState(token: string, now = new Date()): Promise<ResetLinkState> {
  if (!/^[\w-]{20,100}$/.test(token)) return "expired";
  const row = await db.passwordReset.findUnique({ where: { tokenHash: tokenHashOf(token) }, select: { expiresAt: true, usedAt: true, user: { select: { deletedAt: true } } } });
  return row && !row.usedAt && row.expiresAt > now && !row.user.deletedAt ? "valid" : "expired";
}

export class ResetLinkError extends DomainError {
  constructor() {
    super(410, "This link has expired or was already used. Ask for a new one.");
  }
}

/**
 * Sets the new password if the link is still good. The link is spent by a conditional
 * update, so two submissions of it (or a race) change the password once; every other open
 * link of the account is spent with it.
 */
export async function resetPassword(token: string, password: string, now = new Date()) {
  // The link is checked before the (deliberately slow) hash, so guessed links cost a read.
  if ((await resetLinkState(token, now)) !== "valid") throw new ResetLinkError();
  const passwordHash = await hashPassword(password);
  const email = await db.$transaction(async (tx) => {
    const tokenHash = tokenHashOf(token);
    const spent = await tx.passwordReset.updateMany({ where: { tokenHash, usedAt: null, expiresAt: { gt: now }, user: { deletedAt: null } }, data: { usedAt: now } });
    if (spent.count !== 1) throw new ResetLinkError();
    const { userId } = await tx.passwordReset.findUniqueOrThrow({ where: { tokenHash }, select: { userId: true } });
    const user = await tx.user.update({ where: { id: userId }, data: { passwordHash }, select: { email: true } });
    await tx.passwordReset.updateMany({ where: { userId, usedAt: null }, data: { usedAt: now } });
    await recordAudit({ actorId: userId, action: "account.passwordReset", targetType: "User", targetId: userId }, tx);
    return user.email;
  });
  await clearAccountFailures(email);
}
