"use client";
import { useActionState } from "react";
import { Field } from "@/components/forms/field";
import { FocusedFormAlert } from "@/components/forms/focused-alert";
import { PASSWORD_MIN_LENGTH } from "@/lib/auth/schemas";
import type { FormState } from "@/lib/forms";

type Action = (prev: FormState, form: FormData) => Promise<FormState>;

export function ForgotPasswordForm({ action }: { action: Action }) {
  const [state, formAction, pending] = useActionState(action, { ok: false });
  if (state.ok)
    return (
      <p className="alert alert--success" role="status" data-testid="reset-requested">
        {state.message}
      </p>
    );
  return (
    <form action={formAction} className="form" noValidate>
      <FocusedFormAlert state={state} />
      <Field name="email" label="Email" type="email" autoComplete="email" required defaultValue={state.values?.email} error={state.fieldErrors?.email} />
      <button type="submit" className="button" disabled={pending}>
        Send me a link
      </button>
    </form>
  );
}

export function ResetPasswordForm({ action, token }: { action: Action; token: string }) {
  const [state, formAction, pending] = useActionState(action, { ok: false });
  return (
    <form action={formAction} className="form" noValidate>
      <FocusedFormAlert state={state} />
      <input type="hidden" name="token" value={token} />
      <Field name="password" label="New password" type="password" autoComplete="new-password" hint={`At least ${PASSWORD_MIN_LENGTH} characters.`} required minLength={PASSWORD_MIN_LENGTH} error={state.fieldErrors?.password} />
      <Field name="confirm" label="New password again" type="password" autoComplete="new-password" required error={state.fieldErrors?.confirm} />
      <button type="submit" className="button" disabled={pending}>
        Save the new password
      </button>
    </form>
  );
}
