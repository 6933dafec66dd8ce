"use client";
import { useActionState } from "react";
import { Field, FormAlert } from "@/components/forms/field";
import type { FormState } from "@/lib/forms";

export function SignOffForm({ studentId, name, action }: { studentId: string; name: string; action: (prev: FormState, form: FormData) => Promise<FormState> }) {
  const [state, formAction, pending] = useActionState(action, { ok: false });
  if (state.ok) return <p className="alert alert--success">{name}: {state.message}</p>;
  return (
    <form action={formAction} className="inline-form">
      <FormAlert message={state.message} />
      <input type="hidden" name="studentId" value={studentId} />
      <Field name="note" id={`note-${studentId}`} label={`Note for signing off ${name}`} error={state.fieldErrors?.note} required />
      <button type="submit" className="button button--small" disabled={pending}>
        Approve
      </button>
    </form>
  );
}
