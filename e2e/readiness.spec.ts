import { expectAccessible } from "./support/axe";
import { loadQuizContent } from "./support/content";
import { createInstructor, expect, newAccount, progressCli, signIn, signUp, test } from "./support/fixtures";
import { answerAll, submitAttempt } from "./support/quiz";

test("a student becomes internship ready, the certificate verifies publicly, and an instructor's revocation shows", async ({ page, browser }) => {
  // A long flow (two browsers, child processes for fixtures, a PDF): on a loaded 2-core
  // machine it needs more than the default budget. Every step still waits on a condition.
  test.slow();
  const student = newAccount();
  await signUp(page, student);
  progressCli("complete-all", student.email);

  // The final assessment, answered correctly through the UI.
  await page.goto("/course");
  await page.getByTestId("continue").click();
  await page.getByRole("button", { name: "Start the quiz" }).click();
  await answerAll(page, loadQuizContent().find((q) => q.kind === "final")!, true);
  await submitAttempt(page);
  await expect(page.getByTestId("result-heading")).toHaveText("Passed: 100%");

  // Only the self-assessment is left, and the checklist says so.
  await page.goto("/readiness");
  await expect(page.getByTestId("requirement-self-assessment")).toHaveAttribute("data-met", "false");
  await expect(page.getByTestId("requirement-final")).toHaveAttribute("data-met", "true");
  await expect(page.getByTestId("requirement-mastery")).toHaveAttribute("data-met", "true");
  await expectAccessible(page);
  await page.getByTestId("requirement-self-assessment").getByRole("link").click();
  await expect(page).toHaveURL(/\/readiness\/skills$/);
  await expectAccessible(page);

  // Submitting with nothing chosen explains what is missing.
  await page.getByRole("button", { name: "Save my self-assessment" }).click();
  await expect(page.getByTestId("form-alert")).toContainText("Please answer every item");
  for (const group of await page.locator("fieldset.rating").all()) await group.getByRole("radio").nth(3).check();
  await page.getByRole("radio", { name: "Immigration law" }).check();
  await page.getByRole("button", { name: "Save my self-assessment" }).click();
  await expect(page.getByTestId("reflection")).toContainText("Immigration law");

  await page.goto("/readiness");
  await expect(page.getByTestId("ready-banner")).toBeVisible();
  await expect(page.locator('[data-testid^="requirement-"][data-met="false"]')).toHaveCount(0);
  await page.getByRole("link", { name: "View your certificate" }).click();
  await expect(page.getByTestId("certificate-name")).toHaveText(student.name);
  await expectAccessible(page);
  // Prints on exactly one page.
  const pdf = (await page.pdf({ format: "Letter", landscape: true })).toString("latin1");
  expect(pdf.match(/\/Type\s*\/Page(?!s)/g)).toHaveLength(1);
  const verifyUrl = (await page.getByTestId("verify-url").textContent())!;
  const verifyPath = new URL(verifyUrl).pathname;

  // The credential download is a signed VC-JWT.
  const credential = await page.request.get("/certificate/credential");
  expect(credential.headers()["content-type"]).toContain("application/vc+jwt");
  const jwt = await credential.text();
  expect(jwt.split(".")).toHaveLength(3);

  // Signed out, anyone can verify.
  const visitor = await browser.newContext();
  const publicPage = await visitor.newPage();
  await publicPage.goto(verifyPath);
  await expect(publicPage.getByTestId("verify-status")).toHaveAttribute("data-status", "valid");
  await expect(publicPage.getByTestId("verify-holder")).toHaveText(student.name);
  await expectAccessible(publicPage);
  const check = await publicPage.request.post("/api/credentials/verify", { data: { credential: jwt } });
  expect(await check.json()).toMatchObject({ verified: true, status: "valid" });

  // An instructor revokes it with a reason; the public page changes.
  const instructor = createInstructor();
  const staff = await (await browser.newContext()).newPage();
  await signIn(staff, instructor);
  await expect(staff.getByTestId("signed-in-name")).toBeVisible();
  await staff.goto("/instructor/certificates");
  await expectAccessible(staff);
  const card = staff.getByTestId(`certificate-${verifyPath.split("/").pop()}`);
  await card.getByLabel(/Reason for revoking/).fill("Issued before the program verified enrollment");
  await card.getByRole("button", { name: "Revoke" }).click();
  await expect(card.getByText("Revoked: Issued before the program verified enrollment")).toBeVisible();

  await publicPage.reload();
  await expect(publicPage.getByTestId("verify-status")).toHaveAttribute("data-status", "revoked");
  await expect(publicPage.getByTestId("verify-status")).toContainText("Issued before the program verified enrollment");
  const recheck = await publicPage.request.post("/api/credentials/verify", { data: jwt });
  expect(await recheck.json()).toMatchObject({ verified: true, status: "revoked" });
  await visitor.close();
});

test("an unknown verification code gets a clear not-found page", async ({ page }) => {
  await page.goto("/verify/this-code-does-not-exist");
  await expect(page.getByRole("heading", { name: "Certificate not found" })).toBeVisible();
  await expectAccessible(page);
});
