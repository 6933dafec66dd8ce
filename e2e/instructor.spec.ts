import fs from "node:fs";
import path from "node:path";
import { expectAccessible } from "./support/axe";
import { E2E_BASE_URL } from "./support/env";
import { createInstructor, expect, newAccount, progressCli, signIn, signUp, test } from "./support/fixtures";
import { lessonCount } from "./support/content";

/** Every page and route handler under app/instructor, as a URL (generated, so a new one cannot be missed). */
function instructorUrls(): string[] {
  const urls: string[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name === "page.tsx" || entry.name === "route.ts")
        urls.push(
          "/" +
            path
              .relative(path.join("app", "(site)"), dir)
              .replace(/\[slug\]/g, "legal-team-quiz")
              .replace(/\[id\]/g, "some-student-id"),
        );
    }
  };
  walk(path.join("app", "(site)", "instructor"));
  return urls;
}

test("every instructor page and export refuses students (403) and signed-out callers (redirect or 401)", async ({ page, playwright }) => {
  const urls = instructorUrls();
  expect(urls.length).toBeGreaterThanOrEqual(7);
  const anonymous = await playwright.request.newContext({ baseURL: E2E_BASE_URL });
  for (const url of urls) {
    const response = await anonymous.get(url, { maxRedirects: 0 });
    expect([302, 303, 307, 308, 401], `${url} signed out`).toContain(response.status());
  }
  await anonymous.dispose();
  await signUp(page, newAccount());
  for (const url of urls) {
    const response = await page.request.get(url, { maxRedirects: 0 });
    expect(response.status(), `${url} as a student`).toBe(403);
    expect(await response.text()).not.toMatch(/Synthetic|gradebook|Facility/);
  }
});

test("an instructor finds a student, opens their attempts, grants extra time, and exports the gradebook", async ({ page, browser }) => {
  // A long flow (two browsers, child processes for fixtures, a PDF): on a loaded 2-core
  // machine it needs more than the default budget. Every step still waits on a condition.
  test.slow();
  const student = newAccount();
  await signUp(page, student);
  progressCli("complete-all", student.email);

  const instructor = createInstructor();
  const staff = await (await browser.newContext()).newPage();
  await signIn(staff, instructor);
  await expect(staff).toHaveURL(/\/instructor$/);
  await expectAccessible(staff);
  await staff.getByLabel("Search by name or email").fill(student.name.split(" ")[1]);
  await staff.getByRole("button", { name: "Apply" }).click();
  await expect(staff.getByTestId("roster-count")).toHaveText(/^1 student matching/);
  await staff.getByRole("link", { name: student.name }).click();
  await expect(staff.getByRole("heading", { name: student.name, level: 1 })).toBeVisible();
  await expect(staff.getByTestId("attempt-detail")).toHaveCount(lessonCount());
  await staff.getByTestId("attempt-detail").first().locator("summary").click();
  await expect(staff.getByTestId("attempt-detail").first().getByTestId("review-item").first()).toBeVisible();
  await expectAccessible(staff);

  // Extra time on the final only: an extension for one quiz, without a due date.
  const grant = staff.getByTestId("extension-form");
  await grant.getByLabel("Quiz", { exact: true }).selectOption({ label: "Final assessment: internship readiness" });
  await grant.getByLabel("Time multiplier for timed quizzes").fill("1.5");
  await grant.getByRole("button", { name: "Grant extension" }).click();
  await expect(staff.getByTestId("extension-granted")).toHaveText(/Extension granted: 1\.5× the time limit/);
  await expect(staff.getByTestId("extensions")).toContainText("Final assessment: internship readiness: 1.5× the time limit");

  // The student's next timed attempt shows 45 minutes instead of 30.
  await page.goto("/quizzes/final-assessment");
  await expect(page.getByText("Time limit: 45 minutes")).toBeVisible();
  await page.getByRole("button", { name: "Start the quiz" }).click();
  await expect(page.getByTestId("countdown")).toContainText(/4[45]:\d\d/);

  // Gradebook export parses, with the student's row.
  const csv = await staff.request.get("/instructor/gradebook.csv");
  expect(csv.headers()["content-type"]).toContain("text/csv");
  const lines = (await csv.text()).replace(/^\uFEFF/, "").trim().split("\r\n");
  const header = lines[0].split(",");
  expect(header.slice(0, 4)).toEqual(["Name", "Email", "Section", "Progress %"]);
  const row = lines.find((l) => l.includes(student.email))!;
  expect(row.split(",")).toHaveLength(header.length);

  // Item analysis and objectives are accessible.
  await staff.goto("/instructor/quizzes/legal-team-quiz");
  await expect(staff.getByTestId("item-table")).toBeVisible();
  await expectAccessible(staff);
  await staff.goto("/instructor/objectives");
  await expectAccessible(staff);
});
