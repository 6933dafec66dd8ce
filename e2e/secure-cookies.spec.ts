import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { E2E_DATABASE_URL, E2E_PORT, E2E_SECRET } from "./support/env";
import { expect, newAccount, signUp, test } from "./support/fixtures";

// An instance configured as production behind https (NEXTAUTH_URL=https://…), as
// docs/deploy.md requires: its cookies must be Secure as well as HttpOnly and SameSite=Lax.
const PORT = E2E_PORT + 2;
const URL = `http://localhost:${PORT}`;
let server: ChildProcess | undefined;

test.beforeAll(async () => {
  server = spawn(process.execPath, [path.join("node_modules", "next", "dist", "bin", "next"), "start", "-p", String(PORT)], {
    env: { ...process.env, NODE_ENV: "production", DATABASE_URL: E2E_DATABASE_URL, NEXTAUTH_SECRET: E2E_SECRET, NEXTAUTH_URL: "https://casebook.example" },
    stdio: "ignore",
  });
  for (let i = 0; i < 120; i++) {
    try {
      if ((await fetch(`${URL}/api/health`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error("the https-configured instance did not start");
});

test.afterAll(() => {
  server?.kill("SIGTERM");
});

function cookiesOf(response: Response) {
  return response.headers.getSetCookie().map((line) => ({ name: line.split("=")[0], line }));
}

test("behind https the session cookie is Secure, HttpOnly and SameSite=Lax", async ({ page }) => {
  const account = newAccount();
  await signUp(page, account);
  const csrfResponse = await fetch(`${URL}/api/auth/csrf`);
  const { csrfToken } = await csrfResponse.json();
  const csrfCookie = cookiesOf(csrfResponse).find((c) => c.name.endsWith("next-auth.csrf-token"))!;
  expect(csrfCookie.name).toBe("__Host-next-auth.csrf-token");
  const signIn = await fetch(`${URL}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: csrfCookie.line.split(";")[0] },
    body: new URLSearchParams({ csrfToken, email: account.email, password: account.password }),
  });
  const session = cookiesOf(signIn).find((c) => c.name.endsWith("next-auth.session-token"));
  expect(session?.name).toBe("__Secure-next-auth.session-token");
  expect(session!.line).toMatch(/;\s*Secure/i);
  expect(session!.line).toMatch(/;\s*HttpOnly/i);
  expect(session!.line).toMatch(/;\s*SameSite=Lax/i);
});
