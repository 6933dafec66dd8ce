import crypto from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createUser, EmailTakenError } from "@/lib/users";
import {
  MAX_FAILURES,
  PRUNE_BATCH,
  WINDOW_MS,
  clearAccountFailures,
  pruneFailures,
  recordFailure,
  retryAfterMinutes,
  throttleKeys,
} from "@/lib/auth/throttle";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { authorizeCredentials } from "@/lib/auth/options";
import { signInErrorMessage } from "@/lib/auth/sign-in-errors";
import { markServerSetsClientAddress, setClientAddress } from "@/lib/http/forwarded";

describe("accounts", () => {
  it("hashes passwords with argon2id and refuses a duplicate email", async () => {
    const user = await createUser({ name: "Ada", email: "ada@example.edu", password: "correct horse battery", role: "student" });
    const row = await db.user.findUniqueOrThrow({ where: { id: user.id }, select: { passwordHash: true } });
    expect(row.passwordHash).toMatch(/^\$argon2id\$/);
    expect(await verifyPassword(row.passwordHash, "correct horse battery")).toBe(true);
    expect(await verifyPassword(row.passwordHash, "wrong")).toBe(false);
    await expect(createUser({ name: "Ada 2", email: "ada@example.edu", password: "another password", role: "student" })).rejects.toBeInstanceOf(EmailTakenError);
  });
});

describe("sign-in throttle", () => {
  it("allows ten failures in the window and refuses the eleventh, per account and per address", async () => {
    const keys = throttleKeys("lee@example.edu", "203.0.113.7");
    for (let i = 0; i < MAX_FAILURES - 1; i++) await recordFailure(keys);
    expect(await retryAfterMinutes(keys)).toBeNull();
    await recordFailure(keys);
    expect(await retryAfterMinutes(keys)).toBe(15);
    // Another account from the same address is throttled too.
    expect(await retryAfterMinutes(throttleKeys("other@example.edu", "203.0.113.7"))).toBe(15);
    // A success clears the account's count, but the address stays throttled.
    await clearAccountFailures("lee@example.edu");
    expect(await retryAfterMinutes(throttleKeys("lee@example.edu", null))).toBeNull();
    expect(await retryAfterMinutes(keys)).not.toBeNull();
  });

  it("forgets failures older than 15 minutes", async () => {
    const keys = throttleKeys("old@example.edu", null);
    for (let i = 0; i < MAX_FAILURES; i++) await recordFailure(keys);
    const later = new Date(Date.now() + 15 * 60 * 1000 + 1000);
    expect(await retryAfterMinutes(keys, later)).toBeNull();
  });
});

// Requests as the production server entry (scripts/serve.mjs) hands them to the app:
// it runs setClientAddress on each one, so these tests exercise the same rule.
markServerSetsClientAddress();

function request(peer: string, options: { forwardedFor?: string; trustedHops?: number } = {}) {
  const req = { headers: options.forwardedFor ? { "x-forwarded-for": options.forwardedFor } : {}, socket: { remoteAddress: peer } };
  setClientAddress(req, options.trustedHops ?? 0);
  return { headers: req.headers as Record<string, string> };
}

async function signInOutcome(email: string, password: string, req: ReturnType<typeof request>): Promise<string> {
  try {
    await authorizeCredentials({ email, password }, req);
    return "signed in";
  } catch (error) {
    return (error as Error).message;
  }
}

const someEmail = (label: string) => `${label}-${crypto.randomUUID().slice(0, 8)}@example.edu`;
const randomAddress = () => Array.from(crypto.randomBytes(4)).join(".");

describe("per-address sign-in throttling through authorize", () => {
  it("stops a spray of wrong passwords over 12 accounts from one client at the address limit", async () => {
    const client = request("203.0.113.5");
    const outcomes: string[] = [];
    for (let i = 0; i < 12; i++) outcomes.push(await signInOutcome(someEmail(`spray${i}`), "wrong password", client));
    expect(outcomes.slice(0, MAX_FAILURES)).toEqual(Array(MAX_FAILURES).fill("credentials"));
    expect(outcomes.slice(MAX_FAILURES)).toEqual(["throttled:address:15", "throttled:address:15"]);
    expect(signInErrorMessage(outcomes[MAX_FAILURES])).toMatch(/from your network address/);
    // Another client is not affected.
    expect(await signInOutcome(someEmail("spray-other"), "wrong password", request("203.0.113.6"))).toBe("credentials");
  });

  it("is not bypassed by a new X-Forwarded-For first entry per request", async () => {
    // Behind one proxy: it appends the address it saw, so only the right-most entry is real.
    const outcomes: string[] = [];
    for (let i = 0; i <= MAX_FAILURES; i++) {
      const spoofed = request("10.0.0.1", { forwardedFor: `${randomAddress()}, 198.51.100.9`, trustedHops: 1 });
      outcomes.push(await signInOutcome(someEmail(`spoof${i}`), "wrong password", spoofed));
    }
    expect(outcomes.at(-1)).toBe("throttled:address:15");

    // With no proxy trusted, X-Forwarded-For is not read at all: the peer is the client.
    const direct: string[] = [];
    for (let i = 0; i <= MAX_FAILURES; i++)
      direct.push(await signInOutcome(someEmail(`direct${i}`), "wrong password", request("203.0.113.40", { forwardedFor: randomAddress() })));
    expect(direct.at(-1)).toBe("throttled:address:15");
  });

  it("does not let an attacker lock out other clients", async () => {
    // A bare user row: only the sign-in check is under test here.
    const victim = await db.user.create({
      data: { name: "Vic", email: someEmail("victim"), passwordHash: await hashPassword("victim's own password") },
      select: { email: true },
    });
    // One attacker connects without the header; another goes through the proxy and writes
    // the victim's address as the first X-Forwarded-For entry.
    for (let i = 0; i <= MAX_FAILURES; i++) {
      await signInOutcome(someEmail(`noheader${i}`), "wrong password", request("192.0.2.66", { trustedHops: 1 }));
      await signInOutcome(someEmail(`framer${i}`), "wrong password", request("10.0.0.1", { forwardedFor: "198.51.100.20, 192.0.2.77", trustedHops: 1 }));
    }
    expect(await signInOutcome(someEmail("noheader"), "wrong password", request("192.0.2.66", { trustedHops: 1 }))).toBe("throttled:address:15");
    expect(await signInOutcome(someEmail("framer"), "wrong password", request("10.0.0.1", { forwardedFor: "192.0.2.77", trustedHops: 1 }))).toBe(
      "throttled:address:15",
    );

    // The victim, behind the proxy at 198.51.100.20, and a client without the header from its own peer, still get in.
    const viaProxy = request("10.0.0.1", { forwardedFor: "198.51.100.20", trustedHops: 1 });
    expect(await signInOutcome(victim.email, "victim's own password", viaProxy)).toBe("signed in");
    expect(await signInOutcome(someEmail("bystander"), "wrong password", request("192.0.2.67", { trustedHops: 1 }))).toBe("credentials");
  });

  it("says the account is paused when the account limit tripped", async () => {
    const email = someEmail("target");
    const outcomes: string[] = [];
    for (let i = 0; i <= MAX_FAILURES; i++) outcomes.push(await signInOutcome(email, "wrong password", request(randomAddress())));
    expect(outcomes.at(-1)).toBe("throttled:account:15");
    expect(signInErrorMessage(outcomes.at(-1))).toMatch(/for this account/);
  });
});

describe("a parallel burst", () => {
  it("gets no more than the limit of password checks, however many arrive at once", async () => {
    const email = someEmail("burst");
    const client = request("203.0.113.90");
    const outcomes = await Promise.all(Array.from({ length: 30 }, () => signInOutcome(email, "wrong password", client)));
    expect(outcomes.filter((o) => o === "credentials").length).toBeLessThanOrEqual(MAX_FAILURES);
    expect(outcomes.every((o) => o === "credentials" || o.startsWith("throttled:"))).toBe(true);
    expect(await db.signInFailure.count({ where: { key: `account:${email}` } })).toBeLessThanOrEqual(MAX_FAILURES);
  });

  it("a successful sign-in leaves no count behind on its address", async () => {
    const user = await db.user.create({ data: { name: "Sue", email: someEmail("success"), passwordHash: await hashPassword("sue's own password") }, select: { email: true } });
    const client = request("203.0.113.91");
    for (let i = 0; i < 3; i++) expect(await signInOutcome(user.email, "sue's own password", client)).toBe("signed in");
    expect(await db.signInFailure.count({ where: { key: "ip:203.0.113.91" } })).toBe(0);
  });
});

describe("pruning old sign-in failures", () => {
  it("removes expired rows when a failure is recorded, a bounded batch at a time", async () => {
    const now = new Date();
    const expired = new Date(now.getTime() - WINDOW_MS - 60_000);
    const key = `account:${someEmail("expired")}`;
    await db.signInFailure.createMany({ data: Array.from({ length: PRUNE_BATCH + 30 }, () => ({ key, createdAt: expired })) });
    const count = () => db.signInFailure.count({ where: { key } });

    const fresh = throttleKeys(someEmail("fresh"), null);
    await recordFailure(fresh, now);
    expect(await count()).toBe(30); // one batch went with the recorded failure
    expect(await pruneFailures(now)).toBe(30);
    expect(await count()).toBe(0);
    // Failures still inside the window stay counted.
    expect(await db.signInFailure.count({ where: { key: fresh[0] } })).toBe(1);
  });
});
