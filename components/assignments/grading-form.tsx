"use client";
import { useActionState, useState } from "react";
import type { Rubric } from "@/lib/assignments/rubric";
import { maxPointsOf } from "@/lib/assignments/rubric";
import { MAX_COMMENT_CHARS } from "@/lib/assignments/schemas";
import type { FormState } from "@/lib/forms";
import { FocusedFormAlert } from "@/components/forms/focused-alert";

type Props = {
  submissionId: string;
  version: number;
  rubric: Rubric;
  initial: { levels: Record<string, string>; comments: Record<string, string>; overallComment: string };
  action: (previous: unknown, form: FormData) => Promise<FormState>;
};

/**
 * The rubric as a form: one group of radio buttons per criterion (arrow keys move between
 * levels, Tab to the next criterion), a comment per criterion and overall, and a running
 * total. Controlled, so a refused save (a conflict with another grader) keeps every pick.
 */
export function GradingForm({ submissionId, version, rubric, initial, action }: Props) {
  const [state, formAction, pending] = useActionState(action, { ok: true } as FormState);
  const [levels, setLevels] = useState(initial.levels);
  const [comments, setComments] = useState(initial.comments);
  const [overall, setOverall] = useState(initial.overallComment);
  const loaded = Math.max(version, Number(state.values?.version ?? 0));
  const total = rubric.reduce((sum, c) => sum + (c.levels.find((l) => l.id === levels[c.id])?.points ?? 0), 0);
  const picked = rubric.filter((c) => levels[c.id]).length;
  return (
    <form action={formAction} className="grading-form">
      <FocusedFormAlert state={state} message={state.ok ? null : state.message} />
      {state.ok && state.message && (
        <p className="alert alert--success" role="status" data-testid="grade-saved">
          {state.message}
        </p>
      )}
      <input type="hidden" name="submissionId" value={submissionId} />
      <input type="hidden" name="version" value={loaded} />
      {rubric.map((criterion) => {
        const error = state.fieldErrors?.[`level.${criterion.id}`];
        return (
          <fieldset key={criterion.id} className={error ? "rubric__criterion field--error" : "rubric__criterion"} aria-describedby={error ? `error-${criterion.id}` : undefined}>
            <legend>
              {criterion.title} <span className="rubric__points">(up to {criterion.levels[0].points} points)</span>
            </legend>
            <p className="field__hint">{criterion.description}</p>
            {error && (
              <p id={`error-${criterion.id}`} className="field__error">
                <span aria-hidden="true">⚠ </span>
                {error}
              </p>
            )}
            {criterion.levels.map((level) => (
              <div key={level.id} className="rubric__option">
                <div className="check">
                <input
                  type="radio"
                  id={`level-${criterion.id}-${level.id}`}
                  name={`level.${criterion.id}`}
                  value={level.id}
                  checked={levels[criterion.id] === level.id}
                  onChange={() => setLevels((prev) => ({ ...prev, [criterion.id]: level.id }))}
                  aria-describedby={[error && `error-${criterion.id}`, `level-${criterion.id}-${level.id}-desc`].filter(Boolean).join(" ")}
                />
                <label htmlFor={`level-${criterion.id}-${level.id}`}>
                  <strong>
                    {level.title} ({level.points})
                  </strong>
                </label>
                </div>
                <p id={`level-${criterion.id}-${level.id}-desc`} className="field__hint">
                  {level.description}
                </p>
              </div>
            ))}
            <div className="field">
              <label htmlFor={`comment-${criterion.id}`}>Comment on “{criterion.title}” (optional)</label>
              <textarea
                id={`comment-${criterion.id}`}
                name={`comment.${criterion.id}`}
                rows={2}
                maxLength={MAX_COMMENT_CHARS}
                value={comments[criterion.id] ?? ""}
                onChange={(e) => setComments((prev) => ({ ...prev, [criterion.id]: e.target.value }))}
              />
            </div>
          </fieldset>
        );
      })}
      <div className="field">
        <label htmlFor="overall-comment">Overall comment (optional)</label>
        <textarea id="overall-comment" name="overallComment" rows={4} maxLength={MAX_COMMENT_CHARS} value={overall} onChange={(e) => setOverall(e.target.value)} />
      </div>
      <p id="running-total" className="running-total" data-testid="running-total" aria-live="polite">
        {total} of {maxPointsOf(rubric)} points · {picked} of {rubric.length} criteria graded
      </p>
      <button type="submit" className="button" disabled={pending}>
        {pending ? "Saving…" : "Save grade"}
      </button>
    </form>
  );
}
