"use client";
import { useActionState } from "react";
import { FormFeedback } from "@/components/forms/form-feedback";
import { TimeZoneOptions } from "@/components/forms/time-zone-options";
import type { FormState } from "@/lib/forms";

type Props = { current: string; sectionZone: string | null; zones: string[]; action: (prev: FormState, form: FormData) => Promise<FormState> };

/** Where the person is: due dates are shown in their section's zone and, if different, in this one. */
export function TimeZoneForm({ current, sectionZone, zones, action }: Props) {
  const [state, formAction, pending] = useActionState(action, { ok: false });
  const error = state.fieldErrors?.timeZone;
  return (
    <form action={formAction} className="inline-form" noValidate data-testid="time-zone-form">
      <FormFeedback state={state} />
      <div className={error ? "field field--error" : "field"}>
        <label htmlFor="own-time-zone">Your time zone</label>
        <p id="own-time-zone-hint" className="field__hint">
          Due dates are set in your section&apos;s time zone{sectionZone ? ` (${sectionZone})` : ""}; pick yours to see them in your own time as well.
        </p>
        {error && (
          <p id="own-time-zone-error" className="field__error">
            {error}
          </p>
        )}
        <select id="own-time-zone" name="timeZone" defaultValue={state.values?.timeZone ?? current} aria-invalid={error ? true : undefined} aria-describedby={error ? "own-time-zone-hint own-time-zone-error" : "own-time-zone-hint"}>
          <option value="">Same as my section</option>
          <TimeZoneOptions zones={zones} />
        </select>
      </div>
      <button type="submit" className="button button--small" disabled={pending}>
        Save time zone
      </button>
    </form>
  );
}
