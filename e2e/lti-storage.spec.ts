// LTI client-side postMessage storage (issue 15), in Chromium against the simulated LMS on
// another site: the LMS course page offers its storage to the Casebook frame; the login keeps
// its state there; the browser then drops Casebook's cookies (as a browser that blocks
// third-party cookies does) before the LMS posts the launch; Casebook's page asks the LMS
// for the state and finishes the launch inside the frame, where the learner can also sign
// out. An LMS page whose storage does
// not hold the state gets the refusal, and nobody is signed in.
import { startPlatform } from "../tests/support/lti-platform";
import { expectAccessible } from "./support/axe";
import { registerWithCli } from "./support/lti";
import { E2E_BASE_URL } from "./support/env";
import { expect, test } from "./support/fixtures";

test("inside the LMS with its cookies dropped, the launch is confirmed through the LMS's storage; without the state there it is refused", async ({ page, browser }) => {
  test.setTimeout(120_000);
  const platform = await startPlatform({ clientId: `casebook-storage-${Date.now()}`, servedAuth: true });
  try {
    const r = platform.registration;
    const registered = registerWithCli(platform, "Test LMS (storage)");
    expect(registered.status, registered.stderr).toBe(0);
    const stamp = Date.now();
    const login = `${E2E_BASE_URL}/api/lti/login?${new URLSearchParams({ iss: r.issuer, login_hint: "hint", target_link_uri: `${E2E_BASE_URL}/course`, client_id: r.clientId })}`;
    const coursePage = `${platform.base}/course-page?storage=1&login=${encodeURIComponent(login)}`;
    const context = { id: `course-storage-${stamp}`, label: "PARA 101", title: `Paralegal Studies ${stamp}` };
    const learner = `Sol Storage ${stamp}`;
    platform.browser.nextLaunch = { target: `${E2E_BASE_URL}/course`, sub: `storage-learner-${stamp}`, name: learner, email: undefined, [`https://purl.imsglobal.org/spec/lti/claim/context`]: context };
    platform.browser.holdAuth = true;

    // The login kept its state in the LMS's storage, then went on to the LMS's sign-in.
    await page.goto(coursePage);
    const frame = page.frameLocator('iframe[title="Casebook"]');
    await expect(frame.getByRole("button", { name: "Continue to Casebook" })).toBeVisible();
    const stored = await page.evaluate(() => (window as unknown as { ltiStorage: { values: Record<string, string>; subjects: string[] } }).ltiStorage);
    expect(stored.subjects).toEqual(["lti.put_data"]);
    expect(Object.keys(stored.values)).toEqual([expect.stringMatching(new RegExp(`^${E2E_BASE_URL} state_[\\w-]{43}$`))]);

    // The browser drops Casebook's cookies; the launch is confirmed through the storage and signs the learner in, framed.
    await page.context().clearCookies({ domain: new URL(E2E_BASE_URL).hostname });
    await frame.getByRole("button", { name: "Continue to Casebook" }).click();
    await expect(frame.getByTestId("signed-in-name")).toHaveText(learner);
    await expect(frame.getByTestId("progress-percent")).toHaveText(/^0%/);
    expect(await page.evaluate(() => (window as unknown as { ltiStorage: { subjects: string[] } }).ltiStorage.subjects)).toEqual(["lti.put_data", "lti.get_data"]);

    // Signing out works inside the frame too (the framed session's cookie is Partitioned).
    await frame.getByRole("button", { name: "Sign out" }).click();
    await expect(frame.getByRole("link", { name: "Sign in" })).toBeVisible();
    await expect(frame.getByTestId("signed-in-name")).toHaveCount(0);

    // Another browser whose LMS page has no such state (its storage forgot it): refused, nobody signed in.
    const other = await (await browser.newContext()).newPage();
    platform.browser.nextLaunch = { ...platform.browser.nextLaunch, sub: `storage-other-${stamp}`, name: `Otto Other ${stamp}` };
    await other.goto(coursePage);
    const otherFrame = other.frameLocator('iframe[title="Casebook"]');
    await expect(otherFrame.getByRole("button", { name: "Continue to Casebook" })).toBeVisible();
    await other.evaluate(() => ((window as unknown as { ltiStorage: { values: Record<string, string> } }).ltiStorage.values = {}));
    await other.context().clearCookies({ domain: new URL(E2E_BASE_URL).hostname });
    await otherFrame.getByRole("button", { name: "Continue to Casebook" }).click();
    await expect(otherFrame.getByRole("heading", { name: "Casebook could not complete this LTI launch" })).toBeVisible();
    await expect(otherFrame.locator("[data-problem]")).toHaveAttribute("data-problem", "browser");
    await expectAccessible(other);
    const session = await other.request.get(`${E2E_BASE_URL}/api/auth/session`);
    expect(await session.json()).toEqual({});
  } finally {
    await platform.close();
  }
});
