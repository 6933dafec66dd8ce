import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { InstructorNav } from "@/components/instructor/nav";
import { ReviewList } from "@/components/quiz/review-list";
import { Checklist } from "@/components/readiness/checklist";
import { PastRuns } from "@/components/readiness/past-runs";
import { getPastRuns } from "@/lib/progress/past-runs";
import { requireStaff } from "@/lib/auth/session";
import { MoveStudentForm } from "@/components/instructor/move-student-form";
import { getStudentDetail } from "@/lib/roster/student-detail";
import { studentWrittenWork } from "@/lib/assignments/grading";
import { sectionsInScope } from "@/lib/sections/scope";
import { ExtensionForm } from "@/components/instructor/extension-form";
import { formatInZone } from "@/lib/sections/dates";
import { getCourse, getStructure } from "@/lib/course/structure";
import { extensionText } from "@/lib/sections/schedule";
import { LmsGrades } from "@/components/instructor/lms-grades";
import { scoreSyncOf } from "@/lib/lti/score-sync";
import { grantExtensionAction, moveStudentAction, resendScoresAction } from "./actions";

export const metadata: Metadata = { title: "Student" };

function duration(seconds: number | null) {
  if (seconds === null) return "not submitted";
  const m = Math.floor(seconds / 60);
  return m ? `${m} min ${seconds % 60} s` : `${seconds} s`;
}

export default async function StudentPage({ params }: { params: Promise<{ id: string }> }) {
  const viewer = await requireStaff("/instructor");
  const detail = await getStudentDetail(viewer, (await params).id);
  if (!detail) notFound();
  const { student, readiness, attempts, timeline, accommodation, retakeNotes, sections, extensions } = detail;
  const current = sections.find((s) => !s.endedAt) ?? null;
  const movable = await sectionsInScope(viewer);
  const allQuizzes = (await getStructure((await getCourse()).id)).quizzes.map((q) => ({ id: q.id, title: q.title }));
  const zone = movable.find((s) => s.id === current?.id)?.timeZone ?? "UTC";
  // Earlier terms, only for a student who started the course again.
  const pastRuns = sections.some((s) => s.pastRun > 0) ? await getPastRuns(viewer, student.id) : null;
  const [lmsScores, written] = await Promise.all([scoreSyncOf(viewer, student.id), studentWrittenWork(viewer, student.id)]);
  return (
    <div className="student-detail">
      <p className="breadcrumb">
        <Link href="/instructor">Roster</Link>
      </p>
      <h1>{student.name}</h1>
      <InstructorNav current="roster" />
      <p>
        {student.email} · joined {student.createdAt.toISOString().slice(0, 10)} · last active {student.lastActiveAt ? student.lastActiveAt.toISOString().slice(0, 10) : "never"}
      </p>

      <section aria-labelledby="section-heading" className="card">
        <h2 id="section-heading">Section</h2>
        <p data-testid="student-section">{current ? current.name : "Not in a section"}</p>
        {sections.some((s) => s.endedAt) && (
          <ul>
            {sections
              .filter((s) => s.endedAt)
              .map((s) => (
                <li key={`${s.id}-${s.startedAt.toISOString()}`}>
                  {s.name}: {s.startedAt.toISOString().slice(0, 10)} to {s.endedAt!.toISOString().slice(0, 10)} ({s.endReason}{s.pastRun > 0 ? ", an earlier term" : ""})
                </li>
              ))}
          </ul>
        )}
        <MoveStudentForm studentId={student.id} currentSectionId={current?.id ?? null} sections={movable} action={moveStudentAction} />
      </section>

      <section aria-labelledby="readiness-heading">
        <h2 id="readiness-heading">Readiness checklist {readiness.reachedAt ? "(ready)" : ""}</h2>
        <Checklist requirements={readiness.requirements} />
      </section>

      {pastRuns && <PastRuns runs={pastRuns} whose="their" />}

      <LmsGrades studentId={student.id} scores={lmsScores} action={resendScoresAction} />

      <section aria-labelledby="extension-heading" className="card">
        <h2 id="extension-heading">Extensions and accommodations</h2>
        <p>
          For one quiz: a later due date (it replaces the section&apos;s date for this student), extra attempts and extra time. For every quiz: extra attempts
          and time as a standing accommodation. Each change is recorded in the audit log; an extension is mailed to the student.
        </p>
        <ul data-testid="extensions">
          <li>
            Every quiz: {accommodation.extraAttempts === 0 && accommodation.timeMultiplier === 1 ? "no accommodation" : extensionText({ dueText: null, ...accommodation })}
          </li>
          {extensions.map((x) => (
            <li key={x.quizId}>
              {x.quiz.title}: {extensionText({ dueText: x.dueAt && formatInZone(x.dueAt, zone), extraAttempts: x.extraAttempts, timeMultiplier: x.timeMultiplier })}
            </li>
          ))}
        </ul>
        {retakeNotes.length > 0 && (
          <div className="alert" data-testid="retake-notes">
            <p>
              <strong>Before granting extra attempts:</strong> {student.name} has used every attempt at these without passing.
            </p>
            <ul>
              {retakeNotes.map((note) => (
                <li key={note.quizTitle}>{note.text}</li>
              ))}
            </ul>
          </div>
        )}
        <ExtensionForm studentId={student.id} quizzes={allQuizzes} standing={accommodation} action={grantExtensionAction} />
      </section>

      <section aria-labelledby="timeline-heading">
        <h2 id="timeline-heading">Timeline</h2>
        {timeline.length === 0 ? (
          <p>No activity yet.</p>
        ) : (
          <ol className="timeline">
            {timeline.map((t, i) => (
              <li key={i}>
                <time dateTime={t.at.toISOString()}>{t.at.toISOString().replace("T", " ").slice(0, 16)}</time> {t.text}
              </li>
            ))}
          </ol>
        )}
      </section>

      <section aria-labelledby="written-heading">
        <h2 id="written-heading">Written work ({written.length})</h2>
        {written.length === 0 ? (
          <p>Nothing submitted yet.</p>
        ) : (
          <ul>
            {written.map((w) => (
              <li key={`${w.title}-${w.tryNumber}`} data-testid="written-work">
                {w.id ? <Link href={`/instructor/assignments/${w.id}`}>{w.title}, version {w.tryNumber}</Link> : `${w.title}, version ${w.tryNumber}`}: {w.state}
                {w.late ? " · late" : ""}
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="attempts-heading">
        <h2 id="attempts-heading">Quiz attempts ({attempts.length})</h2>
        {attempts.map((a) => (
          <details key={a.id} className="attempt-detail" data-testid="attempt-detail">
            <summary>
              {a.quiz.title}, attempt {a.attemptNumber}: {a.status === "graded" ? `${a.percent}% (${a.passed ? "passed" : "not passed"})` : "in progress"}
              {a.late ? " · late" : ""} · time taken {duration(a.seconds)}
              {a.deadlineAt ? ` · deadline ${a.deadlineAt.toISOString().replace("T", " ").slice(0, 16)} UTC` : ""}
            </summary>
            <ReviewList questions={a.questions} />
          </details>
        ))}
      </section>
    </div>
  );
}
