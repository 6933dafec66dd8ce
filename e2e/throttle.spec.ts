import crypto from "node:crypto";
import http from "node:http";
import { E2E_PORT } from "./support/env";
import { expect, newAccount, signUp, test } from "./support/fixtures";

// Per-address sign-in throttling through the real server entry (scripts/serve.mjs), which
// the e2e run starts with CASEBOOK_TRUST_PROXY=1: the client address is the right-most
// X-Forwarded-For entry, or the socket's peer when there is none. Requests go out over
// node:http so a test can choose its own source address on the loopback range
// (127.0.0.2, 127.0.0.3, …) and write X-Forwarded-For exactly as a proxy would.

const LIMIT = 10;

type Reply = { status: number; location: string; cookies: string[]; body: string };

function send(path: string, options: { method?: string; headers?: Record<string, string>; body?: string; from?: string } = {}): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const request = http.request(
      { host: "127.0.0.1", port: E2E_PORT, path, method: options.method ?? "GET", headers: options.headers, localAddress: options.from },
      (response) => {
        let body = "";
        response.setEncoding("utf8");
        response.on("data", (chunk) => (body += chunk));
        response.on("end", () =>
          resolve({ status: response.statusCode ?? 0, location: response.headers.location ?? "", cookies: response.headers["set-cookie"] ?? [], body }),
        );
      },
    );
    request.on("error", reject);
    request.end(options.body);
  });
}

/** A sign-in client: next-auth's CSRF token and cookie, fetched once and reused for every attempt. */
async function client(from?: string) {
  const csrf = await send("/api/auth/csrf", { from });
  const { csrfToken } = JSON.parse(csrf.body) as { csrfToken: string };
  const cookie = csrf.cookies.map((line) => line.split(";")[0]).join("; ");
  /** The error code next-auth redirects with, or "signed in". */
  return async (email: string, password: string, forwardedFor?: string): Promise<string> => {
    const headers: Record<string, string> = { "content-type": "application/x-www-form-urlencoded", cookie };
    if (forwardedFor) headers["x-forwarded-for"] = forwardedFor;
    const reply = await send("/api/auth/callback/credentials", {
      method: "POST",
      headers,
      body: new URLSearchParams({ csrfToken, email, password }).toString(),
      from,
    });
    // next-auth answers a redirect (302, or 401 for a refused sign-in) whose query names the error.
    expect(reply.location, `status ${reply.status}: ${reply.body.slice(0, 200)}`).not.toBe("");
    return new URL(reply.location, "http://x").searchParams.get("error") ?? "signed in";
  };
}

const someAddress = () => `10.${Array.from(crypto.randomBytes(3)).join(".")}`;
const unknownEmail = () => newAccount("nobody").email;

test("a new X-Forwarded-For first entry per request does not get past the address limit", async ({ page }) => {
  const attempt = await client();
  const real = someAddress(); // what the proxy appends: the address it saw
  const outcomes: string[] = [];
  for (let i = 0; i <= LIMIT; i++) outcomes.push(await attempt(unknownEmail(), "wrong password", `${someAddress()}, ${real}`));
  expect(outcomes.slice(0, LIMIT)).toEqual(Array(LIMIT).fill("credentials"));
  expect(outcomes[LIMIT]).toMatch(/^throttled:address:\d+$/);

  // The sign-in page says it is the address, not the account, that is paused.
  await page.goto(`/signin?error=${encodeURIComponent(outcomes[LIMIT])}`);
  await expect(page.getByTestId("form-alert")).toContainText("from your network address");
});

test("an attacker pauses only its own address, not other clients", async ({ page }) => {
  // The victim has an account and signs in through the proxy from their own address.
  const victim = newAccount();
  await signUp(page, victim);
  const victimAddress = someAddress();

  // One attacker writes the victim's address as the first entry (the proxy appends the real one)…
  const framer = await client();
  const framerAddress = someAddress();
  for (let i = 0; i <= LIMIT; i++) await framer(unknownEmail(), "wrong password", `${victimAddress}, ${framerAddress}`);
  expect(await framer(unknownEmail(), "wrong password", `${victimAddress}, ${framerAddress}`)).toMatch(/^throttled:address:/);

  // …another connects without the header, from its own loopback address: the peer counts.
  const headerless = await client("127.0.0.2");
  for (let i = 0; i < LIMIT; i++) expect(await headerless(unknownEmail(), "wrong password")).toBe("credentials");
  expect(await headerless(unknownEmail(), "wrong password")).toMatch(/^throttled:address:/);

  // Neither pauses the victim, nor a client without the header from another address.
  const victimClient = await client();
  expect(await victimClient(victim.email, victim.password, victimAddress)).toBe("signed in");
  const neighbour = await client("127.0.0.3");
  expect(await neighbour(unknownEmail(), "wrong password")).toBe("credentials");
});
