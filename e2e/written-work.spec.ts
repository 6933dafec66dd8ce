// Written work graded with a rubric (issue 17), end to end: a student drafts (a reload
// keeps the draft), reviews and submits; their instructor grades with the rubric using
// only the keyboard and releases; the student sees the levels and comments and readiness
// counts the grade. A section that grades anonymously shows a pseudonym until release.
import type { Browser, Page } from "@playwright/test";
import { expectAccessible } from "./support/axe";
import { E2E_BASE_URL } from "./support/env";
import { createInstructor, expect, newAccount, progressCli, signIn, signUp, test } from "./support/fixtures";

const newPage = async (browser: Browser) => (await browser.newContext({ baseURL: E2E_BASE_URL })).newPage();

// About 190 words of an ethics reflection (the assignment asks for 150–400).
const REFLECTION = [
  "Mr. Okafor asked me whether he should sign the move-out agreement by Friday. I told him I understand that the deadline worries him,",
  "but that I am a paralegal, not a lawyer, and that deciding whether to sign is legal advice I am not allowed to give.",
  "Giving it would be the unauthorized practice of law, and it could hurt him if my answer were wrong or incomplete.",
  "I explained what happens next: I will tell Ms. Reyes, the supervising attorney, about his question and the Friday deadline today,",
  "and she or her assistant will call him to arrange a time to talk before Friday. I asked him to bring the agreement and any letters from the landlord.",
  "He also asked me to send everything to his sister. I told him that what he shares with the firm is confidential,",
  "so we need his written permission before we discuss his matter with anyone else, and that the attorney will go over this with him.",
  "Until then, I will not discuss the details with his sister. I thanked him for calling, repeated the next step and the deadline,",
  "and wrote a short note of the call in the file so the attorney has the facts she needs when she calls him back.",
].join(" ");

async function signedInStaff(browser: Browser, account: { name: string; email: string; password: string }) {
  const page = await newPage(browser);
  await signIn(page, account);
  await expect(page.getByTestId("signed-in-name")).toHaveText(account.name);
  return page;
}

/** Picks the top level of every criterion and comments, by keyboard only. */
async function gradeByKeyboard(page: Page, comment: string) {
  const groups = page.locator("form.grading-form fieldset");
  const count = await groups.count();
  expect(count).toBeGreaterThan(0);
  for (let i = 0; i < count; i++) {
    await groups.nth(i).getByRole("radio").first().focus();
    await page.keyboard.press("Space");
    await expect(groups.nth(i).getByRole("radio").first()).toBeChecked();
    // One Tab leaves the radio group for the criterion's comment.
    await page.keyboard.press("Tab");
    await page.keyboard.type(`${comment} ${i + 1}.`);
  }
  await page.getByLabel("Overall comment (optional)").focus();
  await page.keyboard.type("A clear, careful reflection.");
  await page.keyboard.press("Tab");
  await expect(page.getByRole("button", { name: "Save grade" })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("grade-saved")).toContainText("Grade saved: 100%");
}

test("a student drafts and submits, the instructor grades with the rubric by keyboard and releases, and readiness counts it", async ({ browser }) => {
  test.setTimeout(180_000);
  const teacher = createInstructor("instructor", null);
  const [sectionId, code] = progressCli("make-section", teacher.email, "America/Chicago").split(" ");
  const staff = await signedInStaff(browser, teacher);
  // This section counts written work toward readiness (60% on each assignment).
  await staff.goto(`/instructor/sections/${sectionId}`);
  await staff.getByLabel("Written work needed for readiness (%)").fill("60");
  await staff.getByRole("button", { name: "Save settings" }).click();
  await expect(staff.getByTestId("section-settings").getByRole("status")).toHaveText(/Settings saved/);

  const account = newAccount("writer");
  const student = await newPage(browser);
  await signUp(student, account, code);
  progressCli("complete-all", account.email);
  await student.goto("/course");
  await student.getByTestId("assignment-ethics-reflection").getByRole("link").click();
  await expect(student.getByRole("heading", { level: 1 })).toHaveText(/ethics/i);
  await expectAccessible(student);

  // Drafting: the count follows the text, the draft saves itself, and a reload keeps it.
  const editor = student.getByLabel("Your response");
  await editor.fill("Too short.");
  await expect(student.getByTestId("word-count")).toHaveText("2 words (150–400 needed)");
  await editor.fill(REFLECTION);
  await expect(student.getByTestId("word-count")).toContainText("(within the limits)");
  await expect(student.getByTestId("save-status")).toHaveText(/Draft saved/);
  await student.reload();
  await expect(student.getByLabel("Your response")).toHaveValue(REFLECTION);

  // Review, then submit: what was reviewed is what is submitted.
  await student.getByRole("button", { name: "Review and submit…" }).click();
  await expect(student.getByTestId("review-text")).toHaveText(REFLECTION);
  await expectAccessible(student);
  await student.getByRole("button", { name: "Submit for grading" }).click();
  await expect(student.getByTestId("submitted")).toBeVisible();
  await expect(student.getByTestId("try-1")).toContainText("Waiting for your instructor’s grade.");
  await student.goto("/readiness");
  await expect(student.getByTestId("requirement-written")).toHaveAttribute("data-met", "false");

  // The instructor's queue, then the grading view, graded by keyboard only.
  await staff.goto(`/instructor/assignments?section=${sectionId}`);
  const row = staff.getByTestId("grading-queue").getByRole("row", { name: new RegExp(account.name) });
  await expect(row).toContainText("Not graded");
  await expectAccessible(staff);
  await row.getByRole("link", { name: account.name }).click();
  await expect(staff.getByTestId("submission-text")).toHaveText(REFLECTION);
  await expectAccessible(staff);
  await gradeByKeyboard(staff, "Well done on criterion");
  // Held: the student does not see it yet.
  await student.goto("/assignments/ethics-reflection");
  await expect(student.getByTestId("try-1")).toContainText("Waiting for your instructor’s grade.");
  await staff.getByRole("button", { name: "Release this grade to the student" }).focus();
  await staff.keyboard.press("Enter");
  await expect(staff.getByText("Released: the student sees this grade now.")).toBeVisible();

  // The student sees the levels and comments; readiness counts the grade.
  await student.reload();
  await expect(student.getByTestId("try-1").getByRole("heading", { level: 2 })).toContainText("16 of 16 points (100%)");
  await expect(student.getByTestId("overall-comment")).toContainText("A clear, careful reflection.");
  await expect(student.getByText("Well done on criterion 1.")).toBeVisible();
  await expect(student.locator("[data-testid^=picked-]")).toHaveCount(4);
  await expectAccessible(student);
  await student.goto("/readiness");
  await expect(student.getByTestId("requirement-written")).toContainText("“Internship application: a cover letter” (no released grade yet)");
  await expect(student.getByTestId("requirement-written")).not.toContainText("Ethics");
  for (const p of [staff, student]) await p.context().close();
});

test("anonymous grading shows a pseudonym until the grade is released", async ({ browser }) => {
  test.setTimeout(180_000);
  const teacher = createInstructor("instructor", null);
  const [sectionId, code] = progressCli("make-section", teacher.email, "UTC").split(" ");
  const staff = await signedInStaff(browser, teacher);
  await staff.goto(`/instructor/sections/${sectionId}`);
  const settings = staff.getByRole("form", { name: /^Internship application/ });
  await settings.getByLabel(/^Grade anonymously/).check();
  await settings.getByRole("button", { name: "Save" }).click();
  await expect(settings.getByRole("status")).toHaveText(/Saved/);

  const account = newAccount("anonymous");
  const student = await newPage(browser);
  await signUp(student, account, code);
  progressCli("complete-all", account.email);
  progressCli("submit-assignment", account.email, "internship-application");

  await staff.goto(`/instructor/assignments?section=${sectionId}`);
  const queue = staff.getByTestId("grading-queue");
  await expect(queue).toContainText(/Submission [A-Z2-9]{4}/);
  await expect(queue).not.toContainText(account.name);
  await queue.getByRole("link", { name: /Submission [A-Z2-9]{4}/ }).click();
  await expect(staff.getByRole("heading", { level: 1 })).toHaveText(/Submission [A-Z2-9]{4}, version 1/);
  await expect(staff.locator("main")).not.toContainText(account.name);
  await expect(staff.getByRole("link", { name: "Student’s page" })).toHaveCount(0);
  for (const group of await staff.locator("form.grading-form fieldset").all()) await group.getByRole("radio").first().check();
  await staff.getByRole("button", { name: "Save grade" }).click();
  await expect(staff.getByTestId("grade-saved")).toBeVisible();
  await staff.getByRole("button", { name: "Release this grade to the student" }).click();
  await expect(staff.getByRole("heading", { level: 1 })).toHaveText(`${account.name}, version 1`);
  await staff.goto(`/instructor/assignments?section=${sectionId}`);
  await expect(staff.getByTestId("grading-queue")).toContainText(account.name);
  for (const p of [staff, student]) await p.context().close();
});
