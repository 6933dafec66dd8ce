import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { requireUser } from "@/lib/auth/session";
import { assignmentParamsSchema } from "@/lib/assignments/schemas";
import { getOwnAssignment } from "@/lib/assignments/student";
import { countWords, wordLimitProblem } from "@/lib/assignments/words";
import { problemMessage } from "@/lib/assignments/problems";
import { formatForPerson } from "@/lib/sections/dates";
import { submitDraftAction } from "../actions";

export const metadata: Metadata = { title: "Submit your assignment" };

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<{ refused?: string }> };


/** The review step: the student reads exactly what will be submitted, then confirms. */
export default async function ReviewPage({ params, searchParams }: Props) {
  const { slug } = await params;
  const user = await requireUser(`/assignments/${slug}`);
  const parsed = assignmentParamsSchema.safeParse({ slug });
  if (!parsed.success || user.role !== "student") notFound();
  const view = await getOwnAssignment(user, parsed.data.slug);
  if (!view) notFound();
  const draft = view.tries.at(-1);
  if (!draft || draft.status !== "draft") redirect(`/assignments/${slug}`);
  const { refused } = await searchParams;
  const words = countWords(draft.text);
  const problem = wordLimitProblem(words, view.assignment);
  const late = view.due.dueAt !== null && new Date() > view.due.dueAt;
  return (
    <div className="narrow">
      <p className="breadcrumb">
        <Link href={`/assignments/${slug}#editor`}>Back to editing</Link>
      </p>
      <h1>Submit “{view.assignment.title}”?</h1>
      {refused && (
        <p className="alert alert--error" role="alert">
          {problemMessage(refused)}
        </p>
      )}
      <p>
        {words} words. Once submitted, this version goes to your instructor and cannot be changed
        {view.assignment.maxSubmissions > 1 ? `; you may submit up to ${view.assignment.maxSubmissions} versions in all.` : "."}
      </p>
      {late && view.due.dueAt && (
        <p className="alert alert--error" data-testid="late-warning">
          It was due {formatForPerson(view.due.dueAt, view.due.timeZone, user.timeZone)}: it will be marked late.
        </p>
      )}
      <h2>What you will submit</h2>
      <div className="submission-text card" data-testid="review-text" role="region" aria-label="What you will submit" tabIndex={0}>
        {draft.text}
      </div>
      {problem ? (
        <p className="alert alert--error" data-testid="word-problem">
          {problem} <Link href={`/assignments/${slug}#editor`}>Back to editing</Link>
        </p>
      ) : (
        <form action={submitDraftAction} className="actions">
          <input type="hidden" name="slug" value={slug} />
          <input type="hidden" name="tryNumber" value={draft.tryNumber} />
          <input type="hidden" name="version" value={draft.draftVersion} />
          <button type="submit" className="button">
            Submit for grading
          </button>
          <Link href={`/assignments/${slug}#editor`} className="button button--quiet">
            Keep editing
          </Link>
        </form>
      )}
    </div>
  );
}
