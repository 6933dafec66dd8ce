// Issue 14's second acceptance: an instructor sets a due date and grants one student an
// extension; the student sees both; the late policy closes the quiz for the others. The
// server's clock decides, so the test sets the dates relative to it (yesterday, in two
// days) instead of waiting for time to pass.
import type { Browser, Page } from "@playwright/test";
import { dayIn } from "../lib/sections/terms";
import { expectAccessible } from "./support/axe";
import { E2E_BASE_URL } from "./support/env";
import { createInstructor, expect, newAccount, progressCli, signIn, signUp, test, type Account } from "./support/fixtures";
import { mailFor } from "./support/mailbox";

const ZONE = "America/Chicago";
const dayFromNow = (days: number) => dayIn(new Date(Date.now() + days * 86_400_000), ZONE);
const FIRST_QUIZ = "Quiz: Paralegals and legal assistants on the legal team";
const SECOND_QUIZ = "Quiz: How the two roles differ";

const newPage = async (browser: Browser) => (await browser.newContext({ baseURL: E2E_BASE_URL })).newPage();

async function studentIn(browser: Browser, code: string): Promise<{ page: Page; account: Account }> {
  const account = newAccount("dated");
  const page = await newPage(browser);
  await signUp(page, account, code);
  progressCli("complete-lesson", account.email, "legal-team");
  return { page, account };
}

async function saveDates(page: Page, quiz: string, due: string, policy: "Accept late work, marked late" | "Close the quiz at the due date") {
  const form = page.getByRole("form", { name: quiz });
  await form.getByLabel(/^Due on/).fill(due);
  await form.getByLabel(/^Late work/).selectOption({ label: policy });
  await form.getByRole("button", { name: "Save dates" }).click();
  await expect(form.getByRole("status")).toHaveText(/Dates saved/);
}

test("due dates, an extension for one student, and a quiz that closes for the others", async ({ browser }) => {
  test.setTimeout(150_000);
  const teacher = createInstructor("instructor", null);
  const [sectionId, code] = progressCli("make-section", teacher.email, ZONE).split(" ");
  const extended = await studentIn(browser, code);
  const others = await studentIn(browser, code);
  const extendedId = progressCli("whois", extended.account.email);

  const staff = await newPage(browser);
  await signIn(staff, teacher);
  await expect(staff.getByTestId("signed-in-name")).toHaveText(teacher.name);
  await staff.goto(`/instructor/sections/${sectionId}`);
  await saveDates(staff, FIRST_QUIZ, dayFromNow(-1), "Close the quiz at the due date");
  await saveDates(staff, SECOND_QUIZ, dayFromNow(3), "Accept late work, marked late");
  await expectAccessible(staff);

  await staff.goto(`/instructor/students/${extendedId}`);
  await staff.getByLabel("Quiz", { exact: true }).selectOption({ label: FIRST_QUIZ });
  await staff.getByLabel("New due date").fill(dayFromNow(2));
  await staff.getByRole("button", { name: "Grant extension" }).click();
  await expect(staff.getByTestId("extension-granted")).toContainText(ZONE);
  await expectAccessible(staff);

  // The student with the extension sees their own date, and can start.
  await extended.page.goto("/quizzes/legal-team-quiz");
  await expect(extended.page.getByTestId("quiz-due")).toContainText("(your extension)");
  await expect(extended.page.getByTestId("quiz-due")).toContainText(ZONE);
  // A student elsewhere sets their own zone and sees the date in their own time too.
  await extended.page.goto("/account");
  await extended.page.getByLabel("Your time zone").selectOption("Europe/Berlin");
  await extended.page.getByRole("button", { name: "Save time zone" }).click();
  await expect(extended.page.getByTestId("time-zone-form").getByRole("status")).toContainText("Europe/Berlin");
  await expectAccessible(extended.page);
  await extended.page.goto("/quizzes/legal-team-quiz");
  await expect(extended.page.getByTestId("quiz-due")).toContainText("(Europe/Berlin), your time");
  await extended.page.getByRole("button", { name: "Start the quiz" }).click();
  await expect(extended.page).toHaveURL(/\/quizzes\/legal-team-quiz\/attempts\//);
  expect((await mailFor(extended.account.email)).subject).toBe(`Extension granted: ${FIRST_QUIZ}`);

  // Everyone else finds the quiz closed, on the page and at the API; the outline says why.
  await others.page.goto("/quizzes/legal-team-quiz");
  await expect(others.page.getByTestId("quiz-closed")).toContainText("closed on");
  await expect(others.page.getByRole("button", { name: "Start the quiz" })).toHaveCount(0);
  expect((await others.page.request.post("/api/quizzes/legal-team-quiz/attempts")).status()).toBe(409);
  await others.page.goto("/course");
  await expect(others.page.getByTestId("due-legal-team-quiz")).toHaveText("overdue");
  await expect(others.page.getByTestId("due-roles-compared-quiz")).toHaveText("due in 3 days");
  await expectAccessible(others.page);
  for (const p of [staff, extended.page, others.page]) await p.context().close();
});
