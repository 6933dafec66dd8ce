// Forgotten password (issue 14) against a real SMTP server on a local port: the mail
// arrives, its link works once, expires, and the answer never says whether an account exists.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSmtp, linkIn } from "@/tests/support/smtp";

// Before lib/ is imported: the environment is read once.
const smtp = await startSmtp();
process.env.SMTP_URL = smtp.url;

const { db } = await import("@/lib/db");
const { verifyPassword } = await import("@/lib/auth/password");
const { requestPasswordReset, resetLinkState, resetPassword, RESET_REQUESTED, RESETS_PER_ACCOUNT, ResetLinkError } = await import("@/lib/auth/password-reset");
const { deliverPending, deliveriesSettled, MAX_DELIVERY_ATTEMPTS, retryDelayMs, SENT_BODY } = await import("@/lib/mail");
const { makeUser } = await import("@/tests/support/users");

const tokenOf = (link: string) => link.split("/reset-password/")[1];
const mailTo = async (email: string) => {
  await deliveriesSettled(); // the delivery each request starts after it commits
  await deliverPending();
  return smtp.inbox.filter((m) => m.to === email);
};
const passwordOf = async (id: string) => (await db.user.findUniqueOrThrow({ where: { id }, select: { passwordHash: true } })).passwordHash;

beforeAll(async () => {
  await db.signInFailure.deleteMany({});
});
afterAll(async () => smtp.close());

describe("forgotten password", () => {
  it("mails a link that sets a new password once; the old password and the link stop working", async () => {
    const user = await makeUser();
    expect(await requestPasswordReset(user.email, "10.0.0.1")).toBe(RESET_REQUESTED);
    const [mail] = await mailTo(user.email);
    expect(mail.subject).toMatch(/new Casebook password/);
    const token = tokenOf(linkIn(mail.text, "/reset-password/"));
    expect(await resetLinkState(token)).toBe("valid");
    expect(await db.passwordReset.count({ where: { usedAt: { not: null } } })).toBe(0); // looking at the link spends nothing

    await resetPassword(token, "a-brand-new-password");
    expect(await verifyPassword(await passwordOf(user.id), "a-brand-new-password")).toBe(true);
    expect(await verifyPassword(await passwordOf(user.id), "a-long-test-password")).toBe(false);
    expect(await resetLinkState(token)).toBe("expired");
    await expect(resetPassword(token, "another-new-password")).rejects.toBeInstanceOf(ResetLinkError);
    expect(await verifyPassword(await passwordOf(user.id), "a-brand-new-password")).toBe(true);
    expect(await db.auditLog.count({ where: { action: "account.passwordReset", targetId: user.id } })).toBe(1);
  });

  it("answers the same for an unknown address, and sends nothing", async () => {
    const before = smtp.inbox.length;
    expect(await requestPasswordReset("nobody-here@test.example", "10.0.0.2")).toBe(RESET_REQUESTED);
    await deliveriesSettled();
    await deliverPending();
    expect(smtp.inbox.length).toBe(before);
    expect(await db.mailMessage.count({ where: { to: "nobody-here@test.example" } })).toBe(0);
  });

  it("a link expires after 30 minutes, and a newer link spends the older ones when used", async () => {
    const user = await makeUser();
    const long_ago = new Date(Date.now() - 31 * 60_000);
    await requestPasswordReset(user.email, "10.0.0.3", long_ago);
    const old = tokenOf(linkIn((await mailTo(user.email))[0].text, "/reset-password/"));
    await requestPasswordReset(user.email, "10.0.0.3");
    const fresh = tokenOf(linkIn((await mailTo(user.email))[1].text, "/reset-password/"));
    expect(await resetLinkState(old)).toBe("expired");
    await expect(resetPassword(old, "should-not-work-1")).rejects.toBeInstanceOf(ResetLinkError);
    await resetPassword(fresh, "fresh-password-123");
    expect(await verifyPassword(await passwordOf(user.id), "fresh-password-123")).toBe(true);
  });

  it("two submissions of one link at once change the password once", async () => {
    const user = await makeUser();
    await requestPasswordReset(user.email, "10.0.0.4");
    const token = tokenOf(linkIn((await mailTo(user.email))[0].text, "/reset-password/"));
    const results = await Promise.allSettled([resetPassword(token, "racer-password-one"), resetPassword(token, "racer-password-two")]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(results.filter((r) => r.status === "rejected").every((r) => (r as PromiseRejectedResult).reason instanceof ResetLinkError)).toBe(true);
  });

  it("is throttled per address the same whether or not it has an account", async () => {
    const user = await makeUser();
    for (const email of [user.email, "ghost@test.example"]) {
      for (let i = 0; i < RESETS_PER_ACCOUNT; i++) expect(await requestPasswordReset(email, `10.1.${i}.${email.length}`)).toBe(RESET_REQUESTED);
      await expect(requestPasswordReset(email, "10.9.9.9")).rejects.toMatchObject({ status: 429, message: expect.stringMatching(/Too many reset requests/) });
    }
    expect(await db.mailMessage.count({ where: { to: user.email } })).toBe(RESETS_PER_ACCOUNT);
  });

  it("a burst of parallel requests for one address gets no more than three links", async () => {
    const user = await makeUser();
    const results = await Promise.allSettled(Array.from({ length: 12 }, (_, i) => requestPasswordReset(user.email, `10.3.${i}.1`)));
    const granted = results.filter((r) => r.status === "fulfilled").length;
    // Each request is counted before it is checked: truly parallel ones (PostgreSQL) may all
    // see each other and some be refused that a serial run would let through, never more.
    expect(granted).toBeLessThanOrEqual(RESETS_PER_ACCOUNT);
    expect(results.filter((r) => r.status === "rejected").every((r) => (r as PromiseRejectedResult).reason?.status === 429)).toBe(true);
    expect(await db.passwordReset.count({ where: { userId: user.id } })).toBe(granted);
  });

  it("sends a message once while a slow delivery holds it, and keeps no link after sending", async () => {
    const user = await makeUser();
    const release = smtp.hold();
    const arrived = smtp.arrivals();
    await requestPasswordReset(user.email, "10.0.0.6"); // its delivery starts and waits on the server
    await expect.poll(() => smtp.arrivals()).toBeGreaterThan(arrived);
    expect(await deliverPending()).toBe(0); // a second delivery finds the message held
    release();
    expect(await mailTo(user.email)).toHaveLength(1);
    expect((await db.mailMessage.findFirstOrThrow({ where: { to: user.email }, select: { text: true } })).text).toBe(SENT_BODY);
  });

  it("keeps a message the mail server refused and delivers it once the server takes mail again", async () => {
    const user = await makeUser();
    smtp.refuse(true);
    await requestPasswordReset(user.email, "10.0.0.5");
    expect(await mailTo(user.email)).toHaveLength(0);
    const waiting = await db.mailMessage.findFirstOrThrow({ where: { to: user.email }, select: { sentAt: true, attempts: true, lastError: true } });
    expect(waiting).toMatchObject({ sentAt: null, lastError: expect.stringMatching(/451/) });
    expect(waiting.attempts).toBeGreaterThanOrEqual(1); // after the request, and again when the test asked
    smtp.refuse(false);
    // It waits before the next try (a server that is down is not hammered) ...
    await deliverPending();
    expect(smtp.inbox.filter((m) => m.to === user.email)).toHaveLength(0);
    // ... and goes once the wait is over, as the instance's timer finds it.
    await deliverPending(() => new Date(Date.now() + retryDelayMs(MAX_DELIVERY_ATTEMPTS)));
    expect(smtp.inbox.filter((m) => m.to === user.email)).toHaveLength(1);
    expect((await db.mailMessage.findFirstOrThrow({ where: { to: user.email }, select: { sentAt: true } })).sentAt).not.toBeNull();
  });
});
