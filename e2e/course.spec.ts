import { expectAccessible } from "./support/axe";
import { expect, newAccount, signIn, signUp, test } from "./support/fixtures";
import { lessonCount } from "./support/content";

test("a student reads lesson 1, completes it, and Continue resumes at the right place after signing back in", async ({ page }) => {
  const account = newAccount();
  await signUp(page, account);
  await page.goto("/course");
  await expect(page.getByTestId("progress-percent")).toHaveText("0%");
  await expectAccessible(page);

  // The second lesson is locked and says what to finish first; its content is not served.
  const lesson2 = page.locator('[data-testid^="step-"]').filter({ hasText: "Lesson 2" });
  await expect(lesson2).toContainText("Locked");
  const lockedHref = "/lessons/roles-compared";
  await page.goto(lockedHref);
  await expect(page.getByRole("heading", { name: "This lesson is locked" })).toBeVisible();
  await expect(page.getByText("Key takeaways")).toHaveCount(0);

  await page.goto("/course");
  await page.getByTestId("continue").click();
  await expect(page).toHaveURL(/\/lessons\/legal-team$/);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Key takeaways" })).toBeVisible();
  await expectAccessible(page);

  // Completing is idempotent: a second submit of the same form changes nothing.
  await page.getByRole("button", { name: "Mark lesson complete" }).click();
  await expect(page.getByTestId("lesson-complete")).toBeVisible();
  await page.goto("/course");
  const percent = Number((await page.getByTestId("progress-percent").textContent())!.replace("%", ""));
  expect(percent).toBeGreaterThan(0);
  await expect(page.locator('[data-testid="step-legal-team"]')).toContainText("Complete");
  const nextHref = await page.locator('[data-testid^="step-"]').nth(1).getByRole("link").getAttribute("href");

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/signin/);
  await signIn(page, account);
  await expect(page).toHaveURL(/\/course$/);
  await expect(page.getByTestId("progress-percent")).toHaveText(`${percent}%`);
  await expect(page.getByTestId("continue")).toHaveAttribute("href", nextHref!);
});

test("the glossary is reachable from a lesson and is accessible", async ({ page }) => {
  await signUp(page, newAccount());
  await page.goto("/lessons/legal-team");
  await page.goto("/glossary");
  await expect(page.getByRole("heading", { name: "Glossary", level: 1 })).toBeVisible();
  await expect(page.locator("dt").first()).toBeVisible();
  await expectAccessible(page);
});

test("lesson pages work at 360 px wide", async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  await signUp(page, newAccount());
  await page.goto("/lessons/legal-team");
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await expectAccessible(page);
});

test("the public syllabus is prerendered, lists the course objectives and every lesson, and is accessible", async ({ page }) => {
  const response = await page.goto("/about");
  expect(response?.status()).toBe(200);
  // Served from the build's prerendered copy, not rendered per request.
  expect(response?.headers()["x-nextjs-prerender"] ?? response?.headers()["x-nextjs-cache"]).toBeTruthy();
  await expect(page.getByRole("heading", { name: /About Introduction to Legal Careers/, level: 1 })).toBeVisible();
  await expect(page.locator(".syllabus > li")).toHaveCount(lessonCount());
  // The course-level objectives the lessons' objectives map up to (content/course.yaml).
  await expect(page.getByTestId("course-objectives").getByRole("listitem")).toHaveCount(5);
  await expect(page.getByTestId("course-objectives")).toContainText("Work within the ethical limits of the role");
  await expectAccessible(page);
});
