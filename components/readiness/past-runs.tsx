import Link from "next/link";
import type { PastRun } from "@/lib/progress/past-runs";
import { termLabel } from "@/lib/sections/terms";

const STATUS_TEXT: Record<string, string> = { valid: "valid", revoked: "revoked", withdrawn: "withdrawn" };

/**
 * Earlier runs of the course, newest first: read-only history of a student who started
 * again in a later term. `attemptHref` links a quiz's best attempt (the student's own view).
 */
export function PastRuns({ runs, whose, attemptHref }: { runs: PastRun[]; whose: "your" | "their"; attemptHref?: (quizSlug: string, attemptId: string) => string }) {
  if (runs.length === 0) return null;
  return (
    <section aria-labelledby="past-runs-heading" id="past-runs" className="card">
      <h2 id="past-runs-heading">Earlier terms</h2>
      <p>
        {whose === "your" ? "You" : "This student"} started the course again in a later term. Work from earlier terms is kept here; it no longer counts toward{" "}
        {whose} current progress or readiness.
      </p>
      {runs.map((run) => (
        <article key={run.number} aria-labelledby={`past-run-${run.number}`} data-testid="past-run">
          <h3 id={`past-run-${run.number}`}>
            {run.sections.map((s) => `${s.name} (${termLabel(s.termStart, s.termEnd, s.timeZone)})`).join(", then ") || `Run ${run.number}`}
          </h3>
          <p>
            {run.lessonsCompleted} lesson{run.lessonsCompleted === 1 ? "" : "s"} completed.{" "}
            {run.readyAt ? `Internship ready on ${run.readyAt.toISOString().slice(0, 10)}.` : "Not internship ready in this term."}
            {run.certificate && (
              <>
                {" "}
                Certificate <Link href={`/verify/${run.certificate.code}`}>{run.certificate.code}</Link> ({STATUS_TEXT[run.certificate.status] ?? run.certificate.status}).
              </>
            )}
          </p>
          {run.quizzes.length > 0 && (
            <table>
              <caption className="visually-hidden">Quiz results in this term</caption>
              <thead>
                <tr>
                  <th scope="col">Quiz</th>
                  <th scope="col">Best</th>
                  <th scope="col">Attempts</th>
                </tr>
              </thead>
              <tbody>
                {run.quizzes.map((q) => (
                  <tr key={q.slug}>
                    <th scope="row">{q.title}</th>
                    <td>
                      {q.bestPercent === null ? "not graded" : `${q.bestPercent}% (${q.passed ? "passed" : "not passed"})`}
                      {attemptHref && q.bestAttemptId && (
                        <>
                          {" "}
                          <Link href={attemptHref(q.slug, q.bestAttemptId)}>review</Link>
                        </>
                      )}
                    </td>
                    <td>
                      {q.attempts}
                      {q.unfinished > 0 ? `, ${q.unfinished} left unfinished` : ""}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </article>
      ))}
    </section>
  );
}
