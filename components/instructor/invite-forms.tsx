"use client";
import { useActionState } from "react";
import { Field } from "@/components/forms/field";
import { FormFeedback } from "@/components/forms/form-feedback";
import type { FormState } from "@/lib/forms";
import { MAX_LIST_BYTES } from "@/lib/sections/invite-list";

type Action = (prev: FormState, form: FormData) => Promise<FormState>;

/** One student by name and email; the form empties after a sent invitation. */
export function InviteOneForm({ sectionId, action }: { sectionId: string; action: Action }) {
  const [state, formAction, pending] = useActionState(action, { ok: false });
  const values = state.ok ? undefined : state.values;
  return (
    <form action={formAction} className="inline-form" noValidate data-testid="invite-one" key={state.ok ? state.message : "form"}>
      <FormFeedback state={state} />
      <input type="hidden" name="sectionId" value={sectionId} />
      <Field name="name" id="invite-name" label="Student's name" autoComplete="off" required defaultValue={values?.name} error={state.fieldErrors?.name} />
      <Field name="email" id="invite-email" label="Student's email" type="email" autoComplete="off" required defaultValue={values?.email} error={state.fieldErrors?.email} />
      <button type="submit" className="button button--small" disabled={pending}>
        Send invitation
      </button>
    </form>
  );
}

/** A class list: a CSV file, or lines pasted from a spreadsheet. */
export function InviteListForm({ sectionId, action }: { sectionId: string; action: Action }) {
  const [state, formAction, pending] = useActionState(async (prev: FormState, form: FormData) => {
    // Checked here too, so a large file is refused with a message before it is sent.
    const file = form.get("file");
    if (file instanceof File && file.size > MAX_LIST_BYTES) {
      const message = `The file is larger than ${MAX_LIST_BYTES / 1000} KB. Split the list.`;
      return { ok: false, message, fieldErrors: { file: message } };
    }
    return action(prev, form);
  }, { ok: false });
  const error = state.fieldErrors?.pasted;
  const fileError = state.fieldErrors?.file;
  return (
    <form action={formAction} className="inline-form" noValidate data-testid="invite-list">
      <FormFeedback state={state} />
      <input type="hidden" name="sectionId" value={sectionId} />
      <div className={fileError ? "field field--error" : "field"}>
        <label htmlFor="invite-file">Class list (CSV file)</label>
        <p id="invite-file-hint" className="field__hint">
          One student per line: name and email, with or without a header line. At most 500 at a time.
        </p>
        {fileError && (
          <p id="invite-file-error" className="field__error">
            {fileError}
          </p>
        )}
        <input
          id="invite-file"
          name="file"
          type="file"
          accept=".csv,.txt,text/csv,text/plain"
          aria-invalid={fileError ? true : undefined}
          aria-describedby={fileError ? "invite-file-hint invite-file-error" : "invite-file-hint"}
        />
      </div>
      <div className={error ? "field field--error" : "field"}>
        <label htmlFor="invite-pasted">Or paste the list</label>
        {error && (
          <p id="invite-pasted-error" className="field__error">
            {error}
          </p>
        )}
        <textarea id="invite-pasted" name="pasted" rows={5} defaultValue={state.ok ? "" : state.values?.pasted} aria-invalid={error ? true : undefined} aria-describedby={error ? "invite-pasted-error" : undefined} placeholder={"Ana Ruiz, ana@example.edu"} />
      </div>
      <button type="submit" className="button button--small" disabled={pending}>
        Invite everyone on the list
      </button>
    </form>
  );
}
