import type { Metadata } from "next";
import Link from "next/link";
import { Checklist } from "@/components/readiness/checklist";
import { requireUser } from "@/lib/auth/session";
import { PastRuns } from "@/components/readiness/past-runs";
import { getPastRuns } from "@/lib/progress/past-runs";
import { getReadiness } from "@/lib/readiness";

export const metadata: Metadata = { title: "Internship readiness" };

export default async function ReadinessPage() {
  const user = await requireUser("/readiness");
  const readiness = await getReadiness(user);
  const met = readiness.requirements.filter((r) => r.met).length;
  // Only a student who started the course again has earlier terms to read.
  const pastRuns = readiness.pastRuns > 0 ? await getPastRuns(user, user.id) : null;
  return (
    <div className="readiness">
      <p className="breadcrumb">
        <Link href="/course">Course outline</Link>
      </p>
      <h1>Internship readiness</h1>
      {readiness.reachedAt ? (
        <div className="alert alert--success" data-testid="ready-banner">
          <p>
            <strong>You are internship ready.</strong> You reached this milestone on{" "}
            <time dateTime={readiness.reachedAt.toISOString()}>{readiness.reachedAt.toLocaleDateString("en-US", { dateStyle: "long" })}</time>.
          </p>
          <p>
            <Link href="/certificate" className="button">
              View your certificate
            </Link>
          </p>
        </div>
      ) : (
        <p className="lead" data-testid="readiness-summary">
          {met} of {readiness.requirements.length} requirements met. Each item below says exactly what is missing and links to where you can fix it.
        </p>
      )}
      <Checklist requirements={readiness.requirements} />
      {pastRuns && <PastRuns runs={pastRuns} whose="your" attemptHref={(slug, id) => `/quizzes/${slug}/attempts/${id}`} />}
    </div>
  );
}
