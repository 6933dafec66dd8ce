"use client";
// A form that is one button and the ids it acts on (resend scores, sync a roster), with the
// server's answer announced where the button is.
import { useActionState } from "react";
import { FormFeedback } from "@/components/forms/form-feedback";
import type { FormState } from "@/lib/forms";

type Props = { fields: Record<string, string>; label: string; pendingLabel: string; action: (prev: FormState, form: FormData) => Promise<FormState>; testId?: string };

export function OneButtonForm({ fields, label, pendingLabel, action, testId }: Props) {
  const [state, formAction, pending] = useActionState(action, { ok: false });
  return (
    <form action={formAction} className="inline-form" data-testid={testId} noValidate>
      <FormFeedback state={state} />
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <button type="submit" className="button button--small" disabled={pending}>
        {pending ? pendingLabel : label}
      </button>
    </form>
  );
}
