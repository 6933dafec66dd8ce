import "server-only";
// Outgoing mail through a durable outbox. An event writes its message in its own
// transaction (queueMail), so a crash right after cannot lose it; delivery runs after the
// response (Next's after()), and a failed one again after a growing wait, on each instance's
// timer, so a mail server that was down gets the message when it is back. Without SMTP_URL nothing is sent: the rows are the local
// outbox an operator reads with `npm run mail:outbox` (ADR 0014).
import nodemailer, { type Transporter } from "nodemailer";
import { db, type Tx } from "@/lib/db";
import { serverEnv } from "@/lib/env";
import { afterResponse, afterResponseSettled } from "@/lib/http/after-response";

export type Mail = { to: string; subject: string; text: string };

/** Gives up on a message after this many failed deliveries (it stays in the outbox, with its error). */
export const MAX_DELIVERY_ATTEMPTS = 8;
const BATCH = 20;
/** How long one delivery holds a message (longer than nodemailer's own timeouts). */
const CLAIM_MS = 5 * 60_000;
/** How long a message waits after its n-th failed delivery: 1, 2, 4 … minutes, at most an hour. */
export function retryDelayMs(failedAttempts: number): number {
  return Math.min(60, 2 ** Math.max(0, failedAttempts - 1)) * 60_000;
}

/** How often each server instance looks for mail that is due again (leases keep instances apart). */
export const DELIVERY_INTERVAL_MS = 60_000;

/** A delivered message's body is removed: it may hold a single-use link. */
export const SENT_BODY = "(delivered; the body is not kept)";

export async function queueMail(tx: Tx, mail: Mail) {
  await tx.mailMessage.create({ data: { to: mail.to, subject: mail.subject, text: mail.text }, select: { id: true } });
}

let transport: { url: string; transporter: Transporter } | null = null;
function transporter(url: string): Transporter {
  if (transport?.url !== url) transport = { url, transporter: nodemailer.createTransport(url) };
  return transport.transporter;
}

/**
 * Sends what is waiting, oldest first; returns how many went. Each message is claimed
 * before it is sent (a conditional update sets a lease), so no other delivery, in this
 * process or another instance, sends it while this one holds it; a delivery that died
 * leaves a lease that runs out, and the message is tried again.
 */
export async function deliverPending(now = () => new Date()): Promise<number> {
  const { SMTP_URL, MAIL_FROM } = serverEnv();
  if (!SMTP_URL) return 0;
  const free = () => ({ OR: [{ claimedUntil: null }, { claimedUntil: { lt: now() } }] });
  const pending = await db.mailMessage.findMany({
    where: { sentAt: null, attempts: { lt: MAX_DELIVERY_ATTEMPTS }, ...free() },
    select: { id: true, to: true, subject: true, text: true, attempts: true },
    orderBy: { createdAt: "asc" },
    take: BATCH,
  });
  let sent = 0;
  for (const message of pending) {
    const claimed = await db.mailMessage.updateMany({
      where: { id: message.id, sentAt: null, attempts: message.attempts, ...free() },
      data: { attempts: message.attempts + 1, claimedUntil: new Date(now().getTime() + CLAIM_MS) },
    });
    if (claimed.count === 0) continue;
    try {
      await transporter(SMTP_URL).sendMail({ from: MAIL_FROM, to: message.to, subject: message.subject, text: message.text });
      await db.mailMessage.update({ where: { id: message.id }, data: { sentAt: now(), lastError: null, claimedUntil: null, text: SENT_BODY }, select: { id: true } });
      sent++;
    } catch (error) {
      // The lease becomes the wait before the next try, so a server that is down is not
      // hammered and the attempts last through an outage of hours.
      const notBefore = new Date(now().getTime() + retryDelayMs(message.attempts + 1));
      await db.mailMessage.update({ where: { id: message.id }, data: { lastError: String(error instanceof Error ? error.message : error).slice(0, 500), claimedUntil: notBefore }, select: { id: true } });
    }
  }
  return sent;
}

/** After the caller's transaction committed: deliver once the response has gone. */
export const deliverSoon = () => afterResponse("mail delivery", () => deliverPending());

/** Resolves when the deliveries started so far have finished (tests wait on it, not on time). */
export const deliveriesSettled = afterResponseSettled;

/** Started once per server instance (instrumentation.ts): retries mail that failed, on a timer. */
export function startDeliveryTimer() {
  if (!serverEnv().SMTP_URL) return;
  setInterval(() => void deliverPending().catch((error) => console.error("mail delivery failed", error)), DELIVERY_INTERVAL_MS).unref();
}
