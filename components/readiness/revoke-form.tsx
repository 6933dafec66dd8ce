"use client";
import { useActionState } from "react";
import { Field, FormAlert } from "@/components/forms/field";
import type { FormState } from "@/lib/forms";

export function RevokeForm({ code, holder, action }: { code: string; holder: string; action: (prev: FormState, form: FormData) => Promise<FormState> }) {
  const [state, formAction, pending] = useActionState(action, { ok: false });
  return (
    <form action={formAction} className="inline-form">
      <FormAlert message={state.ok ? null : state.message} />
      {state.ok && <p className="alert alert--success">{state.message}</p>}
      <input type="hidden" name="code" value={code} />
      <Field name="reason" id={`reason-${code}`} label={`Reason for revoking ${holder}'s certificate`} error={state.fieldErrors?.reason} required />
      <button type="submit" className="button button--small" disabled={pending}>
        Revoke
      </button>
    </form>
  );
}
