// Forgotten password through the browser and a real SMTP server: the mail arrives, its
// link sets a new password once, and the old password stops working.
import { expectAccessible } from "./support/axe";
import { E2E_BASE_URL } from "./support/env";
import { expect, newAccount, signIn, signUp, test } from "./support/fixtures";
import { mailFor } from "./support/mailbox";

test("a student who forgot their password gets a link by mail, sets a new one, and signs in with it", async ({ page, browser }) => {
  const account = newAccount("forgetful");
  await signUp(page, account);
  await page.context().clearCookies();

  await page.goto("/signin");
  await page.getByRole("link", { name: "Forgot your password?" }).click();
  await expectAccessible(page);
  await page.getByLabel("Email").fill(account.email.toUpperCase());
  await page.getByRole("button", { name: "Send me a link" }).click();
  await expect(page.getByTestId("reset-requested")).toContainText("If an account uses that address");

  const mail = await mailFor(account.email);
  const link = mail.text.match(/https?:\/\/\S+\/reset-password\/\S+/)![0];
  await page.goto(link);
  await expectAccessible(page);
  await page.getByLabel("New password", { exact: true }).fill("my-new-password-2026");
  await page.getByLabel("New password again").fill("my-new-password-2026");
  await page.getByRole("button", { name: "Save the new password" }).click();
  await expect(page.getByTestId("password-changed")).toBeVisible();

  await signIn(page, { email: account.email, password: "my-new-password-2026" });
  await expect(page.getByTestId("signed-in-name")).toHaveText(account.name);

  // The link was spent, and the old password no longer works.
  const other = await (await browser.newContext({ baseURL: E2E_BASE_URL })).newPage();
  await other.goto(link);
  await expect(other.getByTestId("reset-expired")).toBeVisible();
  await signIn(other, account);
  await expect(other.getByTestId("form-alert")).toContainText("do not match");
});

test("an address without an account gets the same answer, and no mail", async ({ page }) => {
  await page.goto("/forgot-password");
  await page.getByLabel("Email").fill("nobody-at-all@e2e.test");
  await page.getByRole("button", { name: "Send me a link" }).click();
  await expect(page.getByTestId("reset-requested")).toContainText("If an account uses that address");
});
