"use client";
import { useActionState } from "react";
import { Field } from "@/components/forms/field";
import { FocusedFormAlert } from "@/components/forms/focused-alert";
import type { FormState } from "@/lib/forms";
import { DELETE_CONFIRMATION } from "@/lib/privacy/schemas";

type Props = { action: (prev: FormState, form: FormData) => Promise<FormState> };

export function DeleteAccountForm({ action }: Props) {
  const [state, formAction, pending] = useActionState(action, { ok: false });

  return (
    <form action={formAction} noValidate className="form">
      <FocusedFormAlert state={state} />
      <Field
        name="password"
        label="Your password"
        hint="If you only ever open Casebook from your college's LMS, you have no Casebook password: leave this empty."
        type="password"
        autoComplete="current-password"
        error={state.fieldErrors?.password}
      />
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
