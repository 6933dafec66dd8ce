import { expectAccessible } from "./support/axe";
import { createInstructor, expect, newAccount, signIn, signUp, test } from "./support/fixtures";

test.describe("instructor pages are for instructors only", () => {
  test("a signed-out visitor is sent to sign in (direct request and browser)", async ({ page, request }) => {
    const direct = await request.get("/instructor", { maxRedirects: 0 });
    expect([302, 303, 307, 308]).toContain(direct.status());
    expect(direct.headers()["location"]).toContain("/signin");
    expect(await direct.text()).not.toContain("Roster table");

    await page.goto("/instructor");
    await expect(page).toHaveURL(/\/signin\?callbackUrl=%2Finstructor/);
  });

  test("a student gets 403, in the browser and by direct request", async ({ page }) => {
    await signUp(page, newAccount());
    const response = await page.goto("/instructor");
    expect(response?.status()).toBe(403);
    await expect(page.getByRole("heading", { name: "You do not have access to this page" })).toBeVisible();
    await expectAccessible(page);

    // The same session cookie replayed outside the browser, including the RSC variant.
    const direct = await page.request.get("/instructor", { maxRedirects: 0 });
    expect(direct.status()).toBe(403);
    expect(await direct.text()).not.toContain("Roster table");
    const rsc = await page.request.get("/instructor", { headers: { RSC: "1" }, maxRedirects: 0 });
    expect(await rsc.text()).not.toContain("Roster table");
  });

  test("an instructor sees the dashboard, and returns there after signing in", async ({ page }) => {
    const instructor = createInstructor();
    const student = newAccount();
    await signUp(page, student);
    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page).toHaveURL(/\/signin/);

    await page.goto("/instructor");
    await expect(page).toHaveURL(/\/signin/);
    await signIn(page, instructor);
    await expect(page).toHaveURL(/\/instructor$/);
    await expect(page.getByRole("heading", { name: "Roster", level: 1 })).toBeVisible();
    await page.goto(`/instructor?q=${encodeURIComponent(student.email)}`);
    await expect(page.getByRole("cell", { name: student.email })).toBeVisible();
    await expectAccessible(page);
  });
});
