import "server-only";
import { db } from "@/lib/db";
import { retryOnConflict } from "@/lib/db/retry";
import { recordAudit } from "@/lib/audit";
import { assertRole } from "@/lib/auth/assert";
import type { CurrentUser } from "@/lib/auth/session";
import { statusOf } from "@/lib/credentials/badge";
import { recordStudentChanges } from "@/lib/course/record";
import { COURSE_TITLE } from "@/lib/course/constants";

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

export async function listCertificates(viewer: CurrentUser) {
  assertRole(viewer, "instructor");
  return db.certificate.findMany({
    select: { code: true, holderName: true, issuedAt: true, revokedAt: true, revokedReason: true, withdrawnAt: true, user: { select: { email: true } } },
    orderBy: { issuedAt: "desc" },
    take: 200,
  });
}

export type RevokeResult = { ok: true } | { ok: false; message: string };

/** Revokes with a reason; the audit entry commits with the change. Revoking twice changes nothing. */
export async function revokeCertificate(viewer: CurrentUser, code: string, reason: string): Promise<RevokeResult> {
  assertRole(viewer, "instructor");
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
