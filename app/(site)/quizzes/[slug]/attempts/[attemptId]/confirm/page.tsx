import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { requireUser } from "@/lib/auth/session";
import { getAttemptForTaking } from "@/lib/quiz/attempts";
import { isAnswered } from "@/lib/quiz/form";
import { submitAttemptAction } from "../../../actions";

export const metadata: Metadata = { title: "Submit your answers" };

type Props = { params: Promise<{ slug: string; attemptId: string }> };

export default async function ConfirmPage({ params }: Props) {
  const { slug, attemptId } = await params;
  const user = await requireUser(`/quizzes/${slug}`);
  const view = await getAttemptForTaking(user, attemptId);
  if (!view.ok || view.attempt.quiz.slug !== slug) notFound();
  if (view.attempt.status !== "in_progress") redirect(`/quizzes/${slug}/attempts/${attemptId}`);
  const unanswered = view.questions.map((q, i) => ({ ...q, number: i + 1 })).filter((q) => !isAnswered(view.responses[q.id]));
  return (
    <div className="narrow">
      <p className="breadcrumb">
        <Link href={`/quizzes/${slug}/attempts/${attemptId}`}>Back to the questions</Link>
      </p>
      <h1>Submit your answers?</h1>
      <p>
        You answered {view.questions.length - unanswered.length} of {view.questions.length} questions. Once submitted, this attempt is graded and cannot be changed.
      </p>
      {unanswered.length > 0 ? (
        <div className="alert alert--error" data-testid="unanswered">
          <h2>Unanswered questions</h2>
          <ul>
            {unanswered.map((q) => (
              <li key={q.id}>
                <Link href={`/quizzes/${slug}/attempts/${attemptId}#q-${q.number}`}>
                  Question {q.number}: {q.prompt}
                </Link>
              </li>
            ))}
          </ul>
        </div>
      ) : (
        <p className="alert alert--success">Every question has an answer.</p>
      )}
      <form action={submitAttemptAction} className="actions">
        <input type="hidden" name="slug" value={slug} />
        <input type="hidden" name="attemptId" value={attemptId} />
        <button type="submit" className="button">
          Submit for grading
        </button>
        <Link href={`/quizzes/${slug}/attempts/${attemptId}`} className="button button--quiet">
          Keep working
        </Link>
      </form>
    </div>
  );
}
