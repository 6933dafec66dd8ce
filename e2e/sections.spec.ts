// Issue 14's acceptance: a coordinator sets up two sections with two instructors, students
// join each by code, and each instructor sees only their own class, everywhere.
import type { Page } from "@playwright/test";
import type { Browser } from "@playwright/test";
import { expectAccessible } from "./support/axe";
import { E2E_BASE_URL } from "./support/env";
import { createInstructor, expect, newAccount, progressCli, signIn, test, type Account } from "./support/fixtures";

async function createSectionAs(page: Page, name: string, instructor: Account) {
  await page.goto("/instructor/sections");
  await page.getByLabel("Section name").fill(name);
  await page.getByLabel("First day of the term").fill("2026-09-01");
  await page.getByLabel("Last day of the term").fill("2027-06-30");
  await page.getByLabel("Time zone").selectOption("America/Chicago");
  await page.getByRole("button", { name: "Create section" }).click();
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
  const sectionId = page.url().split("/").pop()!;
  await page.getByLabel("Instructor's email").fill(instructor.email);
  await page.getByRole("button", { name: "Add instructor" }).click();
  await expect(page.getByTestId("section-instructors")).toContainText(instructor.name);
  const code = (await page.getByTestId("join-code").textContent())!.trim();
  return { id: sectionId, code };
}

const newPage = async (browser: Browser) => (await browser.newContext({ baseURL: E2E_BASE_URL })).newPage();

async function signUpWith(page: Page, account: Account) {
  await page.getByLabel("Full name").fill(account.name);
  await page.getByLabel("Email").fill(account.email);
  await page.getByLabel("Password").fill(account.password);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByTestId("signed-in-name")).toHaveText(account.name);
}

test("two sections, two instructors: each instructor sees only their own students, everywhere", async ({ browser }) => {
  test.setTimeout(180_000);
  const [teacherA, teacherB] = [createInstructor("instructor", null), createInstructor("instructor", null)];
  const coordinator = createInstructor("coordinator");
  const tag = teacherA.email.slice(11, 19);

  const staff = await newPage(browser);
  await signIn(staff, coordinator);
  await expect(staff.getByTestId("signed-in-name")).toHaveText(coordinator.name);
  const a = await createSectionAs(staff, `Fall A ${tag}`, teacherA);
  await expectAccessible(staff);
  const b = await createSectionAs(staff, `Fall B ${tag}`, teacherB);
  await staff.goto("/instructor/sections");
  await expect(staff.getByTestId("sections-table")).toContainText(`Fall A ${tag}`);
  await expectAccessible(staff);
  await staff.context().close();

  // Ann follows A's join link and creates her account there; the code comes with her.
  const ann = newAccount("ann");
  const annPage = await newPage(browser);
  await annPage.goto(`/join/${a.code}`);
  await expectAccessible(annPage);
  await annPage.getByRole("link", { name: "Create an account" }).click();
  await expect(annPage.getByLabel("Enrollment code (optional)")).toHaveValue(a.code);
  await signUpWith(annPage, ann);
  await annPage.goto("/account");
  await expect(annPage.getByTestId("my-section")).toContainText(`Fall A ${tag}`);

  // Ben signs up without a code (the open section), then joins B by typing its code.
  const ben = newAccount("ben");
  const benPage = await newPage(browser);
  await benPage.goto("/signup");
  await signUpWith(benPage, ben);
  await benPage.goto("/join");
  await benPage.getByLabel("Enrollment code").fill(b.code.toLowerCase());
  await benPage.getByRole("button", { name: "Continue" }).click();
  await expect(benPage.getByText(/Joining moves you to/)).toBeVisible();
  await benPage.getByRole("button", { name: `Join Fall B ${tag}` }).click();
  await expect(benPage.getByTestId("joined-notice")).toContainText(`Fall B ${tag}`);
  await expect(benPage.getByTestId("my-section")).toContainText(`Fall B ${tag}`);

  progressCli("complete-all", ann.email);
  progressCli("complete-all", ben.email);
  const annId = progressCli("whois", ann.email);
  const benId = progressCli("whois", ben.email);

  // Instructor A: roster, drill-down, item analysis and the CSV hold Ann and never Ben.
  const pageA = await newPage(browser);
  await signIn(pageA, teacherA);
  await expect(pageA.getByTestId("signed-in-name")).toHaveText(teacherA.name);
  await pageA.goto("/instructor");
  await expect(pageA.getByTestId("roster-count")).toHaveText("1 student");
  await expect(pageA.getByRole("link", { name: ann.name })).toBeVisible();
  await expect(pageA.getByText(ben.name)).toHaveCount(0);
  await expect(pageA.getByLabel("Section", { exact: true })).toContainText(`Fall A ${tag}`);
  await expect(pageA.getByLabel("Section", { exact: true })).not.toContainText(`Fall B ${tag}`);
  await pageA.goto("/instructor/quizzes");
  await expect(pageA.getByRole("listitem").filter({ hasText: "Final assessment" })).toContainText("0 graded attempts");
  await expect(pageA.getByRole("listitem").filter({ hasText: /^Quiz: / }).first()).toContainText("1 graded attempts");
  const csv = await (await pageA.request.get("/instructor/gradebook.csv")).text();
  expect(csv).toContain(ann.email);
  expect(csv).not.toContain(ben.email);
  expect((await pageA.request.get(`/instructor/students/${annId}`)).status()).toBe(200);
  expect((await pageA.request.get(`/instructor/students/${benId}`)).status()).toBe(404);

  // Instructor B: every direct way to A's class is "not found".
  const pageB = await newPage(browser);
  await signIn(pageB, teacherB);
  await expect(pageB.getByTestId("signed-in-name")).toHaveText(teacherB.name);
  for (const url of [`/instructor/students/${annId}`, `/instructor?section=${a.id}`, `/instructor/quizzes?section=${a.id}`, `/instructor/quizzes/legal-team-quiz?section=${a.id}`, `/instructor/objectives?section=${a.id}`, `/instructor/certificates?section=${a.id}`, `/instructor/sign-offs?section=${a.id}`, `/instructor/sections/${a.id}`, `/instructor/gradebook.csv?section=${a.id}`]) {
    expect((await pageB.request.get(url)).status(), url).toBe(404);
  }
  await pageB.goto("/instructor");
  await expect(pageB.getByTestId("roster-count")).toHaveText("1 student");
  await expect(pageB.getByRole("link", { name: ben.name })).toBeVisible();
  await expectAccessible(pageB);
  for (const p of [annPage, benPage, pageA, pageB]) await p.context().close();
});
