// Progress over terms (issue 14, ADR 0017): a student who finished last year's section
// joins this term's section with its code. The join page says the course starts again;
// afterwards the outline starts at the first lesson, while last year's work stays readable
// on the readiness page (with its quiz results and their review, keys withheld) and on the
// new instructor's view of the student.
import { expectAccessible } from "./support/axe";
import { E2E_BASE_URL } from "./support/env";
import { createInstructor, expect, newAccount, progressCli, signIn, signUp, test } from "./support/fixtures";
import { lessonCount } from "./support/content";

test("a student repeats the course in a new term: a fresh start, and last year stays readable", async ({ page, browser }) => {
  test.setTimeout(120_000);
  const teacher = createInstructor("instructor", null);
  const [, code] = progressCli("make-section", teacher.email, "UTC").split(" ");
  const student = newAccount("repeat");
  await signUp(page, student);
  progressCli("complete-all", student.email);
  progressCli("past-section", student.email);

  await page.goto(`/join/${code}`);
  await expect(page.getByTestId("join-starts-again")).toContainText("Joining starts the course again");
  await expectAccessible(page);
  await page.getByRole("button", { name: /^Join / }).click();
  await expect(page.getByTestId("joined-notice")).toContainText("You start the course again");

  // The outline starts over: the first lesson is next, nothing is complete.
  await page.goto("/course");
  await expect(page.getByTestId("continue")).toContainText("Paralegals and legal assistants on the legal team");
  await expect(page.getByTestId("progress-percent")).toHaveText(/^0%/);

  // Last year, on the readiness page.
  await page.goto("/readiness");
  const earlier = page.getByRole("region", { name: "Earlier terms" });
  await expect(earlier.getByTestId("past-run")).toHaveCount(1);
  await expect(earlier).toContainText(`${lessonCount()} lessons completed`);
  await expect(earlier.getByRole("row", { name: /Quiz: Paralegals and legal assistants on the legal team/ })).toContainText("100% (passed)");
  await expectAccessible(page);
  await earlier.getByRole("row", { name: /Quiz: Paralegals and legal assistants on the legal team/ }).getByRole("link", { name: "review" }).click();
  await expect(page.getByTestId("result-heading")).toHaveText("Passed: 100%");
  await expect(page.getByTestId("past-run-attempt")).toContainText("your answers stay hidden");
  await expect(page.getByTestId("review-item")).toHaveCount(0);
  // The attempt's JSON is closed too: its questions with last year's answers would be keys.
  const attemptId = page.url().split("/attempts/")[1];
  const api = await page.request.get(`/api/attempts/${attemptId}`);
  expect(api.status()).toBe(409);
  expect(JSON.stringify(await api.json())).not.toContain("prompt");
  await expect(page.getByTestId("attempts-left")).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Try again" })).toHaveCount(0);

  // The new section's instructor sees the student as not started, with last year below.
  const staff = await (await browser.newContext({ baseURL: E2E_BASE_URL })).newPage();
  await signIn(staff, teacher);
  await staff.goto(`/instructor/students/${progressCli("whois", student.email)}`);
  await expect(staff.getByRole("region", { name: "Earlier terms" }).getByTestId("past-run")).toHaveCount(1);
  await expect(staff.getByTestId("student-section")).toContainText("E2E section");
  await expectAccessible(staff);
});
