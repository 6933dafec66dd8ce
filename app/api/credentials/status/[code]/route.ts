import { NextResponse } from "next/server";
import { findCertificateForVerification } from "@/lib/readiness/certificates";

/** Public status of a certificate, referenced from the credential's credentialStatus. */
export async function GET(_request: Request, { params }: { params: Promise<{ code: string }> }) {
  const cert = await findCertificateForVerification((await params).code);
  if (!cert) return NextResponse.json({ error: "No certificate has that code." }, { status: 404 });
  return NextResponse.json({ code: cert.code, status: cert.status, issuedAt: cert.issuedAt, revokedAt: cert.revokedAt, revokedReason: cert.revokedReason });
}
