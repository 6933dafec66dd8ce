import "server-only";
// Instructors add students to their section by name and email, one at a time or from a
// class list (issue 14). Each person gets a personal link by mail: single use, valid for
// INVITATION_DAYS, stored only as its hash. Opening it, a new student creates their
// account with the invited address (so the address is theirs) and lands in the section;
// a student who has an account signs in as that address and joins (a move keeps their
// history). Inviting an address again replaces its link.
import { createHash, randomBytes } from "node:crypto";
import { db, type Tx } from "@/lib/db";
import { recordAudit } from "@/lib/audit";
import { assertStaff } from "@/lib/auth/assert";
import { hashPassword } from "@/lib/auth/password";
import type { CurrentUser } from "@/lib/auth/session";
import { DomainError } from "@/lib/boundary/errors";
import { COURSE_TITLE } from "@/lib/course/constants";
import { isUniqueViolation, retryOnConflict } from "@/lib/db/retry";
import { publicBaseUrl } from "@/lib/http/base-url";
import { deliverSoon, queueMail } from "@/lib/mail";
import { enrollmentStartsNewRun } from "@/lib/progress/restart";
import { enrollInTx } from "./enrollment";
import type { Invitee } from "./invite-list";
import { canManageSection } from "./scope";
import { termLabel } from "./terms";

export const INVITATION_DAYS = 14;
/** A list of 500 is about a thousand statements: longer than a transaction's default five seconds. */
const INVITE_TX_OPTIONS = { maxWait: 15_000, timeout: 120_000 };
const tokenHashOf = (token: string) => createHash("sha256").update(token).digest("hex");

export type InviteOutcome = { invited: string[]; skipped: { email: string; reason: string }[] };

/** Invites each person to the section and queues their mail, in one transaction. */
export async function inviteStudents(viewer: CurrentUser, sectionId: string, invitees: Invitee[], now = new Date()): Promise<InviteOutcome> {
  assertStaff(viewer);
  if (!(await canManageSection(viewer, sectionId))) throw new DomainError(404, "No such section.");
  if (invitees.length === 0) throw new DomainError(400, "There is nobody to invite in that list.");
  const base = await publicBaseUrl();
  const outcome = await retryOnConflict(() => db.$transaction(async (tx) => {
    const section = await tx.section.findUniqueOrThrow({ where: { id: sectionId }, select: { name: true, termStart: true, termEnd: true, timeZone: true, courseId: true } });
    const emails = invitees.map((i) => i.email);
    const accounts = await tx.user.findMany({
      where: { email: { in: emails }, deletedAt: null },
      select: { email: true, role: true, enrollments: { where: { activeCourseId: section.courseId }, select: { sectionId: true } } },
    });
    const accountOf = new Map(accounts.map((a) => [a.email, a]));
    const result: InviteOutcome = { invited: [], skipped: [] };
    for (const person of invitees) {
      const account = accountOf.get(person.email);
      if (account && account.role !== "student") {
        result.skipped.push({ email: person.email, reason: "a staff account; a coordinator adds staff to sections" });
        continue;
      }
      if (account?.enrollments.some((e) => e.sectionId === sectionId)) {
        result.skipped.push({ email: person.email, reason: "already in this section" });
        continue;
      }
      const token = randomBytes(32).toString("base64url");
      const data = { name: person.name, tokenHash: tokenHashOf(token), invitedById: viewer.id, createdAt: now, expiresAt: new Date(now.getTime() + INVITATION_DAYS * 86_400_000), acceptedAt: null, userId: null };
      await tx.invitation.upsert({ where: { sectionId_email: { sectionId, email: person.email } }, create: { sectionId, email: person.email, ...data }, update: data, select: { id: true } });
      await queueMail(tx, {
        to: person.email,
        subject: `You are invited to ${COURSE_TITLE}: ${section.name}`,
        text: [
          `Hello ${person.name},`,
          "",
          `${viewer.name} invited you to ${COURSE_TITLE}, section ${section.name} (${termLabel(section.termStart, section.termEnd, section.timeZone)}).`,
          account ? "Sign in with this address and join the section here:" : "Create your account here:",
          "",
          `${base}/invitations/${token}`,
          "",
          `The link is yours alone, works once, and expires in ${INVITATION_DAYS} days.`,
        ].join("\n"),
      });
      result.invited.push(person.email);
    }
    await recordAudit({ actorId: viewer.id, action: "section.invite", targetType: "Section", targetId: sectionId, detail: result }, tx);
    return result;
  }, INVITE_TX_OPTIONS));
  if (outcome.invited.length) deliverSoon();
  return outcome;
}

/** The section's invitations that are not yet accepted, newest first. */
export async function pendingInvitations(viewer: CurrentUser, sectionId: string, now = new Date()) {
  assertStaff(viewer);
  if (!(await canManageSection(viewer, sectionId))) return [];
  const rows = await db.invitation.findMany({
    where: { sectionId, acceptedAt: null },
    select: { id: true, name: true, email: true, createdAt: true, expiresAt: true },
    orderBy: { createdAt: "desc" },
    take: 200,
  });
  return rows.map((r) => ({ ...r, expired: r.expiresAt <= now }));
}

export type InvitationView =
  | { state: "invalid" }
  | { state: "expired" | "used"; sectionName: string }
  | { state: "open"; name: string; email: string; section: { name: string; term: string }; hasAccount: boolean; startsAgain: boolean };

/** What the link's page shows; reads only. An unknown token and a bad one look alike. */
export async function invitationView(token: string, now = new Date()): Promise<InvitationView> {
  if (token.length > 100) return { state: "invalid" };
  const row = await db.invitation.findUnique({
    where: { tokenHash: tokenHashOf(token) },
    select: { name: true, email: true, expiresAt: true, acceptedAt: true, section: { select: { id: true, courseId: true, name: true, termStart: true, termEnd: true, timeZone: true } } },
  });
  if (!row) return { state: "invalid" };
  if (row.acceptedAt) return { state: "used", sectionName: row.section.name };
  if (row.expiresAt <= now) return { state: "expired", sectionName: row.section.name };
  const account = await db.user.findFirst({ where: { email: row.email, deletedAt: null }, select: { id: true } });
  // Shown only to the invited student once signed in: whether joining starts the course again.
  const startsAgain = account ? await enrollmentStartsNewRun(db, account.id, row.section.courseId, row.section.id) : false;
  return { state: "open", name: row.name, email: row.email, section: { name: row.section.name, term: termLabel(row.section.termStart, row.section.termEnd, row.section.timeZone) }, hasAccount: Boolean(account), startsAgain };
}

const GONE = "This invitation link has expired or was already used. Ask your instructor for a new one.";

/** Claims the invitation (single use: a conditional update), inside `tx`; its section, or a 410. */
async function claim(tx: Tx, token: string, now: Date) {
  const tokenHash = tokenHashOf(token);
  const claimed = await tx.invitation.updateMany({ where: { tokenHash, acceptedAt: null, expiresAt: { gt: now } }, data: { acceptedAt: now } });
  if (claimed.count !== 1) throw new DomainError(410, GONE);
  return tx.invitation.findUniqueOrThrow({ where: { tokenHash }, select: { id: true, email: true, section: { select: { id: true, courseId: true, name: true } } } });
}

/** A new student creates their account from the link: the invited address, straight into the section. */
export async function acceptWithNewAccount(input: { token: string; name: string; password: string }, now = new Date()) {
  // A cheap look first: a made-up or spent link costs no password hash.
  const open = await db.invitation.findFirst({ where: { tokenHash: tokenHashOf(input.token), acceptedAt: null, expiresAt: { gt: now } }, select: { id: true } });
  if (!open) throw new DomainError(410, GONE);
  const passwordHash = await hashPassword(input.password);
  try {
    return await db.$transaction(async (tx) => {
      const invitation = await claim(tx, input.token, now);
      const user = await tx.user.create({ data: { name: input.name, email: invitation.email, passwordHash, role: "student" }, select: { id: true, email: true } });
      await tx.invitation.update({ where: { id: invitation.id }, data: { userId: user.id }, select: { id: true } });
      await enrollInTx(tx, user.id, invitation.section, "invited");
      await recordAudit({ actorId: user.id, action: "invitation.accept", targetType: "Section", targetId: invitation.section.id, detail: { invitationId: invitation.id, newAccount: true } }, tx);
      return { email: user.email, sectionName: invitation.section.name };
    });
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    const message = "An account with this email already exists. Sign in, then open the link again to join.";
    throw new DomainError(409, message, { password: message });
  }
}

/** A signed-in student accepts an invitation sent to their own address. */
export async function acceptAsStudent(student: CurrentUser, token: string, now = new Date()) {
  if (student.role !== "student") throw new DomainError(403, "Invitations are for students.");
  return retryOnConflict(() => db.$transaction(async (tx) => {
    const invitation = await claim(tx, token, now);
    if (invitation.email !== student.email.toLowerCase()) throw new DomainError(403, `This invitation was sent to another address. Sign in as that address to accept it.`);
    await tx.invitation.update({ where: { id: invitation.id }, data: { userId: student.id }, select: { id: true } });
    const moved = await enrollInTx(tx, student.id, invitation.section, "moved");
    await recordAudit({ actorId: student.id, action: "invitation.accept", targetType: "Section", targetId: invitation.section.id, detail: { invitationId: invitation.id, from: moved.from, pastRun: moved.pastRun } }, tx);
    return { sectionName: invitation.section.name, startedOver: moved.pastRun !== null };
  }));
}
