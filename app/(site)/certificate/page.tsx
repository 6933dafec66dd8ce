import type { Metadata } from "next";
import Link from "next/link";
import { requireUser } from "@/lib/auth/session";
import { COURSE_TITLE } from "@/lib/course/constants";
import { ACHIEVEMENT_NAME, statusOf, verifyUrl } from "@/lib/credentials/badge";
import { publicBaseUrl } from "@/lib/http/base-url";
import { getReadiness } from "@/lib/readiness";

export const metadata: Metadata = { title: "Certificate" };

export default async function CertificatePage() {
  const user = await requireUser("/certificate");
  const { certificate } = await getReadiness(user);
  if (!certificate) {
    return (
      <div className="narrow">
        <h1>Certificate</h1>
        <p>Your certificate is issued when you become internship ready.</p>
        <p>
          <Link href="/readiness">See what is left</Link>
        </p>
      </div>
    );
  }
  const url = verifyUrl(await publicBaseUrl(), certificate.code);
  const status = statusOf(certificate);
  return (
    <div className="certificate-page">
      <p className="breadcrumb no-print">
        <Link href="/readiness">Internship readiness</Link>
      </p>
      <h1 className="visually-hidden">Your certificate</h1>
      {status !== "valid" && <p className="alert alert--error">This certificate is {status}{certificate.revokedReason ? `: ${certificate.revokedReason}` : "."}</p>}
      <section className="certificate" aria-label="Certificate">
        <p className="certificate__kicker">Casebook certifies that</p>
        <p className="certificate__name" data-testid="certificate-name">
          {certificate.holderName}
        </p>
        <p>is</p>
        <p className="certificate__title">{ACHIEVEMENT_NAME}</p>
        <p>
          having completed <strong>{COURSE_TITLE}</strong>: every lesson and quiz, the final assessment, mastery of every learning objective, and a skills self-assessment.
        </p>
        <p>
          Issued <time dateTime={certificate.issuedAt.toISOString()}>{certificate.issuedAt.toLocaleDateString("en-US", { dateStyle: "long" })}</time>
        </p>
        <p className="certificate__verify">
          Verify at <span data-testid="verify-url">{url}</span>
          <br />
          Code: <code>{certificate.code}</code>
        </p>
      </section>
      <div className="actions no-print">
        <Link href={`/verify/${certificate.code}`} className="button button--quiet">
          Open the public verification page
        </Link>
        <a href="/certificate/credential" className="button button--quiet" download>
          Download Open Badges 3.0 credential
        </a>
      </div>
      <p className="no-print field__hint">Use your browser&apos;s Print command for a one-page paper copy.</p>
    </div>
  );
}
