import fs from "node:fs";
import { expectAccessible } from "./support/axe";
import { expect, newAccount, signIn, signUp, test } from "./support/fixtures";

test("a student downloads their data, then closes their account and can no longer sign in", async ({ page }) => {
  const account = newAccount();
  await signUp(page, account);
  await page.goto("/lessons/legal-team");
  await page.getByRole("link", { name: "Account" }).click();
  await expect(page.getByRole("heading", { name: "Your account", level: 1 })).toBeVisible();
  await expectAccessible(page);

  const downloading = page.waitForEvent("download");
  await page.getByRole("link", { name: "Download my data" }).click();
  const download = await downloading;
  const data = JSON.parse(fs.readFileSync((await download.path())!, "utf8"));
  expect(data.profile.email).toBe(account.email);
  expect(data.lessons.map((l: { lesson: string }) => l.lesson)).toContain("legal-team");

  // A wrong confirmation is explained and changes nothing.
  await page.getByLabel("Your password").fill(account.password);
  await page.getByLabel("Type DELETE to confirm").fill("delete");
  await page.getByRole("button", { name: "Close my account" }).click();
  await expect(page.getByText("Type DELETE (in capitals) to confirm.")).toBeVisible();
  await expect(page.getByLabel("Type DELETE to confirm")).toHaveAttribute("aria-invalid", "true");

  await page.getByLabel("Your password").fill(account.password);
  await page.getByLabel("Type DELETE to confirm").fill("DELETE");
  await page.getByRole("button", { name: "Close my account" }).click();
  await expect(page.getByText("Your account is closed and you are signed out.")).toBeVisible();
  expect((await page.request.get("/account/export", { maxRedirects: 0 })).status()).not.toBe(200);

  await signIn(page, account);
  await expect(page.getByText(/do not match an account/).first()).toBeVisible();
  await expect(page.getByTestId("signed-in-name")).toHaveCount(0);
});
