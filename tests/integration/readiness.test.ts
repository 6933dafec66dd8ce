import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { signCredential, verifyPresentedCredential } from "@/lib/credentials/badge";
import { publicJwks } from "@/lib/credentials/keys";
import { getReadiness } from "@/lib/readiness";
import { findCertificateForVerification, revokeCertificate } from "@/lib/readiness/certificates";
import { seed } from "@/lib/seed";
import { completeLessonsAndQuizzes, completeSelfAssessment } from "@/tests/support/course";
import { makeUser } from "@/tests/support/users";

const BASE = "http://casebook.test";

beforeAll(async () => {
  await seed({ demo: false });
});

async function readyStudent() {
  const student = await makeUser();
  await completeLessonsAndQuizzes(student, { final: true });
  await completeSelfAssessment(student);
  return student;
}

describe("readiness", () => {
  it("is not reached while the self-assessment is missing, and says so", async () => {
    const student = await makeUser();
    await completeLessonsAndQuizzes(student, { final: true });
    const result = await getReadiness(student);
    expect(result.ready).toBe(false);
    expect(result.requirements.filter((r) => !r.met).map((r) => r.id)).toEqual(["self-assessment"]);
    expect(result.certificate).toBeNull();
  });

  it("is recorded once, with one certificate, under concurrent completion", async () => {
    // Readiness is recorded by the event that completes it (here the self-assessment, the
    // last requirement), so that event is what runs twenty times at once.
    const student = await makeUser();
    await completeLessonsAndQuizzes(student, { final: true });
    await Promise.all(Array.from({ length: 20 }, () => completeSelfAssessment(student)));
    const results = await Promise.all(Array.from({ length: 20 }, () => getReadiness(student)));
    expect(results.every((r) => r.ready && r.reachedAt)).toBe(true);
    expect(new Set(results.map((r) => r.reachedAt!.getTime())).size).toBe(1);
    expect(await db.readiness.count({ where: { userId: student.id } })).toBe(1);
    expect(await db.certificate.count({ where: { userId: student.id } })).toBe(1);
    expect(results[0].certificate!.code).toMatch(/^[A-Za-z0-9_-]{24}$/);
  });
});

describe("certificates and credentials", () => {
  it("a signed credential verifies; a revoked one verifies as revoked, with the reason", async () => {
    const student = await readyStudent();
    const { certificate } = await getReadiness(student);
    const jwt = await signCredential(certificate!, BASE);
    expect(await verifyPresentedCredential(jwt)).toMatchObject({ verified: true, status: "valid", holderName: student.name });

    const instructor = await makeUser("instructor");
    expect(await revokeCertificate(instructor, certificate!.code, "Issued in error")).toEqual({ ok: true });
    expect(await verifyPresentedCredential(jwt)).toMatchObject({ verified: true, status: "revoked", revokedReason: "Issued in error" });
    expect((await findCertificateForVerification(certificate!.code))?.status).toBe("revoked");
    const audit = await db.auditLog.findFirstOrThrow({ where: { action: "certificate.revoke" }, select: { actorId: true, detail: true } });
    expect(audit.actorId).toBe(instructor.id);
    expect(JSON.parse(audit.detail)).toMatchObject({ reason: "Issued in error" });
    // Students cannot revoke.
    await expect(revokeCertificate(student, certificate!.code, "nope nope")).rejects.toThrow();
  });

  it("a tampered credential fails verification", async () => {
    const student = await readyStudent();
    const { certificate } = await getReadiness(student);
    const jwt = await signCredential(certificate!, BASE);
    const [header, payload, signature] = jwt.split(".");
    const claims = JSON.parse(Buffer.from(payload, "base64url").toString());
    claims.credentialSubject.name = "Somebody Else";
    const tampered = [header, Buffer.from(JSON.stringify(claims)).toString("base64url"), signature].join(".");
    expect(await verifyPresentedCredential(tampered)).toMatchObject({ verified: false });
    expect(await verifyPresentedCredential("not-a-jwt")).toMatchObject({ verified: false });
  });

  it("the credential is an Open Badges 3.0 OpenBadgeCredential signed with the published Ed25519 key", async () => {
    const student = await readyStudent();
    const { certificate } = await getReadiness(student);
    const jwt = await signCredential(certificate!, BASE);
    const header = JSON.parse(Buffer.from(jwt.split(".")[0], "base64url").toString());
    const claims = JSON.parse(Buffer.from(jwt.split(".")[1], "base64url").toString());
    const { keys } = await publicJwks();
    expect(header).toMatchObject({ alg: "EdDSA", kid: keys[0].kid });
    expect(keys[0]).toMatchObject({ kty: "OKP", crv: "Ed25519" });
    expect(keys[0]).not.toHaveProperty("d");
    expect(claims.vc.type).toEqual(["VerifiableCredential", "OpenBadgeCredential"]);
    expect(claims.vc.credentialSubject.achievement.type).toEqual(["Achievement"]);
    expect(claims.vc.id).toBe(`${BASE}/verify/${certificate!.code}`);
  });

  it("an unknown code is not found", async () => {
    expect(await findCertificateForVerification("no-such-certificate-code")).toBeNull();
    expect(await findCertificateForVerification("../../etc")).toBeNull();
  });
});
