import type { Metadata } from "next";
import { ACHIEVEMENT_NAME } from "@/lib/credentials/badge";
import { findCertificateForVerification } from "@/lib/readiness/certificates";

export const metadata: Metadata = { title: "Verify a certificate" };

const STATUS_TEXT = {
  valid: { heading: "Valid certificate", tone: "alert--success" },
  revoked: { heading: "Revoked certificate", tone: "alert--error" },
  withdrawn: { heading: "Withdrawn certificate", tone: "alert--error" },
} as const;

/** Public: anyone with the code can check a certificate, no sign-in needed. */
export default async function VerifyPage({ params }: { params: Promise<{ code: string }> }) {
  const cert = await findCertificateForVerification((await params).code);
  if (!cert) {
    return (
      <div className="narrow">
        <h1>Certificate not found</h1>
        <p data-testid="verify-status">No Casebook certificate has this code. Check that the address was copied completely; codes are case-sensitive.</p>
      </div>
    );
  }
  const text = STATUS_TEXT[cert.status];
  return (
    <div className="narrow">
      <h1>{text.heading}</h1>
      <div className={`alert ${text.tone}`} data-testid="verify-status" data-status={cert.status}>
        {cert.status === "valid" && <p>This certificate was issued by Casebook and is valid.</p>}
        {cert.status === "revoked" && <p>This certificate was revoked{cert.revokedAt ? ` on ${cert.revokedAt.toLocaleDateString("en-US", { dateStyle: "long" })}` : ""}. Reason: {cert.revokedReason}</p>}
        {cert.status === "withdrawn" && <p>The holder withdrew this certificate when they closed their account.</p>}
      </div>
      <dl className="summary-list">
        <dt>Holder</dt>
        <dd data-testid="verify-holder">{cert.holderName}</dd>
        <dt>Achievement</dt>
        <dd>{ACHIEVEMENT_NAME}</dd>
        <dt>Course</dt>
        <dd>{cert.courseTitle}</dd>
        <dt>Issued</dt>
        <dd>
          <time dateTime={cert.issuedAt.toISOString()}>{cert.issuedAt.toLocaleDateString("en-US", { dateStyle: "long" })}</time>
        </dd>
      </dl>
    </div>
  );
}
