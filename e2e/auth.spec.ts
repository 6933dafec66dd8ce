import { expectAccessible } from "./support/axe";
import { expect, newAccount, signIn, signUp, test } from "./support/fixtures";

test("a new student signs up, signs out, and signs back in", async ({ page }) => {
  const account = newAccount();
  await page.goto("/signup");
  await expectAccessible(page);
  await signUp(page, account);
  await expect(page).toHaveURL(/\/course$/);

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/signin/);
  await expect(page.getByTestId("signed-in-name")).toHaveCount(0);
  await expectAccessible(page);

  await signIn(page, account);
  await expect(page.getByTestId("signed-in-name")).toHaveText(account.name);
  await expect(page).toHaveURL(/\/course$/);
});

test("sign-up explains what is wrong and keeps what was typed", async ({ page }) => {
  const existing = newAccount();
  await signUp(page, existing);
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/signin/);

  await page.goto("/signup");
  await page.getByLabel("Full name").fill("Second Person");
  await page.getByLabel("Email").fill(existing.email.toUpperCase());
  await page.getByLabel("Password").fill("short");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByText(/at least 10 characters/).first()).toBeVisible();
  await expect(page.getByLabel("Full name")).toHaveValue("Second Person");

  await page.getByLabel("Password").fill("a long enough password");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByTestId("form-alert")).toContainText("already exists");
  await expect(page.getByLabel("Email")).toHaveAttribute("aria-invalid", "true");
  await expectAccessible(page);
});

test("a wrong password shows a message, and the 11th failure in 15 minutes is throttled", async ({ page }) => {
  const account = newAccount();
  await signUp(page, account);
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/signin/);

  await signIn(page, { email: account.email, password: "not-the-password" });
  await expect(page.getByTestId("form-alert")).toContainText("do not match");
  await expectAccessible(page);

  for (let attempt = 2; attempt <= 10; attempt++) {
    await page.getByLabel("Password").fill(`wrong-${attempt}`);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByTestId("form-alert")).toContainText("do not match");
    await expect(page.getByRole("button", { name: "Sign in" })).toBeEnabled();
  }
  // Even the right password is refused while the account is throttled.
  await page.getByLabel("Password").fill(account.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByTestId("form-alert")).toContainText("Too many failed sign-in attempts");
  await expect(page.getByTestId("signed-in-name")).toHaveCount(0);
});

test("the sign-in page is keyboard operable", async ({ page }) => {
  const account = newAccount();
  await signUp(page, account);
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/signin/);

  await page.keyboard.press("Tab");
  await expect(page.getByRole("link", { name: "Skip to main content" })).toBeFocused();
  await page.getByLabel("Email").focus();
  await page.keyboard.type(account.email);
  await page.keyboard.press("Tab");
  await page.keyboard.type(account.password);
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("signed-in-name")).toHaveText(account.name);
});
