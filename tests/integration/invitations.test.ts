// Adding students by invitation (issue 14) against a real SMTP server on a local port:
// a class list invites each person once, the mailed link creates the account in the
// section or moves an existing student there, works once, expires, and is the section's
// instructors' alone to send.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSmtp, linkIn } from "@/tests/support/smtp";

// Before lib/ is imported: the environment is read once.
const smtp = await startSmtp();
process.env.SMTP_URL = smtp.url;

const { db } = await import("@/lib/db");
const { seed } = await import("@/lib/seed");
const { deliverPending, deliveriesSettled } = await import("@/lib/mail");
const { parseInviteList } = await import("@/lib/sections/invite-list");
const { acceptAsStudent, acceptWithNewAccount, invitationView, inviteStudents, pendingInvitations, INVITATION_DAYS } = await import("@/lib/sections/invitations");
const { addInstructor, createSection } = await import("@/lib/sections/manage");
const { activeSectionOf } = await import("@/lib/sections/enrollment");
const { dayIn } = await import("@/lib/sections/terms");
const { makeUser } = await import("@/tests/support/users");

type User = Awaited<ReturnType<typeof makeUser>>;
const today = (days = 0) => dayIn(new Date(Date.now() + days * 86_400_000), "UTC");
const tokenIn = async (email: string) => {
  await deliveriesSettled();
  await deliverPending();
  const mails = smtp.inbox.filter((m) => m.to === email);
  return linkIn(mails.at(-1)!.text, "/invitations/").split("/invitations/")[1];
};

let teacher: User;
let stranger: User;
let sectionId: string;

beforeAll(async () => {
  await seed({ demo: false });
  const coordinator = await makeUser("coordinator");
  [teacher, stranger] = [await makeUser("instructor"), await makeUser("instructor")];
  await db.sectionInstructor.deleteMany({ where: { userId: teacher.id } });
  sectionId = (await createSection(coordinator, { name: "Invited", termStart: today(-5), termEnd: today(90), timeZone: "UTC" })).id;
  await addInstructor(coordinator, sectionId, teacher.email);
});
afterAll(async () => smtp.close());

describe("invitations", () => {
  it("a class list invites each new person by mail; the link creates their account in the section, once", async () => {
    const { invitees, problems } = parseInviteList(`name,email\nAna Invited,ana@invite.test\nBo Invited,bo@invite.test\n${teacher.name},${teacher.email}\nno email on this line`);
    expect(problems).toHaveLength(1);
    const outcome = await inviteStudents(teacher, sectionId, invitees);
    expect(outcome.invited).toEqual(["ana@invite.test", "bo@invite.test"]);
    expect(outcome.skipped).toEqual([{ email: teacher.email, reason: expect.stringMatching(/staff account/) }]);
    expect((await pendingInvitations(teacher, sectionId)).map((i) => i.email).sort()).toEqual(["ana@invite.test", "bo@invite.test"]);
    expect(await db.auditLog.count({ where: { action: "section.invite", targetId: sectionId, actorId: teacher.id } })).toBe(1);

    const token = await tokenIn("ana@invite.test");
    expect(await db.invitation.count({ where: { tokenHash: token } })).toBe(0); // only the hash is stored
    expect(await invitationView(token)).toMatchObject({ state: "open", name: "Ana Invited", email: "ana@invite.test", hasAccount: false });
    const created = await acceptWithNewAccount({ token, name: "Ana Ruiz", password: "a-long-enough-password" });
    expect(created.email).toBe("ana@invite.test");
    const ana = await db.user.findUniqueOrThrow({ where: { email: "ana@invite.test" }, select: { id: true, name: true, role: true } });
    expect(ana).toMatchObject({ name: "Ana Ruiz", role: "student" });
    expect((await activeSectionOf(ana.id))?.id).toBe(sectionId);
    expect((await db.studentSummary.findUniqueOrThrow({ where: { userId: ana.id }, select: { sectionId: true } })).sectionId).toBe(sectionId);
    // Used once: the link now says so and creates nothing more.
    expect(await invitationView(token)).toMatchObject({ state: "used" });
    await expect(acceptWithNewAccount({ token, name: "Someone Else", password: "a-long-enough-password" })).rejects.toMatchObject({ status: 410 });
    expect((await pendingInvitations(teacher, sectionId)).map((i) => i.email)).toEqual(["bo@invite.test"]);
  });

  it("an existing student signs in as the invited address and moves; another student cannot use their link", async () => {
    const existing = await makeUser(); // in the open section
    const other = await makeUser();
    await inviteStudents(teacher, sectionId, [{ name: existing.name, email: existing.email }]);
    const token = await tokenIn(existing.email);
    expect(await invitationView(token)).toMatchObject({ state: "open", hasAccount: true });
    await expect(acceptAsStudent(other, token)).rejects.toMatchObject({ status: 403 });
    expect((await activeSectionOf(other.id))?.id).not.toBe(sectionId);
    expect(await invitationView(token)).toMatchObject({ state: "open" }); // the refused attempt spent nothing
    await expect(acceptWithNewAccount({ token, name: "Squatter", password: "a-long-enough-password" })).rejects.toMatchObject({ status: 409 });
    await acceptAsStudent(existing, token);
    expect((await activeSectionOf(existing.id))?.id).toBe(sectionId);
    expect(await db.auditLog.count({ where: { action: "invitation.accept", actorId: existing.id, targetId: sectionId } })).toBe(1);
    const history = await db.enrollment.findMany({ where: { userId: existing.id }, select: { endedAt: true } });
    expect(history).toHaveLength(2); // the open section's enrollment is kept, ended
  });

  it("a link expires, inviting again replaces it, and two racing accepts create one account", async () => {
    const long_ago = new Date(Date.now() - (INVITATION_DAYS + 1) * 86_400_000);
    await inviteStudents(teacher, sectionId, [{ name: "Cy Late", email: "cy@invite.test" }], long_ago);
    const old = await tokenIn("cy@invite.test");
    expect(await invitationView(old)).toMatchObject({ state: "expired" });
    await expect(acceptWithNewAccount({ token: old, name: "Cy Late", password: "a-long-enough-password" })).rejects.toMatchObject({ status: 410 });
    await inviteStudents(teacher, sectionId, [{ name: "Cy Late", email: "cy@invite.test" }]);
    const fresh = await tokenIn("cy@invite.test");
    expect(fresh).not.toBe(old);
    const results = await Promise.allSettled([1, 2, 3].map(() => acceptWithNewAccount({ token: fresh, name: "Cy Late", password: "a-long-enough-password" })));
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    // The link's single use refused the others (410), not only the unique address.
    for (const r of results) if (r.status === "rejected") expect(r.reason).toMatchObject({ status: 410 });
    expect(await db.user.count({ where: { email: "cy@invite.test" } })).toBe(1);
  });

  it("is the section's instructors' alone: another instructor gets not found and sends nothing", async () => {
    const before = await db.mailMessage.count();
    await expect(inviteStudents(stranger, sectionId, [{ name: "Dee", email: "dee@invite.test" }])).rejects.toMatchObject({ status: 404 });
    expect(await pendingInvitations(stranger, sectionId)).toEqual([]);
    expect(await db.mailMessage.count()).toBe(before);
    expect(await db.invitation.count({ where: { email: "dee@invite.test" } })).toBe(0);
  });
});
