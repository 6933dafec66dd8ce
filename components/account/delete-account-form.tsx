"use client";
import { useActionState, useEffect, useRef } from "react";
import { Field, FormAlert } from "@/components/forms/field";
import type { FormState } from "@/lib/forms";
import { DELETE_CONFIRMATION } from "@/lib/privacy/schemas";

type Props = { action: (prev: FormState, form: FormData) => Promise<FormState> };

export function DeleteAccountForm({ action }: Props) {
  const alertRef = useRef<HTMLDivElement>(null);
  const [state, formAction, pending] = useActionState(action, { ok: false });

  useEffect(() => {
    if (state.message) alertRef.current?.focus();
  }, [state]);

  return (
    <form action={formAction} noValidate className="form">
      <div ref={alertRef} tabIndex={-1}>
        <FormAlert message={state.message} />
      </div>
      <Field name="password" label="Your password" type="password" autoComplete="current-password" required error={state.fieldErrors?.password} />
      <Field
        name="confirm"
        label={`Type ${DELETE_CONFIRMATION} to confirm`}
        autoComplete="off"
        required
        defaultValue={state.values?.confirm}
        error={state.fieldErrors?.confirm}
      />
      <button type="submit" className="button button--danger" disabled={pending}>
        {pending ? "Closing your account…" : "Close my account"}
      </button>
    </form>
  );
}
