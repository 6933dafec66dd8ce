"use client";
import { useActionState } from "react";
import { Field } from "@/components/forms/field";
import { FormFeedback } from "@/components/forms/form-feedback";
import type { FormState } from "@/lib/forms";

type Props = {
  studentId: string;
  quizzes: { id: string; title: string }[];
  /** The standing accommodation (every quiz), shown when "Every quiz" is chosen. */
  standing: { timeMultiplier: number; extraAttempts: number };
  action: (prev: FormState, form: FormData) => Promise<FormState>;
};

/** What an instructor grants one student: for one quiz or every quiz, in one form. */
export function ExtensionForm({ studentId, quizzes, standing, action }: Props) {
  const [state, formAction, pending] = useActionState(action, { ok: false });
  const values = state.values;
  return (
    <form action={formAction} className="form" noValidate data-testid="extension-form">
      <FormFeedback state={state} successTestId="extension-granted" />
      <input type="hidden" name="studentId" value={studentId} />
      <div className="field">
        <label htmlFor="extension-quiz">Quiz</label>
        <select id="extension-quiz" name="quizId" defaultValue={values?.quizId ?? quizzes[0]?.id}>
          {quizzes.map((q) => (
            <option key={q.id} value={q.id}>
              {q.title}
            </option>
          ))}
          <option value="all">Every quiz (a standing accommodation)</option>
        </select>
      </div>
      <p className="field__hint">Fill in only what you grant; an empty field keeps what the student has (listed above).</p>
      <Field name="dueOn" id="extension-due" label="New due date" type="date" hint="One quiz only. Due at the end of that day in the student's section time zone." defaultValue={values?.dueOn} error={state.fieldErrors?.dueOn} />
      <Field name="extraAttempts" id="extension-attempts" label="Extra attempts" type="number" hint={`Added to the quiz's limit, 0 to 10. Every quiz now: ${standing.extraAttempts}.`} defaultValue={values?.extraAttempts} error={state.fieldErrors?.extraAttempts} />
      <Field name="timeMultiplier" id="extension-time" label="Time multiplier for timed quizzes" hint={`1 is the standard time; 1.5 gives 50% more. Every quiz now: ${standing.timeMultiplier}.`} type="number" defaultValue={values?.timeMultiplier} error={state.fieldErrors?.timeMultiplier} />
      <div className="check">
        <input id="extension-remove" type="checkbox" name="remove" />
        <label htmlFor="extension-remove">Remove this quiz&apos;s extension (the section&apos;s dates and limits apply again)</label>
      </div>
      <button type="submit" className="button button--small" disabled={pending}>
        Grant extension
      </button>
    </form>
  );
}
