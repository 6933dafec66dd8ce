import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createUser, EmailTakenError } from "@/lib/users";
import { MAX_FAILURES, recordFailure, retryAfterMinutes, throttleKeys, clearAccountFailures } from "@/lib/auth/throttle";
import { verifyPassword } from "@/lib/auth/password";

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
