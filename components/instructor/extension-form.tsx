"use client";
import { useActionState } from "react";
import { Field } from "@/components/forms/field";
import { FormFeedback } from "@/components/forms/form-feedback";
import type { FormState } from "@/lib/forms";

type Props = { studentId: string; quizzes: { id: string; title: string }[]; action: (prev: FormState, form: FormData) => Promise<FormState> };

export function ExtensionForm({ studentId, quizzes, action }: Props) {
  const [state, formAction, pending] = useActionState(action, { ok: false });
  return (
    <form action={formAction} className="inline-form" noValidate>
      <FormFeedback state={state} successTestId="extension-granted" />
      <input type="hidden" name="studentId" value={studentId} />
      <div className="field">
        <label htmlFor="extension-quiz">Quiz</label>
        <select id="extension-quiz" name="quizId" defaultValue={state.values?.quizId ?? quizzes[0]?.id}>
          {quizzes.map((q) => (
            <option key={q.id} value={q.id}>
              {q.title}
            </option>
          ))}
        </select>
      </div>
      <Field name="dueOn" id="extension-due" label="New due date" type="date" hint="Due at the end of that day in the student's section time zone." required defaultValue={state.values?.dueOn} error={state.fieldErrors?.dueOn} />
      <button type="submit" className="button button--small" disabled={pending}>
        Grant extension
      </button>
    </form>
  );
}
