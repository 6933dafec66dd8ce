import "server-only";
// A person the LMS names, as a Casebook account (issue 15): (iss, sub) identifies them,
// whatever their email. Used by a launch and by roster sync (NRPS), inside their transaction.
import { createHash } from "node:crypto";
import type { Tx } from "@/lib/db";
import { recordAudit } from "@/lib/audit";
import { displayName, type LaunchRole } from "./claims";

const RANK: Record<string, number> = { student: 0, instructor: 1, coordinator: 2 };

/** Never a valid Argon2 hash: an LMS user signs in through the LMS (or sets a password by reset). */
export const NO_PASSWORD = "lti:no-password";

/** A unique address for a person whose LMS sent no email, or one another account already has. */
const placeholderEmail = (platformId: string, subject: string) => `lti-${createHash("sha256").update(`${platformId}\n${subject}`).digest("hex").slice(0, 24)}@lti.invalid`;

export type LmsPerson = { sub: string; name?: string; given_name?: string; family_name?: string; email?: string };

/**
 * The account of this person on this platform, made on first sight. The LMS is the
 * authority on its people: a learner made instructor there is one here (audited); never
 * the other way, so an instructor who is a learner in another course stays staff.
 * `effective` is the role the account has afterwards.
 */
export async function accountFor(tx: Tx, platformId: string, person: LmsPerson, role: LaunchRole): Promise<Account> {
  return (await accountOrClosed(tx, platformId, person, role, { reopen: true }))!;
}

type Account = { userId: string; effective: LaunchRole; created: boolean; raised: boolean };

/**
 * Like accountFor, but a person who closed their Casebook account is left closed (null)
 * unless `reopen`: their own launch is a new start, a roster sync is not their act.
 */
export async function accountOrClosed(tx: Tx, platformId: string, person: LmsPerson, role: LaunchRole, { reopen }: { reopen: boolean }): Promise<Account | null> {
  const key = { platformId, subject: person.sub };
  const identity = await tx.ltiIdentity.findUnique({ where: { platformId_subject: key }, select: { userId: true, user: { select: { role: true, deletedAt: true } } } });
  if (identity?.user.deletedAt && !reopen) return null;
  if (identity && !identity.user.deletedAt) {
    const current = identity.user.role as LaunchRole;
    if (RANK[role] <= (RANK[current] ?? 0)) return { userId: identity.userId, effective: current, created: false, raised: false };
    await tx.user.update({ where: { id: identity.userId }, data: { role }, select: { id: true } });
    await recordAudit({ actorId: null, action: "lti.role", targetType: "User", targetId: identity.userId, detail: { platformId, subject: person.sub, from: current, to: role } }, tx);
    return { userId: identity.userId, effective: role, created: false, raised: true };
  }
  const email = person.email?.toLowerCase();
  const taken = email ? await tx.user.findUnique({ where: { email }, select: { id: true } }) : null;
  const user = await tx.user.create({
    data: { name: displayName(person), email: email && !taken ? email : placeholderEmail(platformId, person.sub), passwordHash: NO_PASSWORD, role },
    select: { id: true },
  });
  if (identity) await tx.ltiIdentity.update({ where: { platformId_subject: key }, data: { userId: user.id }, select: { userId: true } });
  else await tx.ltiIdentity.create({ data: { ...key, userId: user.id }, select: { userId: true } });
  await recordAudit({ actorId: user.id, action: "lti.account", targetType: "LtiPlatform", targetId: platformId, detail: { subject: person.sub, role } }, tx);
  return { userId: user.id, effective: role, created: true, raised: false };
}
