import "server-only";
import { db } from "@/lib/db";
import { retryOnConflict } from "@/lib/db/retry";
import { assertStaff } from "@/lib/auth/assert";
import { recordAudit } from "@/lib/audit";
import type { CurrentUser } from "@/lib/auth/session";
import { statusOf } from "@/lib/credentials/badge";
import { recordStudentChanges } from "@/lib/course/record";
import { COURSE_TITLE } from "@/lib/course/constants";
import { canSeeStudent, chooseSections } from "@/lib/sections/scope";
import { CURRENT_RUN } from "@/lib/progress/runs";

/** Public lookup for /verify/<code>: only what a verifier needs, nothing private. */
export async function findCertificateForVerification(code: string) {
  if (!/^[A-Za-z0-9_-]{8,64}$/.test(code)) return null;
  const cert = await db.certificate.findUnique({
    where: { code },
    select: { code: true, holderName: true, issuedAt: true, revokedAt: true, revokedReason: true, withdrawnAt: true, course: { select: { title: true } } },
  });
  if (!cert) return null;
  return { ...cert, courseTitle: cert.course.title ?? COURSE_TITLE, status: statusOf(cert) };
}

/**
 * The certificates of the chosen sections' students (null: not the viewer's section). A
 * coordinator's "all" also lists certificates whose holder closed their account, and those
 * of past runs (ADR 0017); a section lists its students' current ones.
 */
export async function listCertificates(viewer: CurrentUser, section?: string) {
  const chosen = await chooseSections(viewer, section);
  if (!chosen) return null;
  const certificates = await db.certificate.findMany({
    where: chosen.ids ? { pastRun: CURRENT_RUN, user: { summaries: { some: { sectionId: { in: chosen.ids } } } } } : {},
    select: { code: true, holderName: true, issuedAt: true, revokedAt: true, revokedReason: true, withdrawnAt: true, user: { select: { email: true } } },
    orderBy: { issuedAt: "desc" },
    take: 200,
  });
  return { certificates, chosen };
}

export type RevokeResult = { ok: true } | { ok: false; message: string };

/** Revokes with a reason; the audit entry commits with the change. Revoking twice changes nothing. */
export async function revokeCertificate(viewer: CurrentUser, code: string, reason: string): Promise<RevokeResult> {
  assertStaff(viewer);
  const holder = await db.certificate.findUnique({ where: { code }, select: { userId: true, pastRun: true } });
  // Another section's certificate is "not found", like one that does not exist. A closed
  // account's certificate (no holder), or one from a student's earlier term (issued in
  // another class), is the coordinator's.
  const visible = holder && (viewer.role === "coordinator" || (holder.userId !== null && holder.pastRun === CURRENT_RUN && (await canSeeStudent(viewer, holder.userId))));
  if (!visible) return { ok: false, message: "No certificate has that code." };
  return retryOnConflict(() => db.$transaction(async (tx) => {
    const cert = await tx.certificate.findUnique({ where: { code }, select: { id: true, userId: true, revokedAt: true } });
    if (!cert) return { ok: false, message: "No certificate has that code." };
    if (cert.revokedAt) return { ok: false, message: "That certificate is already revoked." };
    await tx.certificate.update({ where: { id: cert.id }, data: { revokedAt: new Date(), revokedReason: reason }, select: { id: true } });
    await recordAudit({ actorId: viewer.id, action: "certificate.revoke", targetType: "Certificate", targetId: cert.id, detail: { code, reason } }, tx);
    // Revocation is an event of the student's record: their derived rows follow it (the
    // milestone stays recorded; only an explicit instructor act ever undoes it).
    if (cert.userId) await recordStudentChanges(tx, [cert.userId]);
    return { ok: true } as const;
  }));
}
