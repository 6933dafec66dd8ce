import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Autosave } from "@/components/quiz/autosave";
import { Countdown } from "@/components/quiz/countdown";
import { QuestionField } from "@/components/quiz/question-field";
import { ReviewList } from "@/components/quiz/review-list";
import { requireUser } from "@/lib/auth/session";
import { getAttemptForTaking } from "@/lib/quiz/attempts";
import { isAnswered } from "@/lib/quiz/form";
import { problemText } from "@/lib/quiz/problems";
import { getAttemptReview } from "@/lib/quiz/review";
import { getOutline } from "@/lib/progress";
import { saveAndReviewAction, startAttemptAction } from "../../actions";

export const metadata: Metadata = { title: "Quiz attempt" };

type Props = { params: Promise<{ slug: string; attemptId: string }>; searchParams: Promise<{ problem?: string; reason?: string }> };

export default async function AttemptPage({ params, searchParams }: Props) {
  const { slug, attemptId } = await params;
  const user = await requireUser(`/quizzes/${slug}`);
  const review = await getAttemptReview(user, attemptId);
  if (!review.ok || review.quiz.slug !== slug) notFound();
  if (review.graded) return <Result slug={slug} review={review} user={user} />;
  if (review.pastRun)
    return (
      <div className="attempt-result">
        <h1>{review.quiz.title}: attempt {review.summary.attemptNumber}</h1>
        <p data-testid="past-run-attempt">
          This attempt was left unfinished when you started the course again in a new term. It was not graded; your earlier terms are listed on the{" "}
          <Link href="/readiness#past-runs">readiness page</Link>.
        </p>
      </div>
    );

  const view = await getAttemptForTaking(user, attemptId);
  if (!view.ok) notFound();
  const { attempt, questions, responses } = view;
  const { problem, reason } = await searchParams;
  const answered = questions.filter((q) => isAnswered(responses[q.id])).map((q) => q.id);
  const formId = "attempt-form";
  return (
    <div className="attempt">
      <p className="breadcrumb">
        <Link href={`/quizzes/${slug}`}>{attempt.quiz.title}</Link> <span aria-hidden="true">›</span> Attempt {attempt.attemptNumber}
      </p>
      <h1>{attempt.quiz.title}</h1>
      <div className="attempt__status">
        <Autosave formId={formId} saveUrl={`/api/attempts/${attempt.id}/answers`} questions={questions.map(({ id, type, order }) => ({ id, type, order }))} initiallyAnswered={answered} />
        {attempt.deadlineAt && (
          <>
            <p className="attempt__deadline">
              Submit by <time dateTime={attempt.deadlineAt.toISOString()}>{attempt.deadlineAt.toISOString().replace("T", " ").slice(0, 16)} UTC</time>; the server grades what you saved by then.
            </p>
            <Countdown deadline={attempt.deadlineAt.toISOString()} submitUrl={`/api/attempts/${attempt.id}/submit`} returnUrl={`/quizzes/${slug}/attempts/${attempt.id}`} />
          </>
        )}
      </div>
      <form id={formId} action={saveAndReviewAction} className="attempt__form" noValidate>
        <input type="hidden" name="slug" value={slug} />
        <input type="hidden" name="attemptId" value={attempt.id} />
        {questions.map((question, i) => (
          <QuestionField
            key={question.id}
            question={question}
            number={i + 1}
            total={questions.length}
            response={responses[question.id]}
            problem={problem === question.id ? problemText(reason) : undefined}
          />
        ))}
        <div className="attempt__actions">
          <button type="submit" className="button">
            Review and submit
          </button>
          <p className="field__hint">You will see which questions are unanswered before anything is graded.</p>
        </div>
      </form>
    </div>
  );
}

async function Result({ slug, review, user }: { slug: string; review: Extract<Awaited<ReturnType<typeof getAttemptReview>>, { ok: true }>; user: Awaited<ReturnType<typeof requireUser>> }) {
  const { summary, quiz, attemptsLeft, revealKeys, final, questions } = review;
  const outline = await getOutline(user);
  const right = questions.filter((q) => q.correct).length;
  return (
    <div className="attempt-result">
      <p className="breadcrumb">
        <Link href={`/quizzes/${slug}`}>{quiz.title}</Link> <span aria-hidden="true">›</span> Attempt {summary.attemptNumber}
      </p>
      <h1>Your result</h1>
      <section className={`card result ${summary.passed ? "result--pass" : "result--fail"}`} aria-labelledby="result-heading">
        <h2 id="result-heading" data-testid="result-heading">
          {summary.passed ? "Passed" : "Not passed yet"}: {summary.percent}%
        </h2>
        <p>
          {review.pastRun ? "" : `${right} of ${questions.length} questions fully correct; `}the pass mark is {quiz.passMark}%.
          {summary.autoSubmitted ? " Time ran out, so the answers you had saved were graded." : ""}
        </p>
        {review.pastRun ? (
          <p data-testid="past-run-attempt">
            From an earlier term of the course, before you started again. Its questions and your answers stay hidden: this term you take the quiz again, and
            they would show which answers were right.
          </p>
        ) : (
          <p data-testid="attempts-left">
            {attemptsLeft > 0 ? `${attemptsLeft} attempt${attemptsLeft === 1 ? "" : "s"} left.` : "No attempts left."}
          </p>
        )}
        <div className="actions">
          {summary.passed ? (
            outline.next && (
              <Link href={outline.next.href} className="button" data-testid="continue">
                Continue: {outline.next.title}
              </Link>
            )
          ) : attemptsLeft > 0 ? (
            <form action={startAttemptAction}>
              <input type="hidden" name="slug" value={slug} />
              <button type="submit" className="button">
                Try again
              </button>
            </form>
          ) : null}
          <Link href="/course" className="button button--quiet">
            Course outline
          </Link>
        </div>
      </section>
      {!review.pastRun && (
      <section aria-labelledby="review-heading">
        <h2 id="review-heading">Review</h2>
        {!final && !review.pastRun && <p>Correct answers and explanations appear after you pass or use your last attempt. Review the lessons for the questions marked incorrect.</p>}
        {final && !revealKeys && (
          <p data-testid="keys-withheld">
            Correct answers and explanations are not shown for this quiz: if your instructor grants another attempt, it brings these questions back.
            Each question links to the part of the lesson to review.
          </p>
        )}
        <ReviewList questions={questions} />
      </section>
      )}
    </div>
  );
}
