import Link from "next/link";
import type { ReviewedQuestion } from "@/lib/quiz/review";

type Choice = { id: string; text: string };
type Payload = { options?: Choice[]; items?: Choice[]; targets?: Choice[] };

function textOf(list: Choice[] | undefined, id: string | undefined) {
  return list?.find((c) => c.id === id)?.text ?? "—";
}

/** A response (or a key) in words, whatever the question type. */
function describe(type: string, payload: Payload, value: unknown): string {
  if (value === null || value === undefined) return "No answer";
  const v = value as { choice?: string; correct?: string | string[]; choices?: string[]; value?: boolean; answer?: boolean; text?: string; accepted?: string[]; matches?: Record<string, string>; order?: string[] };
  switch (type) {
    case "single":
      return textOf(payload.options, v.choice ?? (v.correct as string));
    case "multiple": {
      const ids = v.choices ?? (v.correct as string[]) ?? [];
      return ids.length ? ids.map((id) => textOf(payload.options, id)).join("; ") : "No answer";
    }
    case "true_false": {
      const b = v.value ?? v.answer;
      return b === undefined ? "No answer" : b ? "True" : "False";
    }
    case "short_text":
      return v.text ?? (v.accepted ? v.accepted[0] : "No answer");
    case "matching":
      return Object.entries(v.matches ?? {}).map(([item, target]) => `${textOf(payload.items, item)} → ${textOf(payload.targets, target)}`).join("; ") || "No answer";
    case "ordering":
      return (v.order ?? []).map((id, i) => `${i + 1}. ${textOf(payload.items, id)}`).join("  ") || "No answer";
    default:
      return "—";
  }
}

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
