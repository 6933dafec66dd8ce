// The LMS courses a section is linked to (LTI, issue 15): whether grades go back, how many
// are sent, waiting or not sent, and the roster read from the LMS, with a button to read it now.
import type { FormState } from "@/lib/forms";
import type { LmsLink } from "@/lib/lti/score-sync";
import { OneButtonForm } from "./one-button-form";

const when = (date: Date) => `${date.toISOString().replace("T", " ").slice(0, 16)} UTC`;

export function LmsLinks({ sectionId, links, action }: { sectionId: string; links: LmsLink[]; action: (prev: FormState, form: FormData) => Promise<FormState> }) {
  if (links.length === 0) return null;
  return (
    <section aria-labelledby="lms-heading" className="card" data-testid="lms-links">
      <h2 id="lms-heading">LMS course</h2>
      {links.map((link) => (
        <div key={link.title}>
          <h3>{link.title}</h3>
          <p>
            {link.canPostScores
              ? `Grades go back to the LMS: ${link.scores.sent} sent, ${link.scores.pending} waiting, ${link.scores.failed} not sent (see each student's page).`
              : "The LMS did not let Casebook send grades for this course."}
          </p>
          <p>
            {link.membershipsUrl
              ? link.membershipsSyncedAt
                ? `Roster read from the LMS ${when(link.membershipsSyncedAt)}.`
                : "The roster has not been read from the LMS yet."
              : "The LMS offers no roster for this course: students appear when they first open Casebook from it."}
            {link.membershipsError && <strong> The last attempt failed: {link.membershipsError}</strong>}
          </p>
        </div>
      ))}
      {links.some((l) => l.membershipsUrl) && <OneButtonForm fields={{ sectionId }} label="Read the roster from the LMS now" pendingLabel="Reading the roster…" action={action} testId="sync-roster" />}
    </section>
  );
}
