import { E2E_PORT } from "./support/env";
import { startInstance } from "./support/instance";
import { expect, newAccount, signUp, test } from "./support/fixtures";

// An instance configured as production behind https (NEXTAUTH_URL=https://…), as
// docs/deploy.md requires: its cookies must be Secure as well as HttpOnly and SameSite=Lax.
let server: Awaited<ReturnType<typeof startInstance>> | undefined;
let URL = "";

test.beforeAll(async () => {
  server = await startInstance(E2E_PORT + 2, { NEXTAUTH_URL: "https://casebook.example" });
  URL = server.url;
});

test.afterAll(() => {
  server?.stop();
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
