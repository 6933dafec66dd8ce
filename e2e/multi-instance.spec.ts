import { loadQuizContent } from "./support/content";
import { E2E_BASE_URL, E2E_PORT } from "./support/env";
import { startInstance } from "./support/instance";
import { expect, newAccount, signUp, test } from "./support/fixtures";
import { answerAll, expectAllSaved } from "./support/quiz";

// A second app instance on another port, sharing the database and the secret: nothing
// a request needs may live in one instance's memory.
const SECOND_PORT = E2E_PORT + 1;
const SECOND = `http://localhost:${SECOND_PORT}`;
let second: Awaited<ReturnType<typeof startInstance>> | undefined;

test.beforeAll(async () => {
  second = await startInstance(SECOND_PORT, { NEXTAUTH_URL: E2E_BASE_URL, CASEBOOK_TRUST_PROXY: "1" });
});

test.afterAll(() => {
  second?.stop();
});

test("a student takes a quiz switching between two app instances", async ({ page }) => {
  await signUp(page, newAccount()); // instance A
  await page.goto(`${SECOND}/lessons/legal-team`); // instance B, same session cookie (cookies ignore ports)
  await page.getByRole("button", { name: "Mark lesson complete" }).click();
  await expect(page.getByTestId("lesson-complete")).toBeVisible();

  await page.goto(`${E2E_BASE_URL}/quizzes/legal-team-quiz`); // A
  await page.getByRole("button", { name: "Start the quiz" }).click();
  await expect(page).toHaveURL(/\/attempts\//);
  const attemptPath = new URL(page.url()).pathname;
  const quiz = loadQuizContent().find((q) => q.lesson === "legal-team")!;
  await answerAll(page, quiz, true);
  await expect(page.getByTestId("answered-count")).toHaveText(`${quiz.questions.length} of ${quiz.questions.length} answered`);
  await expectAllSaved(page, quiz.questions.length); // every autosave acknowledged

  await page.goto(`${SECOND}${attemptPath}`); // B sees every answer A saved
  await expect(page.getByTestId("answered-count")).toHaveText(`${quiz.questions.length} of ${quiz.questions.length} answered`);
  await page.getByRole("button", { name: "Review and submit" }).click();
  await page.getByRole("button", { name: "Submit for grading" }).click();
  await expect(page.getByTestId("result-heading")).toHaveText("Passed: 100%");

  await page.goto(`${E2E_BASE_URL}${attemptPath}`); // A shows the same stored result
  await expect(page.getByTestId("result-heading")).toHaveText("Passed: 100%");
  const submitAgain = await page.request.post(`${SECOND}/api${attemptPath.replace(/^\/quizzes\/[^/]+/, "")}/submit`);
  expect(await submitAgain.json()).toMatchObject({ percent: 100, passed: true });
});
