import type { Metadata } from "next";
import Link from "next/link";
import { InstructorNav } from "@/components/instructor/nav";
import { RevokeForm } from "@/components/readiness/revoke-form";
import { requireRole } from "@/lib/auth/session";
import { statusOf } from "@/lib/credentials/badge";
import { listCertificates } from "@/lib/readiness/certificates";
import { revokeCertificateAction } from "./actions";

export const metadata: Metadata = { title: "Certificates" };

export default async function CertificatesPage() {
  const viewer = await requireRole("instructor", "/instructor/certificates");
  const certificates = await listCertificates(viewer);
  return (
    <div>
      <h1>Certificates</h1>
      <InstructorNav current="certificates" />
      <p>Every certificate issued, newest first. Revoking asks for a reason, which is recorded in the audit log and shown on the public verification page.</p>
      {certificates.length === 0 ? (
        <p>No certificates have been issued yet.</p>
      ) : (
        <ul className="cert-list">
          {certificates.map((c) => {
            const status = statusOf(c);
            return (
              <li key={c.code} className="card" data-testid={`certificate-${c.code}`}>
                <p>
                  <strong>{c.holderName}</strong> {c.user?.email ? `(${c.user.email})` : ""} · issued {c.issuedAt.toISOString().slice(0, 10)} ·{" "}
                  <Link href={`/verify/${c.code}`}>{status}</Link>
                </p>
                {status === "revoked" ? <p>Revoked: {c.revokedReason}</p> : status === "valid" ? <RevokeForm code={c.code} holder={c.holderName} action={revokeCertificateAction} /> : null}
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}
