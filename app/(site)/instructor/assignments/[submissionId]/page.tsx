import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { GradingForm } from "@/components/assignments/grading-form";
import { requireStaff } from "@/lib/auth/session";
import { getSubmissionForGrading } from "@/lib/assignments/grading";
import { rowId } from "@/lib/assignments/schemas";
import { countWords } from "@/lib/assignments/words";
import { formatForPerson } from "@/lib/sections/dates";
import { releaseGradesAction, saveGradeAction } from "../actions";

export const metadata: Metadata = { title: "Grade a submission" };

type Props = { params: Promise<{ submissionId: string }>; searchParams: Promise<{ released?: string; refused?: string }> };

/** The submission beside its rubric: read on the left, grade on the right. */
export default async function GradingPage({ params, searchParams }: Props) {
  const { submissionId } = await params;
  const viewer = await requireStaff(`/instructor/assignments/${encodeURIComponent(submissionId)}`);
  const view = rowId.safeParse(submissionId).success ? await getSubmissionForGrading(viewer, submissionId) : null;
  if (!view) notFound();
  const { released, refused } = await searchParams;
  const zone = view.section?.timeZone ?? "UTC";
  const words = countWords(view.text);
  return (
    <div>
      <p className="breadcrumb">
        <Link href="/instructor/assignments">Grading queue</Link> <span aria-hidden="true">›</span> {view.assignment.title}
      </p>
      <h1>
        {view.who}, version {view.tryNumber}
      </h1>
      <p className="lesson__meta">
        {view.anonymous ? "Graded anonymously: the name appears once you release the grade. " : view.studentId && <Link href={`/instructor/students/${view.studentId}`}>Student’s page</Link>}
        {view.section && <> · {view.section.name}</>} · Submitted {formatForPerson(view.submittedAt, zone, viewer.timeZone)}
        {view.late && <strong className="due due--overdue" data-testid="late"> · late{view.dueAt ? ` (due ${formatForPerson(view.dueAt, zone, viewer.timeZone)})` : ""}</strong>}
        {view.otherTries.length > 0 && (
          <>
            {" "}· Other versions:{" "}
            {view.otherTries.map((t) => (
              <Link key={t.id} href={`/instructor/assignments/${t.id}`}>
                version {t.tryNumber}{" "}
              </Link>
            ))}
          </>
        )}
      </p>
      {released && <p className="alert alert--success" role="status">Released: the student sees this grade now.</p>}
      {refused && (
        <p className="alert alert--error" role="alert">
          {refused === "409" ? "Not released: the grade was changed after you opened this page. Look at it again below, then release it." : "That could not be released."}
        </p>
      )}
      <div className="grading">
        <section aria-labelledby="submission-heading" className="grading__text">
          <h2 id="submission-heading">Submission</h2>
          <p className="lesson__meta">
            {words} words (asked for {view.assignment.minWords}–{view.assignment.maxWords})
          </p>
          {/* The student's words as text: React escapes them; nothing typed becomes markup. */}
          <div className="submission-text card" data-testid="submission-text" role="region" aria-label="The student’s submission" tabIndex={0}>
            {view.text}
          </div>
        </section>
        <section aria-labelledby="rubric-heading" className="grading__rubric">
          <h2 id="rubric-heading">Rubric</h2>
          {view.grade && (
            <p className="lesson__meta" data-testid="grade-state">
              {view.grade.percent}% ({view.grade.points} of {view.grade.possible}), saved by {view.grade.gradedByName || "an instructor"} ·{" "}
              {view.grade.releasedAt ? "released to the student" : "held: the student does not see it yet"}
            </p>
          )}
          <GradingForm
            submissionId={view.id}
            version={view.grade?.version ?? 0}
            rubric={view.assignment.rubric}
            initial={{ levels: view.grade?.levels ?? {}, comments: view.grade?.comments ?? {}, overallComment: view.grade?.overallComment ?? "" }}
            action={saveGradeAction}
          />
          {view.grade && !view.grade.releasedAt && (
            <form action={releaseGradesAction} className="actions">
              <input type="hidden" name="submissionId" value={view.id} />
              <input type="hidden" name="version" value={view.grade.version} />
              <button type="submit" className="button button--quiet">
                Release this grade to the student
              </button>
            </form>
          )}
        </section>
      </div>
    </div>
  );
}
