import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { AddInstructorForm } from "@/components/instructor/add-instructor-form";
import { InstructorNav } from "@/components/instructor/nav";
import { SectionForm } from "@/components/instructor/section-form";
import { requireStaff } from "@/lib/auth/session";
import { displayJoinCode } from "@/lib/sections/codes";
import { getSection } from "@/lib/sections/manage";
import { dayIn, timeZones } from "@/lib/sections/terms";
import { formatInZone } from "@/lib/sections/dates";
import { publicBaseUrl } from "@/lib/http/base-url";
import { QuizDatesForm } from "@/components/instructor/quiz-dates-form";
import { getSectionSchedule } from "@/lib/sections/schedule";
import { SectionAssignmentForm } from "@/components/assignments/section-assignment-form";
import { getSectionAssignments } from "@/lib/assignments/settings";
import { SectionSettingsForm } from "@/components/instructor/section-settings-form";
import { getSectionRules } from "@/lib/sections/settings";
import { InviteListForm, InviteOneForm } from "@/components/instructor/invite-forms";
import { pendingInvitations } from "@/lib/sections/invitations";
import { LmsLinks } from "@/components/instructor/lms-links";
import { lmsLinksOf } from "@/lib/lti/score-sync";
import { addInstructorAction, removeInstructorAction, rotateCodeAction, inviteListAction, inviteOneAction, sectionAssignmentAction, sectionSettingsAction, setJoinOpenAction, setOpenSignupAction, setQuizDatesAction, syncRosterAction, updateSectionAction } from "../actions";

export const metadata: Metadata = { title: "Section" };

const DONE: Record<string, string> = {
  "code-rotated": "A new code was made. The old code no longer works.",
  "joining-opened": "Students can join with the code again.",
  "joining-closed": "Joining is closed. The code no longer works until you open it again.",
  "instructor-removed": "The instructor no longer teaches this section.",
  "open-signup": "New accounts without a code now join this section.",
  "no-open-signup": "New accounts without a code no longer join any section until a coordinator picks one.",
};

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ done?: string | string[] }> };

export default async function SectionPage({ params, searchParams }: Props) {
  const viewer = await requireStaff("/instructor/sections");
  const { id } = await params;
  const section = id.length <= 64 ? await getSection(viewer, id) : null;
  if (!section) notFound();
  const [schedule, rules, invitations, lmsLinks, assignments] = await Promise.all([
    getSectionSchedule(viewer, section.id).then((s) => s ?? []),
    getSectionRules(viewer, section.id),
    pendingInvitations(viewer, section.id),
    lmsLinksOf(viewer, section.id),
    getSectionAssignments(viewer, section.id),
  ]);
  if (!rules) notFound();
  const own = rules.settings;
  const asText = (v: number | undefined) => (v === undefined ? "" : String(v));
  const done = (await searchParams).done;
  const notice = typeof done === "string" ? DONE[done] : undefined;
  const coordinator = viewer.role === "coordinator";
  // The public address is configuration, never a request header (docs/security.md).
  const joinLink = `${await publicBaseUrl()}/join/${displayJoinCode(section.joinCode)}`;
  return (
    <div>
      <p className="breadcrumb">
        <Link href="/instructor/sections">Sections</Link>
      </p>
      <h1>{section.name}</h1>
      <InstructorNav current="sections" />
      {notice && (
        <p className="alert alert--success" role="status">
          {notice}
        </p>
      )}
      <p>
        {section.term} ({section.timeZone}) · {section.students} student{section.students === 1 ? "" : "s"} ·{" "}
        <Link href={`/instructor?section=${section.id}`}>Roster of this section</Link>
      </p>

      <section aria-labelledby="join-heading" className="card">
        <h2 id="join-heading">Enrollment code</h2>
        {section.joinOpen ? (
          <>
            <p>Students join this section with this code when they create their account, or with the link.</p>
            <p className="join-code" data-testid="join-code">
              {displayJoinCode(section.joinCode)}
            </p>
            <p>
              Link: <code data-testid="join-link">{joinLink}</code>
            </p>
          </>
        ) : (
          <p data-testid="join-closed">Joining is closed: the code does not work.</p>
        )}
        <div className="button-row">
          <form action={rotateCodeAction}>
            <input type="hidden" name="sectionId" value={section.id} />
            <button type="submit" className="button button--small">
              Make a new code
            </button>
          </form>
          <form action={setJoinOpenAction}>
            <input type="hidden" name="sectionId" value={section.id} />
            <input type="hidden" name="open" value={section.joinOpen ? "false" : "true"} />
            <button type="submit" className="button button--small">
              {section.joinOpen ? "Close joining" : "Open joining"}
            </button>
          </form>
        </div>
        {section.openSignup && <p>New accounts created without a code join this section while joining is open.</p>}
        {coordinator && (
          <form action={setOpenSignupAction}>
            <input type="hidden" name="sectionId" value={section.id} />
            <input type="hidden" name="open" value={section.openSignup ? "false" : "true"} />
            <button type="submit" className="button button--small">
              {section.openSignup ? "Stop sign-ups without a code" : "Make this the section for sign-ups without a code"}
            </button>
          </form>
        )}
      </section>

      <LmsLinks sectionId={section.id} links={lmsLinks} action={syncRosterAction} />

      <section aria-labelledby="invite-heading" className="card">
        <h2 id="invite-heading">Add students</h2>
        <p>Each student gets a personal link by mail: it creates their account (or, if they have one, moves them here) and works once, for 14 days.</p>
        <InviteOneForm sectionId={section.id} action={inviteOneAction} />
        <InviteListForm sectionId={section.id} action={inviteListAction} />
        <h3>Invitations not yet accepted</h3>
        {invitations.length === 0 ? (
          <p>None.</p>
        ) : (
          <table data-testid="pending-invitations">
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Email</th>
                <th scope="col">Sent</th>
                <th scope="col">Expires</th>
              </tr>
            </thead>
            <tbody>
              {invitations.map((i) => (
                <tr key={i.id}>
                  <td>{i.name}</td>
                  <td>{i.email}</td>
                  <td>{formatInZone(i.createdAt, section.timeZone)}</td>
                  <td>{i.expired ? "expired: invite again" : formatInZone(i.expiresAt, section.timeZone)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>

      <section aria-labelledby="dates-heading">
        <h2 id="dates-heading">Dates</h2>
        <p>
          Optional. Dates are days in {section.timeZone}: a quiz opens at the start of its open day and is due at the end of its due day. Students see
          &ldquo;due in 3 days&rdquo; or &ldquo;overdue&rdquo; on their outline; give one student a later date from their page (an extension).
        </p>
        {schedule.map((q) => (
          <QuizDatesForm key={q.id} sectionId={section.id} quiz={q} action={setQuizDatesAction} />
        ))}
      </section>

      <section aria-labelledby="written-heading">
        <h2 id="written-heading">Written work</h2>
        <p>
          A due date is the end of that day in {section.timeZone}; work handed in later is accepted and marked late. Anonymous grading shows graders a
          pseudonym instead of the student&apos;s name until the grade is released.
        </p>
        {assignments.map((a) => (
          <SectionAssignmentForm key={a.id} sectionId={section.id} assignment={a} action={sectionAssignmentAction} />
        ))}
      </section>

      <section aria-labelledby="rules-heading" className="card">
        <h2 id="rules-heading">Rules for this section</h2>
        <p>
          Leave a field empty to follow the course. Changes apply to attempts started from now on, are recorded in the audit log, and this section&rsquo;s
          passes and readiness are checked again at once.
        </p>
        <SectionSettingsForm
          action={sectionSettingsAction}
          view={{
            sectionId: section.id,
            current: {
              lessonPassPercent: asText(own.lessonPassPercent),
              finalPassPercent: asText(own.finalPassPercent),
              lessonMaxAttempts: asText(own.lessonMaxAttempts),
              finalMaxAttempts: asText(own.finalMaxAttempts),
              lessonTimeLimitMinutes: asText(own.lessonTimeLimitMinutes),
              finalTimeLimitMinutes: asText(own.finalTimeLimitMinutes),
              reviewPolicy: own.reviewPolicy ?? "",
              writtenWorkPercent: asText(own.writtenWorkPercent),
              signOff: own.requireInstructorSignOff === undefined ? "course" : own.requireInstructorSignOff ? "required" : "not_required",
            },
            course: { lessonPassPercent: rules.config.lessonPassPercent, finalPassPercent: rules.config.finalPassPercent, requireInstructorSignOff: rules.config.requireInstructorSignOff, writtenWorkPercent: rules.config.writtenWorkPercent },
            files: rules.defaults,
            bounds: rules.bounds,
          }}
        />
      </section>

      <section aria-labelledby="instructors-heading" className="card">
        <h2 id="instructors-heading">Instructors</h2>
        {section.instructors.length === 0 ? (
          <p>Nobody teaches this section yet.</p>
        ) : (
          <ul data-testid="section-instructors">
            {section.instructors.map((i) => (
              <li key={i.id} className="button-row">
                <span>
                  {i.name} ({i.email})
                </span>
                {coordinator && (
                  <form action={removeInstructorAction}>
                    <input type="hidden" name="sectionId" value={section.id} />
                    <input type="hidden" name="userId" value={i.id} />
                    <button type="submit" className="button button--small button--secondary" aria-label={`Remove ${i.name} from this section`}>
                      Remove
                    </button>
                  </form>
                )}
              </li>
            ))}
          </ul>
        )}
        {coordinator && <AddInstructorForm sectionId={section.id} action={addInstructorAction} />}
      </section>

      {coordinator && (
        <section aria-labelledby="edit-heading" className="card">
          <h2 id="edit-heading">Name and term</h2>
          <SectionForm
            action={updateSectionAction}
            zones={timeZones()}
            submitLabel="Save section"
            current={{ sectionId: section.id, name: section.name, timeZone: section.timeZone, termStart: dayIn(section.termStart, section.timeZone), termEnd: dayIn(section.termEnd, section.timeZone) }}
          />
        </section>
      )}
    </div>
  );
}
