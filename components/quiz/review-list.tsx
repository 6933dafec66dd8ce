import Link from "next/link";
import { describeResponse as describe, type Payload } from "@/lib/quiz/describe";
import type { ReviewedQuestion } from "@/lib/quiz/review";

function verdict(q: ReviewedQuestion) {
  if (q.correct) return { label: "Correct", className: "verdict--right", icon: "✓" };
  if (q.fraction > 0) return { label: `Partly correct (${Math.round(q.fraction * 100)}%)`, className: "verdict--partial", icon: "◐" };
  return { label: "Incorrect", className: "verdict--wrong", icon: "✗" };
}

/** Shows what the review carries: keys and explanations are present only when released. */
export function ReviewList({ questions }: { questions: ReviewedQuestion[] }) {
  return (
    <ol className="review">
      {questions.map((q, i) => {
        const v = verdict(q);
        return (
          <li key={q.id} className="review__item" data-testid="review-item" data-correct={q.correct}>
            <h3 className="review__prompt">
              <span className="visually-hidden">Question {i + 1}: </span>
              {q.prompt}
            </h3>
            <p className={`verdict ${v.className}`}>
              <span aria-hidden="true">{v.icon} </span>
              {v.label}
            </p>
            <p>
              <strong>Your answer:</strong> {describe(q.type, q.payload as Payload, q.response)}
            </p>
            {q.key !== undefined && !q.correct && (
              <p data-testid="review-key">
                <strong>Correct answer:</strong> {describe(q.type, q.payload as Payload, q.key)}
              </p>
            )}
            {q.explanation !== undefined && <p className="review__explanation">{q.explanation}</p>}
            {q.lessonHref && <Link href={q.lessonHref}>Review this in the lesson</Link>}
          </li>
        );
      })}
    </ol>
  );
}
