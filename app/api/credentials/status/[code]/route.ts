import { NextResponse } from "next/server";
import { z } from "zod";
import { route } from "@/lib/boundary/route";
import { fail } from "@/lib/boundary/errors";
import { findCertificateForVerification } from "@/lib/readiness/certificates";

const NO_CERTIFICATE = "No certificate has that code.";

/** Public status of a certificate, referenced from the credential's credentialStatus. */
export const GET = route({ access: "public", params: z.object({ code: z.string().min(1).max(64) }), notFound: NO_CERTIFICATE }, async ({ params }) => {
  const cert = await findCertificateForVerification(params.code);
  if (!cert) return fail(404, NO_CERTIFICATE);
  return NextResponse.json({ code: cert.code, status: cert.status, issuedAt: cert.issuedAt, revokedAt: cert.revokedAt, revokedReason: cert.revokedReason });
});
