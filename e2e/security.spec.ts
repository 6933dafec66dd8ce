import { expect, newAccount, signUp, test } from "./support/fixtures";

test("pages carry a nonce-based CSP and the hardening headers; API answers carry a closed policy", async ({ request }) => {
  const first = await request.get("/signin");
  const second = await request.get("/signin");
  const csp = first.headers()["content-security-policy"];
  const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
  expect(nonce, csp).toBeTruthy();
  expect(csp).toContain("frame-ancestors 'none'");
  expect(csp).not.toMatch(/script-src[^;]*'unsafe-inline'/);
  expect(second.headers()["content-security-policy"]).not.toContain(nonce!);
  // Every script Next.js emits carries this request's nonce, so the page still runs.
  const html = await first.text();
  const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
  expect(scripts.length).toBeGreaterThan(0);
  for (const tag of scripts) expect(tag, tag).toContain(`nonce="${nonce}"`);
  for (const response of [first, await request.get("/api/health")]) {
    expect(response.headers()["x-content-type-options"]).toBe("nosniff");
    expect(response.headers()["referrer-policy"]).toBe("strict-origin-when-cross-origin");
    expect(response.headers()["x-frame-options"]).toBe("DENY");
  }
  expect((await request.get("/api/health")).headers()["content-security-policy"]).toBe("default-src 'none'; frame-ancestors 'none'");
  // The prerendered syllabus gets a fixed policy (no nonce is possible there), still with no framing.
  expect((await request.get("/about")).headers()["content-security-policy"]).toContain("frame-ancestors 'none'");
});

test("the session cookie is HttpOnly and SameSite=Lax, and a page works under the policy", async ({ page, context }) => {
  const violations: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy|Refused to/i.test(message.text())) violations.push(message.text());
  });
  await signUp(page, newAccount());
  const session = (await context.cookies()).find((c) => c.name.endsWith("next-auth.session-token"));
  expect(session?.httpOnly).toBe(true);
  expect(session?.sameSite).toBe("Lax");
  // Client-side behaviour (the sign-out button, navigation) runs with the policy in force.
  await page.goto("/course");
  await page.getByRole("link", { name: "Account" }).click();
  await expect(page.getByRole("heading", { name: "Your account", level: 1 })).toBeVisible();
  expect(violations).toEqual([]);
});

test("spoofed middleware and RSC requests get nothing protected", async ({ page, playwright }) => {
  const anonymous = await playwright.request.newContext({ baseURL: test.info().project.use.baseURL });
  const spoof = { "x-middleware-subrequest": "proxy:proxy:proxy:proxy:proxy:middleware:middleware:middleware:middleware:middleware" };
  for (const path of ["/instructor", "/course", "/account/export", "/instructor/gradebook.csv"]) {
    for (const headers of [spoof, { RSC: "1" }, { ...spoof, RSC: "1" }]) {
      const response = await anonymous.get(path, { headers, maxRedirects: 0 });
      expect([302, 303, 307, 308, 401], `${path} ${JSON.stringify(headers)}`).toContain(response.status());
    }
    const suffixed = await anonymous.get(`${path}.rsc`, { headers: spoof, maxRedirects: 0 });
    expect(suffixed.status(), `${path}.rsc`).not.toBe(200);
  }
  await anonymous.dispose();
  await signUp(page, newAccount());
  for (const path of ["/instructor", "/instructor/gradebook.csv"]) {
    const response = await page.request.get(path, { headers: spoof, maxRedirects: 0 });
    expect(response.status(), path).toBe(403);
  }
});

test("a server action posted from another origin is refused with 403, not a 500", async ({ page }) => {
  await signUp(page, newAccount());
  const html = await (await page.request.get("/lessons/legal-team")).text();
  // React renders each server-action form with a hidden $ACTION_ID_<id> field for no-JS posts.
  const actionId = /name="\$ACTION_ID_([0-9a-f]+)"/.exec(html)?.[1];
  expect(actionId, "a server-action form on the lesson page").toBeTruthy();
  const forged = await page.request.post("/lessons/legal-team", {
    headers: { "next-action": actionId!, origin: "https://evil.example", "content-type": "text/plain;charset=UTF-8" },
    data: "[]",
    maxRedirects: 0,
  });
  expect(forged.status()).toBe(403);
  expect(await forged.text()).toMatch(/another site/);
  // Also on the prerendered page, which otherwise skips the proxy.
  const onStatic = await page.request.post("/about", {
    headers: { "next-action": actionId!, origin: "https://evil.example", "content-type": "text/plain;charset=UTF-8" },
    data: "[]",
    maxRedirects: 0,
  });
  expect(onStatic.status()).toBe(403);
  // The same action from this site's own origin is not refused by that check.
  const own = await page.request.post("/lessons/legal-team", {
    headers: { "next-action": actionId!, origin: new URL(page.url()).origin, "content-type": "text/plain;charset=UTF-8" },
    data: "[]",
    maxRedirects: 0,
  });
  expect(own.status()).not.toBe(403);
  expect(own.status()).toBeLessThan(500);
});
