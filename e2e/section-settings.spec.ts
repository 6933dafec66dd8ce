// A section's own rules (issue 14): its instructor sets them within the coordinator's
// bounds on the section's page, and the section's students see them on their quiz pages;
// a value outside the bounds is refused with a message at the field.
import type { Browser } from "@playwright/test";
import { expectAccessible } from "./support/axe";
import { E2E_BASE_URL } from "./support/env";
import { createInstructor, expect, newAccount, progressCli, signIn, signUp, test } from "./support/fixtures";

const newPage = async (browser: Browser) => (await browser.newContext({ baseURL: E2E_BASE_URL })).newPage();

test("an instructor sets their section's pass mark and attempts; their students see them", async ({ browser }) => {
  test.setTimeout(120_000);
  const teacher = createInstructor("instructor", null);
  const [sectionId, code] = progressCli("make-section", teacher.email, "UTC").split(" ");

  const staff = await newPage(browser);
  await signIn(staff, teacher);
  await expect(staff.getByTestId("signed-in-name")).toHaveText(teacher.name);
  await staff.goto(`/instructor/sections/${sectionId}`);
  const lessons = staff.getByRole("group", { name: "Lesson quizzes" });
  await lessons.getByLabel("Lesson quiz pass mark (%)").fill("20");
  await staff.getByRole("button", { name: "Save settings" }).click();
  await expect(lessons.getByText("between 60 and 100")).toBeVisible();
  await expect(lessons.getByLabel("Lesson quiz pass mark (%)")).toHaveAttribute("aria-invalid", "true");
  await expectAccessible(staff);

  await lessons.getByLabel("Lesson quiz pass mark (%)").fill("70");
  await lessons.getByLabel("Lesson quiz attempts").fill("5");
  await staff.getByRole("button", { name: "Save settings" }).click();
  await expect(staff.getByTestId("section-settings").getByRole("status")).toHaveText(/Settings saved/);
  await staff.reload();
  await expect(staff.getByRole("group", { name: "Lesson quizzes" }).getByLabel("Lesson quiz attempts")).toHaveValue("5");

  // A student of this section sees the section's rules; one who signed up elsewhere does not.
  const account = newAccount("ruled");
  const student = await newPage(browser);
  await signUp(student, account, code);
  progressCli("complete-lesson", account.email, "legal-team");
  await student.goto("/quizzes/legal-team-quiz");
  await expect(student.getByText("Pass mark: 70%.")).toBeVisible();
  await expect(student.getByText("Attempts: 0 of 5 used")).toBeVisible();
  for (const p of [staff, student]) await p.context().close();
});

test("instructors read the course's bounds; the coordinator edits them", async ({ browser }) => {
  test.setTimeout(120_000); // two sign-ins, an axe scan and three page loads on a loaded CI machine
  const teacher = createInstructor("instructor", null);
  const page = await newPage(browser);
  await signIn(page, teacher);
  await expect(page.getByTestId("signed-in-name")).toHaveText(teacher.name);
  await page.goto("/instructor/settings");
  await expect(page.getByTestId("course-settings-read-only")).toContainText("a section may choose 60% to 100%");
  await expect(page.getByTestId("course-settings")).toHaveCount(0);

  const coordinator = createInstructor("coordinator", null);
  const other = await newPage(browser);
  await signIn(other, coordinator);
  await expect(other.getByTestId("signed-in-name")).toHaveText(coordinator.name);
  await other.goto("/instructor/settings");
  await other.getByLabel("Highest pass mark (%)").fill("50");
  await other.getByRole("button", { name: "Save course settings" }).click();
  await expect(other.getByText("The lowest pass mark must not be above the highest.")).toBeVisible();
  await expectAccessible(other);
  // Saved unchanged, so other specs sharing this server see the same rules.
  await other.reload();
  await other.getByRole("button", { name: "Save course settings" }).click();
  await expect(other.getByTestId("course-settings").getByRole("status")).toHaveText(/Course settings saved/);
  for (const p of [page, other]) await p.context().close();
});
