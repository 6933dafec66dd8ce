// Hostile bodies against every JSON endpoint that changes something: malformed JSON,
// wrong types, huge and odd strings, unknown ids, replays. Never a 5xx, always a
// message, and not one row changed.
import http from "node:http";
import fc from "fast-check";
import { E2E_BASE_URL } from "./support/env";
import { expect, newAccount, progressCli, signUp, test } from "./support/fixtures";

const nasty = fc.oneof(
  fc.json(),
  fc.string({ unit: "grapheme", maxLength: 200 }),
  fc.constantFrom("", "{", "null", "[]", '{"questionId":null}', '{"questionId":"x","response":{"choice":["a"]}}', '{"__proto__":{"admin":true}}', "\u0000\u202e", "9".repeat(400), "x".repeat(40_000), `{"questionId":"x","response":${"[".repeat(5000)}${"]".repeat(5000)}}`, "[".repeat(8000)),
  fc.record({ questionId: fc.oneof(fc.string(), fc.integer(), fc.constant(null)), response: fc.anything() }).map((v) => JSON.stringify(v)),
);

test("JSON endpoints answer hostile bodies with a 4xx and a message, and change nothing", async ({ page }) => {
  test.setTimeout(120_000);
  const account = newAccount();
  await signUp(page, account);
  progressCli("complete-all", account.email);
  const started = await page.request.post("/api/quizzes/final-assessment/attempts");
  const attemptId = (await started.json()).attempt.id as string;
  const endpoints = [
    `/api/attempts/${attemptId}/answers`,
    "/api/attempts/no-such-attempt/answers",
    "/api/attempts/no-such-attempt/submit",
    `/api/quizzes/${encodeURIComponent("no such quiz ✓")}/attempts`,
    "/api/credentials/verify",
  ];
  const before = JSON.parse(progressCli("fingerprint", account.email));
  const problems: string[] = [];
  await fc.assert(
    fc.asyncProperty(fc.constantFrom(...endpoints), nasty, async (url, body) => {
      for (let replay = 0; replay < 2; replay++) {
        const response = await page.request.post(url, { data: body, headers: { "content-type": "application/json" } });
        const text = await response.text();
        // The verifier's answer to a well-formed request about a bad credential is a verdict, not an error.
        if (url.endsWith("/verify") && response.status() === 200) {
          if (!/"verified"\s*:\s*false,\s*"reason"\s*:\s*"[^"]{8,}/.test(text)) problems.push(`${url}: 200 without a negative verdict: ${text.slice(0, 80)}`);
          continue;
        }
        if (response.status() >= 500 || response.status() < 400) problems.push(`${url} ${JSON.stringify(body).slice(0, 60)}: ${response.status()}`);
        else if (!/"error"\s*:\s*"[^"]{8,}/.test(text)) problems.push(`${url}: ${response.status()} without a message: ${text.slice(0, 80)}`);
      }
    }),
    { numRuns: 60, seed: 11 },
  );
  expect(problems.slice(0, 10)).toEqual([]);
  expect(JSON.parse(progressCli("fingerprint", account.email))).toEqual(before);
});

test("request bodies over the limit are refused before they are read", async ({ page }) => {
  await signUp(page, newAccount());
  const response = await page.request.post("/api/attempts/anything/answers", { data: "x".repeat(200_000), headers: { "content-type": "application/json" } });
  expect(response.status()).toBe(413);
  expect((await response.json()).error).toMatch(/too large/);
});

test("a form post over the server-action limit, or of no declared length, gets a 4xx with a message, not Next's 500", async ({ page }) => {
  await signUp(page, newAccount());
  // The no-JavaScript form of the join page posts multipart to the page itself.
  const multipart = { joinCode: "ABCD-EFGH", list: { name: "class.csv", mimeType: "text/csv", buffer: Buffer.alloc(300 * 1024, "a") } };
  for (const path of ["/join/ABCDEFGH", "/account", "/instructor/sections/anything"]) {
    const response = await page.request.post(path, { multipart, maxRedirects: 0 });
    expect(response.status(), path).toBe(413);
    expect(await response.text()).toMatch(/Too large: a form may send at most 256 KB/);
  }
  // A chunked body declares no length: refused before any of it is read.
  const chunked = await new Promise<{ status: number; text: string }>((resolve, reject) => {
    const request = http.request(new URL("/account", E2E_BASE_URL), { method: "POST", headers: { "content-type": "text/plain", "transfer-encoding": "chunked", "next-action": "0".repeat(40) } }, (response) => {
      let text = "";
      response.on("data", (chunk: Buffer) => (text += chunk.toString()));
      response.on("end", () => resolve({ status: response.statusCode ?? 0, text }));
    });
    request.on("error", reject);
    request.write("x".repeat(1000));
    request.end();
  });
  expect(chunked.status).toBe(411);
  expect(chunked.text).toMatch(/Content-Length/);
});

test("pages with a token or code in the path answer odd ones with a page or a 4xx, never a 5xx", async ({ request }) => {
  const odd = ["%25", "%", "%E0%A4%A", "..%2F..%2F", "x".repeat(300), encodeURIComponent("✓ ' \" <"), "%00"];
  const problems: string[] = [];
  for (const prefix of ["/invitations/", "/join/", "/reset-password/", "/verify/", "/lessons/", "/api/attempts/"]) {
    for (const value of odd) {
      const response = await request.get(`${prefix}${value}`, { maxRedirects: 0 });
      if (response.status() >= 500) problems.push(`${prefix}${value}: ${response.status()}`);
    }
  }
  expect(problems).toEqual([]);
});
