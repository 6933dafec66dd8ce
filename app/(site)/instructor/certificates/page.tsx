import type { Metadata } from "next";
import Link from "next/link";
import { InstructorNav } from "@/components/instructor/nav";
import { RevokeForm } from "@/components/readiness/revoke-form";
import { notFound } from "next/navigation";
import { allLabelFor, SectionPicker } from "@/components/instructor/section-picker";
import { requireStaff } from "@/lib/auth/session";
import { sectionParamSchema } from "@/lib/sections/schemas";
import { statusOf } from "@/lib/credentials/badge";
import { listCertificates } from "@/lib/readiness/certificates";
import { revokeCertificateAction } from "./actions";

export const metadata: Metadata = { title: "Certificates" };

export default async function CertificatesPage({ searchParams }: { searchParams: Promise<{ section?: string | string[] }> }) {
  const viewer = await requireStaff("/instructor/certificates");
  const listed = await listCertificates(viewer, sectionParamSchema.parse((await searchParams).section));
  if (!listed) notFound();
  const { certificates, chosen } = listed;
  return (
    <div>
      <h1>Certificates</h1>
      <InstructorNav current="certificates" section={chosen.chosen} />
      <SectionPicker action="/instructor/certificates" sections={chosen.sections} chosen={chosen.chosen} allLabel={allLabelFor(viewer.role)} />
      <p>The certificates of these students, newest first. Revoking asks for a reason, which is recorded in the audit log and shown on the public verification page.</p>
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
