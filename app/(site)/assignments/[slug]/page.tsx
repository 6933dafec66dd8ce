import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { AssignmentEditor } from "@/components/assignments/editor";
import { RubricView } from "@/components/assignments/rubric";
import { requireUser } from "@/lib/auth/session";
import { renderMarkdown } from "@/lib/content/markdown";
import { assignmentParamsSchema } from "@/lib/assignments/schemas";
import { getOwnAssignment, resubmission } from "@/lib/assignments/student";
import { countWords } from "@/lib/assignments/words";
import { problemMessage } from "@/lib/assignments/problems";
import { formatForPerson } from "@/lib/sections/dates";
import { saveDraftAction, startNewVersionAction } from "./actions";

export const metadata: Metadata = { title: "Written assignment" };

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<{ submitted?: string; refused?: string }> };

export default async function AssignmentPage({ params, searchParams }: Props) {
  const { slug } = await params;
  const user = await requireUser(`/assignments/${slug}`);
  const parsed = assignmentParamsSchema.safeParse({ slug });
  if (!parsed.success) notFound();
  if (user.role !== "student") return <StaffPreview />;
  const view = await getOwnAssignment(user, parsed.data.slug);
  if (!view) notFound();
  const { assignment, tries, due, open } = view;
  const { submitted, refused } = await searchParams;
  const draft = tries.at(-1)?.status === "draft" ? tries.at(-1)! : null;
  const turnedIn = tries.filter((t) => t.status === "submitted").reverse();
  const policy = resubmission(view);
  return (
    <article className="assignment" aria-labelledby="assignment-title">
      <p className="breadcrumb">
        <Link href="/course">Course outline</Link> <span aria-hidden="true">›</span> Written assignment
      </p>
      <h1 id="assignment-title">{assignment.title}</h1>
      <p className="lesson__meta">
        {assignment.minWords}–{assignment.maxWords} words · {assignment.maxSubmissions === 1 ? "one submission" : `up to ${assignment.maxSubmissions} submissions`}
        {due.dueAt && (
          <>
            {" "}· Due <time dateTime={due.dueAt.toISOString()}>{formatForPerson(due.dueAt, due.timeZone, user.timeZone)}</time>
          </>
        )}
      </p>
      {submitted && (
        <p className="alert alert--success" role="status" data-testid="submitted">
          Submitted. Your instructor grades it with the rubric below; you will see the grade here once it is released.
        </p>
      )}
      {refused && (
        <p className="alert alert--error" role="alert">
          {problemMessage(refused)}
        </p>
      )}
      <section aria-labelledby="task-heading">
        <h2 id="task-heading">The task</h2>
        <div className="prose" dangerouslySetInnerHTML={{ __html: renderMarkdown(assignment.prompt, `${assignment.contentHash}:prompt`) }} />
        <h3>How to go about it</h3>
        <div className="prose" dangerouslySetInnerHTML={{ __html: renderMarkdown(assignment.instructions, `${assignment.contentHash}:instructions`) }} />
      </section>
      {!open && tries.length === 0 ? (
        <section className="card" aria-labelledby="locked-heading">
          <h2 id="locked-heading">Opens after “{assignment.afterLesson.title}”</h2>
          <p>
            Complete <Link href={`/lessons/${assignment.afterLesson.slug}`}>{assignment.afterLesson.title}</Link> first: this assignment draws on it.
          </p>
        </section>
      ) : draft && policy.draftClosed ? (
        <section className="card" aria-labelledby="closed-heading">
          <h2 id="closed-heading">Version {draft.tryNumber} cannot be handed in</h2>
          <p>Your instructor released the grade for an earlier version, and a released grade is final. Your draft is kept below.</p>
          <div className="submission-text" role="region" aria-label={`Your draft of version ${draft.tryNumber}`} tabIndex={0}>
            {draft.text}
          </div>
        </section>
      ) : draft ? (
        <section className="card" aria-labelledby="editor-heading">
          <h2 id="editor-heading">{draft.tryNumber === 1 ? "Your draft" : `Your version ${draft.tryNumber}`}</h2>
          <p>Your draft saves itself as you type. Nobody sees it until you submit.</p>
          <AssignmentEditor slug={assignment.slug} initialText={draft.text} initialVersion={draft.draftVersion} limits={assignment} action={saveDraftAction} />
        </section>
      ) : tries.length === 0 ? (
        <section className="card" aria-labelledby="editor-heading">
          <h2 id="editor-heading">Your draft</h2>
          <p>Your draft saves itself as you type. Nobody sees it until you submit.</p>
          <AssignmentEditor slug={assignment.slug} initialText="" initialVersion={0} limits={assignment} action={saveDraftAction} />
        </section>
      ) : (
        <section className="card" aria-labelledby="next-heading">
          <h2 id="next-heading">Submitted</h2>
          <p>
            You have submitted {policy.used} of {policy.allowed} {policy.allowed === 1 ? "time" : "times allowed"}.
          </p>
          {policy.canStartNew && (
            <form action={startNewVersionAction}>
              <input type="hidden" name="slug" value={assignment.slug} />
              <p>You may revise and submit again; your instructor then grades the new version.</p>
              <button type="submit" className="button">
                Start version {tries.length + 1}
              </button>
            </form>
          )}
        </section>
      )}
      {turnedIn.map((t) => (
        <section key={t.id} className="card" aria-labelledby={`try-${t.tryNumber}`} data-testid={`try-${t.tryNumber}`}>
          <h2 id={`try-${t.tryNumber}`}>
            Version {t.tryNumber}
            {t.grade ? `: ${t.grade.points} of ${t.grade.possible} points (${t.grade.percent}%)` : ""}
          </h2>
          <p className="lesson__meta">
            Submitted <time dateTime={t.submittedAt!.toISOString()}>{formatForPerson(t.submittedAt!, due.timeZone, user.timeZone)}</time>
            {t.late && <strong className="due due--overdue"> · late</strong>} · {countWords(t.text)} words
          </p>
          {t.grade ? (
            <>
              {t.grade.overallComment && (
                <p className="rubric__comment" data-testid="overall-comment">
                  <strong>{t.grade.gradedByName ? `${t.grade.gradedByName}’s comment` : "Instructor’s comment"}:</strong> {t.grade.overallComment}
                </p>
              )}
              <RubricView rubric={assignment.rubric} graded={t.grade} />
            </>
          ) : (
            <p>Waiting for your instructor’s grade.</p>
          )}
          <details>
            <summary>What you submitted</summary>
            <div className="submission-text" role="region" aria-label={`What you submitted in version ${t.tryNumber}`} tabIndex={0}>
              {t.text}
            </div>
          </details>
        </section>
      ))}
      {turnedIn.length === 0 && (
        <section aria-labelledby="rubric-heading">
          <h2 id="rubric-heading">How it is graded</h2>
          <RubricView rubric={assignment.rubric} />
        </section>
      )}
    </article>
  );
}

function StaffPreview() {
  return (
    <div className="narrow">
      <h1>Written assignment</h1>
      <p>
        Students write and submit here. Grade their work from the <Link href="/instructor/assignments">grading queue</Link>.
      </p>
    </div>
  );
}
