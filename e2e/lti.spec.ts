// LTI 1.3 from the browser's side (issue 15): a coordinator registers a simulated LMS with
// `npm run lti:register` and finds Casebook's addresses on its page; the LMS starts the OIDC
// login; its form_post launch signs the learner in without a password, into the course
// outline; a replayed launch shows the administrator what was wrong and signs nobody in.
import type { Page } from "@playwright/test";
import { startPlatform } from "../tests/support/lti-platform";
import { expectAccessible } from "./support/axe";
import { registerWithCli } from "./support/lti";
import { E2E_BASE_URL } from "./support/env";
import { createInstructor, expect, signIn, test } from "./support/fixtures";

/** What the LMS does with the authorization request: posts the id_token and state back, from its own page. */
async function formPost(page: Page, fields: Record<string, string>) {
  const inputs = Object.entries(fields)
    .map(([name, value]) => `<input type="hidden" name="${name}" value="${value}">`)
    .join("");
  await page.setContent(`<form method="post" action="${E2E_BASE_URL}/api/lti/launch">${inputs}<button>Continue to Casebook</button></form>`);
  await page.getByRole("button", { name: "Continue to Casebook" }).click();
}

test("an LMS registered from the command line launches a learner straight into the course; a replay is refused", async ({ page, browser }) => {
  test.setTimeout(120_000);
  const platform = await startPlatform();
  try {
    const r = platform.registration;
    const registered = registerWithCli(platform);
    expect(registered.status, registered.stderr).toBe(0);
    expect(registered.stdout).toContain(`Login initiation URL: ${E2E_BASE_URL}/api/lti/login`);

    // The coordinator sees the registration and the addresses to paste into the LMS.
    const coordinatorPage = await (await browser.newContext({ baseURL: E2E_BASE_URL })).newPage();
    await signIn(coordinatorPage, createInstructor("coordinator"));
    await expect(coordinatorPage.getByTestId("signed-in-name")).toBeVisible();
    await coordinatorPage.goto("/instructor/lti");
    await expect(coordinatorPage.getByTestId("tool-urls")).toContainText(`${E2E_BASE_URL}/api/lti/jwks`);
    await expect(coordinatorPage.getByTestId("platforms-table")).toContainText(r.issuer);
    await expectAccessible(coordinatorPage);
    // Or by one address the LMS opens (Dynamic Registration): made here, shown once.
    await coordinatorPage.getByRole("button", { name: "Make a registration address" }).click();
    await expect(coordinatorPage.getByTestId("registration-ticket")).toContainText(new RegExp(`${E2E_BASE_URL}/api/lti/register\\?ticket=[\\w-]{43}`));
    await expectAccessible(coordinatorPage);
    const keys = await coordinatorPage.request.get("/api/lti/jwks");
    expect((await keys.json()).keys[0]).toMatchObject({ kty: "RSA", alg: "RS256", use: "sig" });

    // The LMS starts the login (a GET here; POST works the same).
    const start = await page.request.get(
      `/api/lti/login?${new URLSearchParams({ iss: r.issuer, login_hint: "hint-7", target_link_uri: `${E2E_BASE_URL}/course`, client_id: r.clientId })}`,
      { maxRedirects: 0 },
    );
    expect(start.status()).toBe(302);
    const authorize = new URL(start.headers()["location"]);
    expect(authorize.origin + authorize.pathname).toBe(r.authUrl);
    const state = authorize.searchParams.get("state")!;
    const idToken = await platform.sign(platform.launchClaims(authorize.searchParams.get("nonce")!, `${E2E_BASE_URL}/course`, { sub: `e2e-${Date.now()}`, name: "Lena Launch" }));

    await formPost(page, { id_token: idToken, state });
    await expect(page).toHaveURL(`${E2E_BASE_URL}/course`);
    await expect(page.getByTestId("signed-in-name")).toHaveText("Lena Launch");
    await expect(page.getByTestId("progress-percent")).toHaveText(/^0%/);

    // The same launch posted from another browser (login CSRF): refused, with the reason, and nobody is signed in.
    const stranger = await (await browser.newContext()).newPage();
    await formPost(stranger, { id_token: idToken, state });
    await expect(stranger.getByRole("heading", { name: "Casebook could not complete this LTI launch" })).toBeVisible();
    await expect(stranger.locator("[data-problem]")).toHaveAttribute("data-problem", "browser");
    const session = await stranger.request.get(`${E2E_BASE_URL}/api/auth/session`);
    expect(await session.json()).toEqual({});
    // Replayed in the browser that started it: the state is spent.
    const again = await page.request.get(
      `/api/lti/login?${new URLSearchParams({ iss: r.issuer, login_hint: "hint-7", target_link_uri: `${E2E_BASE_URL}/course`, client_id: r.clientId })}`,
      { maxRedirects: 0 },
    );
    expect(again.status()).toBe(302);
    await formPost(page, { id_token: idToken, state: new URL(again.headers()["location"]).searchParams.get("state")! });
    await expect(page.locator("[data-problem]")).toHaveAttribute("data-problem", "nonce");
    // An address that would leave the site after sign-in is refused at the login.
    const offSite = await page.request.get(`/api/lti/login?${new URLSearchParams({ iss: r.issuer, login_hint: "h", target_link_uri: `${E2E_BASE_URL}//evil.example/x`, client_id: r.clientId })}`, { maxRedirects: 0 });
    expect(offSite.status()).toBe(400);
    expect(await offSite.text()).toContain("target_link_uri is not an address on this Casebook site");
  } finally {
    await platform.close();
  }
});
