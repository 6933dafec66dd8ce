import "server-only";
import { decodeJwt, importJWK, jwtVerify, SignJWT } from "jose";
import { db } from "@/lib/db";
import { COURSE_DESCRIPTION, COURSE_TITLE } from "@/lib/course/constants";
import { ALGORITHM, publicJwks, signingKey } from "./keys";

export type CertificateRecord = { code: string; holderName: string; issuedAt: Date };

export const ACHIEVEMENT_NAME = "Internship Ready";

export function verifyUrl(baseUrl: string, code: string) {
  return `${baseUrl}/verify/${code}`;
}

/** An Open Badges 3.0 OpenBadgeCredential for a certificate (unsigned). */
export function buildCredential(cert: CertificateRecord, baseUrl: string) {
  return {
    "@context": ["https://www.w3.org/ns/credentials/v2", "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"],
    id: verifyUrl(baseUrl, cert.code),
    type: ["VerifiableCredential", "OpenBadgeCredential"],
    name: `${ACHIEVEMENT_NAME}: ${COURSE_TITLE}`,
    issuer: { id: baseUrl, type: ["Profile"], name: "Casebook" },
    validFrom: cert.issuedAt.toISOString(),
    credentialSubject: {
      type: ["AchievementSubject"],
      name: cert.holderName,
      achievement: {
        id: `${baseUrl}/achievements/internship-ready`,
        type: ["Achievement"],
        name: ACHIEVEMENT_NAME,
        description: `Completed ${COURSE_TITLE}: ${COURSE_DESCRIPTION}`,
        criteria: {
          narrative:
            "Completed every lesson, passed every lesson quiz and the final assessment, showed mastery of every learning objective, and completed the skills self-assessment.",
        },
      },
    },
    credentialStatus: { id: `${baseUrl}/api/credentials/status/${cert.code}`, type: "CasebookCertificateStatus" },
  };
}

/** Signs the credential as a VC-JWT (EdDSA, Ed25519). */
export async function signCredential(cert: CertificateRecord, baseUrl: string): Promise<string> {
  const { privateKey, kid } = await signingKey();
  const credential = buildCredential(cert, baseUrl);
  return new SignJWT({ vc: credential, ...credential })
    .setProtectedHeader({ alg: ALGORITHM, kid, typ: "vc+jwt" })
    .setIssuer(baseUrl)
    .setJti(credential.id)
    .setNotBefore(Math.floor(cert.issuedAt.getTime() / 1000))
    .setIssuedAt(Math.floor(cert.issuedAt.getTime() / 1000))
    .sign(privateKey);
}

export type CertificateStatus = "valid" | "revoked" | "withdrawn";

export function statusOf(cert: { revokedAt: Date | null; withdrawnAt: Date | null }): CertificateStatus {
  if (cert.revokedAt) return "revoked";
  if (cert.withdrawnAt) return "withdrawn";
  return "valid";
}

export type VerificationResult =
  | { verified: false; reason: string }
  | { verified: true; status: CertificateStatus; holderName: string; issuedAt: string; code: string; revokedReason?: string | null };

/** Checks a presented VC-JWT: our signature, a certificate we issued, and its current status. */
export async function verifyPresentedCredential(jwt: string): Promise<VerificationResult> {
  const { keys } = await publicJwks();
  let payload;
  try {
    const key = await importJWK(keys[0], ALGORITHM);
    ({ payload } = await jwtVerify(jwt, key, { algorithms: [ALGORITHM] }));
  } catch {
    let shape = "not a credential we can read";
    try {
      decodeJwt(jwt);
      shape = "the signature does not match Casebook's key (it was altered or issued elsewhere)";
    } catch {
      // not even a JWT
    }
    return { verified: false, reason: `This credential is not valid: ${shape}.` };
  }
  const code = typeof payload.jti === "string" ? payload.jti.split("/verify/").pop() : undefined;
  const cert = code
    ? await db.certificate.findUnique({ where: { code }, select: { code: true, holderName: true, issuedAt: true, revokedAt: true, revokedReason: true, withdrawnAt: true } })
    : null;
  if (!cert) return { verified: false, reason: "The signature is Casebook's, but no such certificate is on record." };
  return { verified: true, status: statusOf(cert), holderName: cert.holderName, issuedAt: cert.issuedAt.toISOString(), code: cert.code, revokedReason: cert.revokedReason };
}
