"use client";
import { useActionState } from "react";
import { Field } from "@/components/forms/field";
import { FormFeedback } from "@/components/forms/form-feedback";
import type { FormState } from "@/lib/forms";

type Props = {
  sectionId: string;
  assignment: { id: string; title: string; dueOn: string; anonymous: boolean };
  action: (prev: FormState, form: FormData) => Promise<FormState>;
};

/** One assignment's due date and anonymous grading in a section. */
export function SectionAssignmentForm({ sectionId, assignment, action }: Props) {
  const [state, formAction, pending] = useActionState(action, { ok: false });
  const ids = (name: string) => `${assignment.id}-${name}`;
  return (
    <form action={formAction} className="card form" noValidate aria-labelledby={ids("title")} data-testid={`assignment-${assignment.id}`}>
      <h3 id={ids("title")}>{assignment.title}</h3>
      <FormFeedback state={state} />
      <input type="hidden" name="sectionId" value={sectionId} />
      <input type="hidden" name="assignmentId" value={assignment.id} />
      <Field name="dueOn" id={ids("dueOn")} label={`Due on (${assignment.title})`} type="date" hint="Due at the end of that day in the section's time zone." defaultValue={state.values?.dueOn ?? assignment.dueOn} error={state.fieldErrors?.dueOn} />
      <div className="check">
        <input type="checkbox" id={ids("anonymous")} name="anonymous" value="on" defaultChecked={assignment.anonymous} />
        <label htmlFor={ids("anonymous")}>Grade anonymously ({assignment.title})</label>
      </div>
      <button type="submit" className="button button--small" disabled={pending}>
        Save
      </button>
    </form>
  );
}
