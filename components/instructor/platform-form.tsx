"use client";
import { useActionState } from "react";
import { Field } from "@/components/forms/field";
import { FormFeedback } from "@/components/forms/form-feedback";
import type { FormState } from "@/lib/forms";

/** Registers an LMS: the values its LTI 1.3 tool configuration shows the administrator. */
export function PlatformForm({ action }: { action: (prev: FormState, form: FormData) => Promise<FormState> }) {
  const [state, formAction, pending] = useActionState(action, { ok: false });
  const values = state.ok ? undefined : state.values;
  const error = state.fieldErrors?.deploymentIds;
  return (
    <form action={formAction} className="form" noValidate aria-labelledby="register-heading">
      <FormFeedback state={state} />
      <Field name="name" label="Name" hint="For people reading this page, e.g. “Riverside College Canvas”." required maxLength={100} defaultValue={values?.name} error={state.fieldErrors?.name} />
      <Field name="issuer" label="Issuer (iss)" hint="The platform's issuer, e.g. https://canvas.instructure.com." required maxLength={500} defaultValue={values?.issuer} error={state.fieldErrors?.issuer} />
      <Field name="clientId" label="Client id" hint="The id the LMS gave Casebook when the tool was added." required maxLength={255} defaultValue={values?.clientId} error={state.fieldErrors?.clientId} />
      <Field name="authUrl" label="OIDC authorization URL" required maxLength={500} defaultValue={values?.authUrl} error={state.fieldErrors?.authUrl} />
      <Field name="tokenUrl" label="Access token URL" required maxLength={500} defaultValue={values?.tokenUrl} error={state.fieldErrors?.tokenUrl} />
      <Field name="jwksUrl" label="Platform keys (JWKS) URL" required maxLength={500} defaultValue={values?.jwksUrl} error={state.fieldErrors?.jwksUrl} />
      <div className={error ? "field field--error" : "field"}>
        <label htmlFor="field-deploymentIds">Deployment ids</label>
        <p id="field-deploymentIds-hint" className="field__hint">
          One per line. Launches from any other deployment are refused.
        </p>
        {error && (
          <p id="field-deploymentIds-error" className="field__error">
            <span aria-hidden="true">⚠ </span>
            {error}
          </p>
        )}
        <textarea
          id="field-deploymentIds"
          name="deploymentIds"
          rows={3}
          required
          defaultValue={values?.deploymentIds}
          aria-invalid={error ? true : undefined}
          aria-describedby={`field-deploymentIds-hint${error ? " field-deploymentIds-error" : ""}`}
        />
      </div>
      <button type="submit" className="button" disabled={pending}>
        Register the LMS
      </button>
    </form>
  );
}
