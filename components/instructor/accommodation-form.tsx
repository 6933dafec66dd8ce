"use client";
import { useActionState } from "react";
import { Field, FormAlert } from "@/components/forms/field";
import type { FormState } from "@/lib/forms";

type Props = { studentId: string; current: { timeMultiplier: number; extraAttempts: number }; action: (prev: FormState, form: FormData) => Promise<FormState> };

export function AccommodationForm({ studentId, current, action }: Props) {
  const [state, formAction, pending] = useActionState(action, { ok: false });
  return (
    <form action={formAction} className="form inline-form" noValidate>
      <FormAlert message={state.ok ? null : state.message} />
      {state.ok && (
        <p className="alert alert--success" role="status">
          {state.message}
        </p>
      )}
      <input type="hidden" name="studentId" value={studentId} />
      <Field name="timeMultiplier" label="Time multiplier for timed quizzes" hint="1 is the standard time; 1.5 gives 50% more." type="number" defaultValue={state.values?.timeMultiplier ?? String(current.timeMultiplier)} error={state.fieldErrors?.timeMultiplier} />
      <Field name="extraAttempts" label="Extra attempts per quiz" type="number" defaultValue={state.values?.extraAttempts ?? String(current.extraAttempts)} error={state.fieldErrors?.extraAttempts} />
      <button type="submit" className="button" disabled={pending}>
        Save accommodation
      </button>
    </form>
  );
}
