import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requireUser } from "@/lib/auth/session";
import { getQuizOverview } from "@/lib/quiz/attempts";
import { isLate } from "@/lib/sections/dates";
import { startAttemptAction } from "./actions";

export const metadata: Metadata = { title: "Quiz" };

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<{ notice?: string }> };

export default async function QuizPage({ params, searchParams }: Props) {
  const { slug } = await params;
  const user = await requireUser(`/quizzes/${slug}`);
  if (!/^[a-z0-9-]{1,80}$/.test(slug)) notFound();
  const overview = await getQuizOverview(user, slug);
  if (!overview) notFound();
  const { quiz, limits, attempts, inProgress, attemptsLeft, bestPercent, passed, locked, closed, availability, dueText, dates } = overview;
  const { notice } = await searchParams;
  const minutes = limits.timeLimitSeconds ? Math.round(limits.timeLimitSeconds / 60) : null;

  return (
    <div className="quiz-intro">
      <p className="breadcrumb">
        <Link href="/course">Course outline</Link>
      </p>
      <h1>{quiz.title}</h1>
      {notice && (
        <p className="alert alert--error" role="alert">
          {notice.slice(0, 300)}
        </p>
      )}
      <ul className="facts">
        <li>{quiz.questionCount} questions{quiz.kind === "final" ? ", drawn at random from the question bank" : ""}</li>
        <li>Pass mark: {quiz.passMark}%. Your highest attempt counts.</li>
        <li>
          Attempts: {attempts.length} of {limits.maxAttempts} used
        </li>
        <li>{minutes ? `Time limit: ${minutes} minutes, shown on screen and enforced when you submit.` : "No time limit."}</li>
        {dueText && (
          <li data-testid="quiz-due">
            {availability.state === "late" ? "Was due" : "Due"}: {dueText}
            {dates?.extendedTo ? " (your extension)" : ""}
            {availability.state === "late" ? ". Late work is still accepted; attempts after the due date are marked late." : dates?.latePolicy === "close" ? ". The quiz closes then." : "."}
          </li>
        )}
        <li>Answers save as you go. Correct answers and explanations appear after you pass or use your last attempt.</li>
      </ul>
      {locked ? (
        <p className="alert alert--error">
          This quiz is locked. {locked} <Link href="/course">Back to the outline</Link>
        </p>
      ) : user.role !== "student" ? (
        <p>Instructors preview quizzes from the instructor pages; attempts are for students.</p>
      ) : passed ? (
        <p className="alert alert--success" data-testid="quiz-passed">
          You passed this quiz{bestPercent !== null ? ` with ${bestPercent}%` : ""}. <Link href="/course">Continue the course</Link>
        </p>
      ) : closed && !inProgress ? (
        <p className="alert alert--error" data-testid="quiz-closed">
          {closed}
        </p>
      ) : inProgress || attemptsLeft > 0 ? (
        <form action={startAttemptAction}>
          <input type="hidden" name="slug" value={quiz.slug} />
          <button type="submit" className="button">
            {inProgress ? "Resume your attempt" : attempts.length ? "Start a new attempt" : "Start the quiz"}
          </button>
        </form>
      ) : (
        <p className="alert alert--error">You have used all your attempts. Ask your instructor if you need another.</p>
      )}
      {attempts.length > 0 && (
        <section aria-labelledby="attempts-heading">
          <h2 id="attempts-heading">Your attempts</h2>
          <table className="table">
            <thead>
              <tr>
                <th scope="col">Attempt</th>
                <th scope="col">Result</th>
                <th scope="col">Submitted</th>
              </tr>
            </thead>
            <tbody>
              {attempts.map((a) => (
                <tr key={a.id}>
                  <td>
                    <Link href={`/quizzes/${quiz.slug}/attempts/${a.id}`}>Attempt {a.attemptNumber}</Link>
                  </td>
                  <td>{a.status === "graded" ? `${a.percent}% · ${a.passed ? "passed" : "not passed"}` : "in progress"}</td>
                  <td>
                    {a.submittedAt ? a.submittedAt.toISOString().replace("T", " ").slice(0, 16) + " UTC" : "—"}
                    {isLate(a.submittedAt, dates) ? " (late)" : ""}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}
    </div>
  );
}
