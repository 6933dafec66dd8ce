// Adding students by invitation (issue 14): an instructor pastes a class list on the
// section's page; each student gets a mailed link (real SMTP, the e2e mailbox), creates
// their account from it and lands in the section; the link then says it was used.
import type { Browser } from "@playwright/test";
import { expectAccessible } from "./support/axe";
import { E2E_BASE_URL } from "./support/env";
import { createInstructor, expect, newAccount, progressCli, signIn, test } from "./support/fixtures";
import { mailFor } from "./support/mailbox";

const newPage = async (browser: Browser) => (await browser.newContext({ baseURL: E2E_BASE_URL })).newPage();

test("an instructor invites a class list; a student follows the mailed link into the section", async ({ browser }) => {
  test.setTimeout(120_000);
  const teacher = createInstructor("instructor", null);
  const [sectionId] = progressCli("make-section", teacher.email, "UTC").split(" ");
  const sectionName = `E2E section ${teacher.email.slice(0, 19)}`;
  const [ana, bo, cy, dee] = [newAccount("invited"), newAccount("invited"), newAccount("invited"), newAccount("invited")];

  const staff = await newPage(browser);
  await signIn(staff, teacher);
  await expect(staff.getByTestId("signed-in-name")).toHaveText(teacher.name);
  await staff.goto(`/instructor/sections/${sectionId}`);
  const list = staff.getByTestId("invite-list");
  await list.getByLabel("Or paste the list").fill(`Name,Email\n${ana.name},${ana.email}\n${bo.name},${bo.email}\nnobody here`);
  await list.getByRole("button", { name: "Invite everyone on the list" }).click();
  await expect(list.getByRole("status")).toHaveText(/Invited 2 students\. Not understood: line 4: no email address\./);
  await expect(staff.getByTestId("pending-invitations")).toContainText(ana.email);
  // A CSV file, and one student typed in.
  await list.getByLabel("Class list (CSV file)").setInputFiles({ name: "class.csv", mimeType: "text/csv", buffer: Buffer.from(`"${cy.name}",${cy.email}\r\n`) });
  await list.getByRole("button", { name: "Invite everyone on the list" }).click();
  await expect(list.getByRole("status")).toHaveText("Invited 1 student.");
  const one = staff.getByTestId("invite-one");
  await one.getByLabel("Student's name").fill(dee.name);
  await one.getByLabel("Student's email").fill(dee.email);
  await one.getByRole("button", { name: "Send invitation" }).click();
  await expect(staff.getByTestId("invite-one").getByRole("status")).toHaveText(`Invitation sent to ${dee.email}.`);
  await expect(staff.getByTestId("pending-invitations")).toContainText(cy.email);
  await expectAccessible(staff);
  expect((await mailFor(cy.email)).subject).toMatch(/You are invited/);
  expect((await mailFor(dee.email)).subject).toMatch(/You are invited/);

  const mail = await mailFor(ana.email);
  expect(mail.subject).toMatch(/You are invited/);
  const link = mail.text.match(/https?:\/\/\S+\/invitations\/\S+/)![0];
  const student = await newPage(browser);
  await student.goto(link);
  await expect(student.getByTestId("invited-email")).toHaveText(ana.email);
  await expect(student.getByLabel("Full name")).toHaveValue(ana.name);
  await expectAccessible(student);
  await student.getByLabel("Password").fill(ana.password);
  await student.getByRole("button", { name: "Create account" }).click();
  await expect(student.getByTestId("signed-in-name")).toHaveText(ana.name);
  await student.goto("/account");
  await expect(student.getByTestId("my-section")).toContainText(sectionName);

  // Spent: the link says so, and the instructor's list no longer shows Ana.
  const again = await newPage(browser);
  await again.goto(link);
  await expect(again.getByTestId("invitation-gone")).toContainText("already been used");
  await staff.reload();
  await expect(staff.getByTestId("pending-invitations")).not.toContainText(ana.email);
  await expect(staff.getByTestId("pending-invitations")).toContainText(bo.email);
  for (const p of [staff, student, again]) await p.context().close();
});
