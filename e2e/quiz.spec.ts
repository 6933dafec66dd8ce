import { expectAccessible } from "./support/axe";
import { loadQuizContent, quizFor } from "./support/content";
import { expect, newAccount, progressCli, signUp, test } from "./support/fixtures";
import { opaqueId } from "../lib/quiz/compile";
import { answer, answerAll, completeFirstLesson, expectAllSaved, submitAttempt } from "./support/quiz";

test("a student fails a quiz, sees what was wrong, retakes, passes, and the next lesson unlocks", async ({ page }) => {
  await signUp(page, newAccount());
  await completeFirstLesson(page);
  await page.getByTestId("continue").click();
  await expect(page).toHaveURL(/\/quizzes\/legal-team-quiz$/);
  await expectAccessible(page);

  const quiz = quizFor("legal-team");
  await page.getByRole("button", { name: "Start the quiz" }).click();
  await expect(page.locator("fieldset.question")).toHaveCount(quiz.questions.length);
  await expect(page.getByTestId("answered-count")).toHaveText(`0 of ${quiz.questions.length} answered`);
  await expectAccessible(page);

  // First attempt: answer everything wrong, except leave the last question blank.
  await answerAll(page, quiz, false);
  await page.getByRole("button", { name: "Review and submit" }).click();
  await expect(page.getByRole("heading", { name: "Submit your answers?" })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("button", { name: "Submit for grading" }).click();
  await expect(page.getByTestId("result-heading")).toContainText("Not passed yet");
  await expect(page.getByTestId("attempts-left")).toHaveText("2 attempts left.");
  await expect(page.locator('[data-testid="review-item"][data-correct="false"]')).toHaveCount(quiz.questions.length);
  // No explanation is shown while attempts remain.
  for (const q of quiz.questions) await expect(page.getByText(q.explanation.slice(0, 60))).toHaveCount(0);
  await expectAccessible(page);

  // Lesson 2 is still locked.
  await page.goto("/course");
  await expect(page.getByTestId("step-roles-compared")).toContainText("Locked");

  // Retake and pass.
  await page.goto("/quizzes/legal-team-quiz");
  await page.getByRole("button", { name: "Start a new attempt" }).click();
  await answerAll(page, quiz, true);
  await submitAttempt(page);
  await expect(page.getByTestId("result-heading")).toHaveText("Passed: 100%");
  await expect(page.getByText(quiz.questions[0].explanation.slice(0, 60))).toBeVisible();
  await expectAccessible(page);
  await page.getByTestId("continue").click();
  await expect(page).toHaveURL(/\/lessons\/roles-compared$/);
  await expect(page.getByRole("heading", { name: "Key takeaways" })).toBeVisible();
});

test("answers autosave: a reload keeps them", async ({ page }) => {
  await signUp(page, newAccount());
  await completeFirstLesson(page);
  await page.goto("/quizzes/legal-team-quiz");
  await page.getByRole("button", { name: "Start the quiz" }).click();
  const quiz = quizFor("legal-team");
  const single = quiz.questions.find((q) => q.type === "single")!;
  const right = single.options!.find((o) => o.correct)!;
  const fieldset = page.locator("fieldset.question").filter({ has: page.locator("legend", { hasText: single.prompt }) });
  await fieldset.getByLabel(right.text, { exact: true }).check();
  await expect(fieldset.getByText("Saved.")).toBeVisible();
  // Typed answers save after a pause in typing, even if the field never loses focus.
  const typed = quiz.questions.find((q) => q.type === "short_text")!;
  expect(typed, "this test needs a short-text item in the first lesson's quiz").toBeDefined();
  const textField = page.locator("fieldset.question").filter({ has: page.locator("legend", { hasText: typed.prompt }) });
  await textField.getByLabel("Your answer").pressSequentially("backbone");
  await expect(textField.getByText("Saved.")).toBeVisible();
  await page.reload();
  await expect(fieldset.getByLabel(right.text, { exact: true })).toBeChecked();
  await expect(textField.getByLabel("Your answer")).toHaveValue("backbone");
  await expect(page.getByTestId("answered-count")).toHaveText(`2 of ${quiz.questions.length} answered`);
});

test("the final assessment shows its timer and the server enforces the deadline", async ({ page }) => {
  const account = newAccount();
  await signUp(page, account);
  progressCli("complete-all", account.email);
  await page.goto("/course");
  await expect(page.getByTestId("continue")).toContainText("Final assessment");
  await page.getByTestId("continue").click();
  await expect(page.getByText("Time limit: 30 minutes")).toBeVisible();
  await page.getByRole("button", { name: "Start the quiz" }).click();
  await expect(page.getByTestId("countdown")).toContainText(/(29|30):\d\d/);
  await expect(page.locator("fieldset.question")).toHaveCount(20);
  await expectAccessible(page);

  // One right answer saved in time, then the clock runs out on the server.
  const final = loadQuizContent().find((q) => q.kind === "final")!;
  const firstPrompt = (await page.locator("fieldset.question .question__prompt").first().textContent())!;
  const question = final.questions.find((q) => q.prompt === firstPrompt.trim())!;
  // Whatever type was drawn first (matching, ordering and multi-select included) is answered.
  await answer(page, question, true);
  await expectAllSaved(page, 1);
  const attemptId = page.url().split("/").pop()!;
  progressCli("expire", attemptId);

  // A late submit is refused as a change but graded with what was saved by the deadline.
  await page.getByRole("button", { name: "Review and submit" }).click();
  await expect(page.getByTestId("result-heading")).toContainText("Not passed yet");
  await expect(page.getByText("Time ran out")).toBeVisible();
});

test("nothing a student can fetch during an attempt reveals keys or explanations", async ({ page }) => {
  await signUp(page, newAccount());
  await completeFirstLesson(page);
  const quiz = quizFor("legal-team");
  const bodies: { url: string; text: string }[] = [];
  page.on("response", async (response) => {
    try {
      bodies.push({ url: response.url(), text: await response.text() });
    } catch {
      // Redirects and aborted requests have no body.
    }
  });
  await page.goto("/quizzes/legal-team-quiz");
  await page.getByRole("button", { name: "Start the quiz" }).click();
  await answerAll(page, quiz, true);
  await expectAllSaved(page, quiz.questions.length);
  const attemptPage = page.url();
  // Everything served while the attempt is open, as HTML, for the inference check below.
  bodies.push({ url: "html", text: await (await page.request.get(attemptPage)).text() });
  await page.reload();
  await page.getByRole("button", { name: "Review and submit" }).click();
  await expect(page.getByRole("heading", { name: "Submit your answers?" })).toBeVisible();
  // Also fetch the attempt as an RSC request, the way client navigation would.
  const rsc = await page.request.get(page.url().replace(/\/confirm$/, ""), { headers: { RSC: "1" } });
  bodies.push({ url: "rsc", text: await rsc.text() });
  // And through the JSON API a non-browser client would use: resume and read the attempt.
  const resumed = await page.request.post("/api/quizzes/legal-team-quiz/attempts");
  expect(resumed.status()).toBe(200);
  const json = await resumed.json();
  expect(json.resumed).toBe(true);
  expect(json.questions).toHaveLength(quiz.questions.length);
  bodies.push({ url: "api start", text: JSON.stringify(json) });
  const read = await page.request.get(`/api/attempts/${json.attempt.id}`);
  expect(read.status()).toBe(200);
  bodies.push({ url: "api read", text: await read.text() });

  expect(bodies.length).toBeGreaterThan(5);
  const leaks: string[] = [];
  for (const { url, text } of bodies) {
    for (const q of quiz.questions) if (text.includes(q.explanation.slice(0, 50))) leaks.push(`${url}: explanation of ${q.key}`);
    if (/"(answerKey|accepted|explanation|correct)"\s*:/.test(text)) leaks.push(`${url}: key field`);
  }
  expect(leaks).toEqual([]);

  // Inference, not only key text: every id-like value served (attributes, JSON and RSC
  // strings) is checked against what anyone can compute from public facts — the hash of
  // slug, question key and an authoring id — which once gave away every right option.
  const guesses = new Map<string, string>();
  for (const q of quiz.questions)
    for (const id of ["a", "b", "c", "d", "e", "f", ...(q.options ?? []).map((o) => o.id), ...(q.items ?? []).map((i) => i.id), ...(q.targets ?? []).map((t) => t.id)])
      for (const form of [id, `item:${id}`, `target:${id}`]) guesses.set(opaqueId(quiz.slug, q.key, form), `${q.key}/${form}`);
  const inferred = bodies.flatMap(({ url, text }) => [...guesses].filter(([hash]) => text.includes(hash)).map(([, what]) => `${url}: ${what}`));
  expect(inferred).toEqual([]);
});

test("a refused answer says why: the autosave shows the server's reason, and the no-JavaScript path marks the question with it", async ({ page, browser }) => {
  await signUp(page, newAccount());
  await completeFirstLesson(page);
  await page.goto("/quizzes/legal-team-quiz");
  await page.getByRole("button", { name: "Start the quiz" }).click();
  await expect(page).toHaveURL(/\/attempts\//);
  const quiz = quizFor("legal-team");
  const single = quiz.questions.find((q) => q.type === "single")!;
  const inQuestion = (p: typeof page) => p.locator("fieldset.question").filter({ has: p.locator("legend", { hasText: single.prompt }) });

  // A tampered autosave: the request names an option this attempt never served.
  await page.route("**/api/attempts/*/answers", (route) => {
    const body = JSON.parse(route.request().postData() ?? "{}");
    return route.continue({ postData: JSON.stringify({ ...body, response: { choice: "forged-option" } }) });
  });
  await inQuestion(page).getByLabel(single.options![0].text, { exact: true }).check();
  await expect(inQuestion(page).locator("[data-save-status]")).toHaveText("That option is not part of this question.");
  await page.unroute("**/api/attempts/*/answers");

  // The same tampering through the plain form, with JavaScript off (React would put a
  // changed value back; a browser without it posts whatever the page holds).
  const noScript = await browser.newContext({ javaScriptEnabled: false, baseURL: test.info().project.use.baseURL, extraHTTPHeaders: test.info().project.use.extraHTTPHeaders });
  await noScript.addCookies(await page.context().cookies());
  const plain = await noScript.newPage();
  await plain.goto(page.url());
  const option = inQuestion(plain).getByLabel(single.options![1].text, { exact: true });
  await option.evaluate((input) => (input as HTMLInputElement).setAttribute("value", "forged-option"));
  await option.check();
  await plain.getByRole("button", { name: "Review and submit" }).click();
  await expect(plain).toHaveURL(/reason=option/);
  await expect(inQuestion(plain).locator(".field__error")).toHaveText("That option is not part of this question.");
  await noScript.close();
});
