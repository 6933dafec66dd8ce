import { spawnSync } from "node:child_process";
import crypto from "node:crypto";
import { test as base, expect, type Page } from "@playwright/test";
import { E2E_DATABASE_URL } from "./env";

export type Account = { name: string; email: string; password: string };

export function newAccount(prefix = "student"): Account {
  const id = crypto.randomUUID().slice(0, 8);
  return { name: `${prefix[0].toUpperCase()}${prefix.slice(1)} ${id}`, email: `${prefix}-${id}@e2e.test`, password: `pw-${id}-long-enough` };
}

/**
 * Staff are never self-registered: create one with the operator command. An instructor
 * teaches the open section (where sign-ups land) unless `section` says otherwise (null:
 * none yet); a coordinator sees every section.
 */
export function createInstructor(role: "instructor" | "coordinator" = "instructor", section: string | null = "open"): Account {
  const account = newAccount(role);
  const result = spawnSync(
    "npm",
    ["run", "--silent", "user:create", "--", "--email", account.email, "--role", role, "--name", account.name, "--password", account.password, ...(section && role === "instructor" ? ["--section", section] : [])],
    { env: { ...process.env, DATABASE_URL: E2E_DATABASE_URL }, encoding: "utf8" },
  );
  if (result.status !== 0) throw new Error(`user:create failed: ${result.stderr}${result.stdout}`);
  return account;
}

/** Creates a student account in the browser; with `code`, from a section's enrollment link. */
export async function signUp(page: Page, account: Account, code?: string) {
  await page.goto(code ? `/signup?code=${code}` : "/signup");
  await page.getByLabel("Full name").fill(account.name);
  await page.getByLabel("Email").fill(account.email);
  await page.getByLabel("Password").fill(account.password);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByTestId("signed-in-name")).toHaveText(account.name);
}

export async function signIn(page: Page, account: Pick<Account, "email" | "password">) {
  await page.goto("/signin");
  await page.getByLabel("Email").fill(account.email);
  await page.getByLabel("Password").fill(account.password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

/** Every test gets its own client address, so per-address throttling never leaks between tests. */
export const test = base.extend({
  extraHTTPHeaders: async ({}, provide) => {
    const octets = crypto.randomBytes(3);
    await provide({ "x-forwarded-for": `10.${octets[0]}.${octets[1]}.${octets[2]}` });
  },
});
export { expect };

/** Runs the test-only progress helper against the e2e database. */
export function progressCli(...args: string[]) {
  const result = spawnSync(process.execPath, ["--conditions=react-server", "--import", "tsx", "e2e/support/progress-cli.ts", ...args], {
    env: { ...process.env, DATABASE_URL: E2E_DATABASE_URL },
    encoding: "utf8",
  });
  if (result.status !== 0) throw new Error(`progress-cli ${args.join(" ")} failed: ${result.stderr}`);
  return result.stdout.trim();
}
