// The student's scores owed to LMS gradebooks (grade passback, issue 15): where each is,
// and why one has not arrived, with a button to send them again.
import type { FormState } from "@/lib/forms";
import type { ScoreSync } from "@/lib/lti/score-sync";
import { OneButtonForm } from "./one-button-form";

const when = (date: Date) => `${date.toISOString().replace("T", " ").slice(0, 16)} UTC`;

function state(score: ScoreSync) {
  if (score.status === "sent") return `Sent ${score.sentAt ? when(score.sentAt) : ""}`;
  if (score.status === "failed") return "Not sent";
  return score.tries === 0 ? "Waiting to send" : `Retrying (try ${score.tries + 1} at ${when(score.nextTryAt)})`;
}

export function LmsGrades({ studentId, scores, action }: { studentId: string; scores: ScoreSync[]; action: (prev: FormState, form: FormData) => Promise<FormState> }) {
  if (scores.length === 0) return null;
  return (
    <section aria-labelledby="lms-grades-heading" className="card">
      <h2 id="lms-grades-heading">Grades sent to the LMS</h2>
      <div className="table-wrap" role="region" aria-label="Grades sent to the LMS" tabIndex={0}>
      <table className="table table--compact" data-testid="lms-grades">
        <thead>
          <tr>
            <th scope="col">Activity</th>
            <th scope="col">LMS course</th>
            <th scope="col">Score</th>
            <th scope="col">State</th>
          </tr>
        </thead>
        <tbody>
          {scores.map((score) => (
            <tr key={score.id} data-status={score.status}>
              <th scope="row">{score.label}</th>
              <td>{score.lmsCourse}</td>
              <td>
                {score.scoreGiven} / {score.scoreMaximum}
              </td>
              <td>
                {state(score)}
                {score.lastError && score.status !== "sent" && <span className="field__hint"> {score.lastError}</span>}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      </div>
      <OneButtonForm fields={{ studentId }} label="Send these grades again" pendingLabel="Sending…" action={action} testId="resend-scores" />
    </section>
  );
}
