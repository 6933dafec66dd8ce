"use client";
import { useActionState } from "react";
import { Field } from "@/components/forms/field";
import { FormFeedback } from "@/components/forms/form-feedback";
import type { FormState } from "@/lib/forms";

export function AddInstructorForm({ sectionId, action }: { sectionId: string; action: (prev: FormState, form: FormData) => Promise<FormState> }) {
  const [state, formAction, pending] = useActionState(action, { ok: false });
  return (
    <form action={formAction} className="inline-form" noValidate>
      <FormFeedback state={state} />
      <input type="hidden" name="sectionId" value={sectionId} />
      <Field name="email" id="instructor-email" label="Instructor's email" type="email" autoComplete="off" required defaultValue={state.ok ? "" : state.values?.email} error={state.fieldErrors?.email} />
      <button type="submit" className="button button--small" disabled={pending}>
        Add instructor
      </button>
    </form>
  );
}
