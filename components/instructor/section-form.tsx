"use client";
import { useActionState } from "react";
import { Field } from "@/components/forms/field";
import { FormFeedback } from "@/components/forms/form-feedback";
import { TimeZoneOptions } from "@/components/forms/time-zone-options";
import type { FormState } from "@/lib/forms";

type Props = {
  action: (prev: FormState, form: FormData) => Promise<FormState>;
  zones: string[];
  /** Editing an existing section: its id and current values (days in its zone). */
  current?: { sectionId: string; name: string; termStart: string; termEnd: string; timeZone: string };
  submitLabel: string;
};

/** Name, term and time zone of a section; the term's days are read in the chosen zone. */
export function SectionForm({ action, zones, current, submitLabel }: Props) {
  const [state, formAction, pending] = useActionState(action, { ok: false });
  const values = state.values ?? current;
  const zoneError = state.fieldErrors?.timeZone;
  return (
    <form action={formAction} className="form" noValidate>
      <FormFeedback state={state} />
      {current && <input type="hidden" name="sectionId" value={current.sectionId} />}
      <Field name="name" id={`${current?.sectionId ?? "new"}-name`} label="Section name" hint="For example: Fall 2026 · Section 1 (Tue/Thu)" required maxLength={100} defaultValue={values?.name} error={state.fieldErrors?.name} />
      <Field name="termStart" id={`${current?.sectionId ?? "new"}-termStart`} label="First day of the term" type="date" required defaultValue={values?.termStart} error={state.fieldErrors?.termStart} />
      <Field name="termEnd" id={`${current?.sectionId ?? "new"}-termEnd`} label="Last day of the term" type="date" required defaultValue={values?.termEnd} error={state.fieldErrors?.termEnd} />
      <div className={zoneError ? "field field--error" : "field"}>
        <label htmlFor={`${current?.sectionId ?? "new"}-timeZone`}>Time zone</label>
        <p id={`${current?.sectionId ?? "new"}-timeZone-hint`} className="field__hint">
          Dates of this section are entered and shown in this zone.
        </p>
        {zoneError && (
          <p id={`${current?.sectionId ?? "new"}-timeZone-error`} className="field__error">
            <span aria-hidden="true">⚠ </span>
            {zoneError}
          </p>
        )}
        <select
          id={`${current?.sectionId ?? "new"}-timeZone`}
          name="timeZone"
          defaultValue={values?.timeZone ?? "UTC"}
          aria-invalid={zoneError ? true : undefined}
          aria-describedby={`${current?.sectionId ?? "new"}-timeZone-hint${zoneError ? ` ${current?.sectionId ?? "new"}-timeZone-error` : ""}`}
        >
          <TimeZoneOptions zones={zones} />
        </select>
      </div>
      <button type="submit" className="button" disabled={pending}>
        {submitLabel}
      </button>
    </form>
  );
}
