// Property-based fuzzing of every server action (the edge where form input enters):
// malformed and hostile form data from every kind of caller never throws anything but
// Next's own redirect/403 signals, and never changes a row.
import fs from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { beforeAll, describe, expect, it, vi } from "vitest";
import type { CurrentUser } from "@/lib/auth/session";
import { seed } from "@/lib/seed";
import { startAttempt } from "@/lib/quiz/attempts";
import { completeLessonsAndQuizzes } from "@/tests/support/course";
import { fingerprint } from "@/tests/support/fingerprint";
import { makeUser } from "@/tests/support/users";

// Actions read the caller from the session cookie and may touch cookies or the cache; outside a
// request those are stubbed, everything below them (sessions re-read from the database,
// zod parsing, domain rules) is the real code.
let caller: CurrentUser | null = null;
vi.mock("@/lib/auth/session-token", async (original) => ({ ...(await original<object>()), sessionUserId: async () => caller?.id ?? null }));
vi.mock("next/headers", () => ({ cookies: async () => ({ get: () => undefined, delete: () => undefined, set: () => undefined }), headers: async () => new Headers() }));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined, revalidateTag: () => undefined }));
process.env.__NEXT_EXPERIMENTAL_AUTH_INTERRUPTS = "true";

type AnyAction = (...args: unknown[]) => Promise<unknown>;

/** Next's redirect(), notFound() and forbidden() throw these on purpose. */
function isNavigationSignal(error: unknown) {
  const digest = (error as { digest?: unknown })?.digest;
  return typeof digest === "string" && (digest.startsWith("NEXT_REDIRECT") || digest.startsWith("NEXT_HTTP_ERROR_FALLBACK") || digest === "NEXT_NOT_FOUND");
}

const nasty = fc.oneof(
  fc.string(),
  fc.string({ unit: "grapheme", maxLength: 50 }),
  fc.constantFrom("", " ", "DELETE", "null", "undefined", "0", "-1", "1e309", "NaN", "<script>alert(1)</script>", "../../etc/passwd", "' OR 1=1 --", "\u0000", "\u202e", "𝕮𝖆𝖘𝖊", "a".repeat(100_000)),
  fc.integer().map(String),
  fc.double().map(String),
);
const FIELDS = ["slug", "attemptId", "password", "confirm", "code", "reason", "studentId", "note", "required", "timeMultiplier", "extraAttempts", "name", "email", "specialization", "q-0", "rating-research"];
const formData = fc.dictionary(fc.constantFrom(...FIELDS, "__proto__", "constructor"), fc.array(nasty, { minLength: 1, maxLength: 3 })).map((fields) => {
  const form = new FormData();
  for (const [name, values] of Object.entries(fields)) for (const value of values) form.append(name, value);
  return form;
});
/** What a forged request could hand an action instead of (previous state, form). */
const argumentsFor = fc.oneof(
  formData.map((form) => [{ ok: false }, form]),
  formData.map((form) => [form]),
  fc.constantFrom<unknown[]>([], [undefined, undefined], [null, null], ["x", 42], [{ ok: true }, { get: 1 }]),
);

describe("server actions under fuzzing", () => {
  const callers: Record<string, () => CurrentUser | null> = {};
  let actions: [string, AnyAction][] = [];

  beforeAll(async () => {
    await seed({ demo: false });
    const owner = await makeUser();
    await completeLessonsAndQuizzes(owner);
    const started = await startAttempt(owner, "final-assessment");
    expect(started.ok).toBe(true);
    const other = await makeUser();
    const instructor = await makeUser("instructor");
    Object.assign(callers, { "signed out": () => null, "a student": () => other, "the owner": () => owner, "an instructor": () => instructor });
    // Every actions.ts under app/, found by walking the tree, so a new action is fuzzed too.
    const files = fs.readdirSync("app", { recursive: true, encoding: "utf8" }).filter((f) => path.basename(f) === "actions.ts");
    const modules = await Promise.all(files.map((f) => import(path.resolve("app", f))));
    actions = modules.flatMap((m) => Object.entries(m).filter(([, value]) => typeof value === "function") as [string, AnyAction][]);
    expect(actions.length).toBeGreaterThanOrEqual(11);
  }, 60_000);

  it("answer malformed input from anyone with a message or a redirect, never an exception, and change nothing", async () => {
    const before = await fingerprint();
    const unexpected: string[] = [];
    for (const [name, action] of actions) {
      for (const [who, user] of Object.entries(callers)) {
        await fc.assert(
          fc.asyncProperty(argumentsFor, async (args) => {
            caller = user();
            try {
              // A replayed request must be as harmless as the first.
              await action(...args).catch((e) => (isNavigationSignal(e) ? undefined : Promise.reject(e)));
              await action(...args).catch((e) => (isNavigationSignal(e) ? undefined : Promise.reject(e)));
            } catch (error) {
              unexpected.push(`${name} as ${who}: ${(error as Error).message}`);
            }
          }),
          { numRuns: 12, seed: 7 },
        );
      }
    }
    caller = null;
    expect([...new Set(unexpected)].slice(0, 10)).toEqual([]);
    expect(await fingerprint()).toEqual(before);
  }, 120_000);
});
