import { expect, type Page } from "@playwright/test";
import type { QuizContent, QuizQuestion } from "./content";

/** Answers one question on the attempt page, right or deliberately wrong, by visible text. */
export async function answer(page: Page, question: QuizQuestion, right: boolean) {
  const fieldset = page.locator("fieldset.question").filter({ has: page.locator("legend", { hasText: question.prompt }) });
  await expect(fieldset).toHaveCount(1);
  switch (question.type) {
    case "single": {
      const option = question.options!.find((o) => Boolean(o.correct) === right)!;
      await fieldset.getByLabel(option.text, { exact: true }).check();
      break;
    }
    case "multiple": {
      for (const o of question.options!) if (Boolean(o.correct) === right) await fieldset.getByLabel(o.text, { exact: true }).check();
      break;
    }
    case "true_false":
      await fieldset.getByLabel(question.answer === right ? "True" : "False", { exact: true }).check();
      break;
    case "short_text":
      await fieldset.getByLabel("Your answer").fill(right ? question.accepted![0] : "not the answer");
      break;
    case "matching": {
      for (const item of question.items!) {
        const target = right ? question.targets!.find((t) => t.id === item.match)! : question.targets!.find((t) => t.id !== item.match)!;
        await fieldset.getByLabel(item.text, { exact: true }).selectOption({ label: target.text });
      }
      break;
    }
    case "ordering": {
      const n = question.items!.length;
      for (const [i, item] of question.items!.entries()) {
        await fieldset.getByLabel(item.text, { exact: true }).selectOption(String(right ? i + 1 : n - i));
      }
      break;
    }
  }
}

/** Answers every question on the page (the attempt may show a subset, in any order). */
export async function answerAll(page: Page, quiz: QuizContent, right: boolean) {
  await expect(page.locator("fieldset.question").first()).toBeVisible();
  const prompts = await page.locator("fieldset.question .question__prompt").allTextContents();
  for (const prompt of prompts) {
    const question = quiz.questions.find((q) => q.prompt.trim() === prompt.trim());
    if (!question) throw new Error(`unknown question on page: ${prompt}`);
    await answer(page, question, right);
  }
}

/** Completes lesson 1 through its page, which unlocks its quiz. */
export async function completeFirstLesson(page: Page) {
  await page.goto("/lessons/legal-team");
  await page.getByRole("button", { name: "Mark lesson complete" }).click();
  await expect(page.getByTestId("lesson-complete")).toBeVisible();
}

/** Waits until every answered question's autosave has been acknowledged by the server. */
export async function expectAllSaved(page: Page, count: number) {
  // No save waiting or in flight (a question changed twice saves twice), and each says so.
  await expect(page.locator("form[data-pending-saves='0']")).toHaveCount(1);
  await expect(page.locator("fieldset.question [data-save-status]", { hasText: /^Saved\.$/ })).toHaveCount(count);
}

export async function submitAttempt(page: Page) {
  await page.getByRole("button", { name: "Review and submit" }).click();
  await expect(page).toHaveURL(/\/confirm$/);
  await page.getByRole("button", { name: "Submit for grading" }).click();
  await expect(page.getByTestId("result-heading")).toBeVisible();
}
