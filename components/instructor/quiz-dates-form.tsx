"use client";
import { useActionState } from "react";
import { Field } from "@/components/forms/field";
import { FormFeedback } from "@/components/forms/form-feedback";
import type { FormState } from "@/lib/forms";

type Props = {
  sectionId: string;
  quiz: { id: string; title: string; opensOn: string; dueOn: string; latePolicy: string };
  action: (prev: FormState, form: FormData) => Promise<FormState>;
};

/** One quiz's dates in a section; both dates empty removes them. */
export function QuizDatesForm({ sectionId, quiz, action }: Props) {
  const [state, formAction, pending] = useActionState(action, { ok: false });
  const values = state.values ?? quiz;
  const ids = (name: string) => `${quiz.id}-${name}`;
  return (
    <form action={formAction} className="card form" noValidate aria-labelledby={ids("title")} data-testid={`dates-${quiz.id}`}>
      <h3 id={ids("title")}>{quiz.title}</h3>
      <FormFeedback state={state} />
      <input type="hidden" name="sectionId" value={sectionId} />
      <input type="hidden" name="quizId" value={quiz.id} />
      <Field name="opensOn" id={ids("opensOn")} label={`Opens on (${quiz.title})`} type="date" defaultValue={values.opensOn} error={state.fieldErrors?.opensOn} />
      <Field name="dueOn" id={ids("dueOn")} label={`Due on (${quiz.title})`} type="date" hint="Due at the end of that day in the section's time zone." defaultValue={values.dueOn} error={state.fieldErrors?.dueOn} />
      <div className="field">
        <label htmlFor={ids("latePolicy")}>Late work ({quiz.title})</label>
        <select id={ids("latePolicy")} name="latePolicy" defaultValue={values.latePolicy}>
          <option value="accept_late">Accept late work, marked late</option>
          <option value="close">Close the quiz at the due date</option>
        </select>
      </div>
      <button type="submit" className="button button--small" disabled={pending}>
        Save dates
      </button>
    </form>
  );
}
