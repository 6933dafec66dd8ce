"use client";
import { useActionState } from "react";
import { FormAlert } from "@/components/forms/field";
import type { FormState } from "@/lib/forms";
import { RATING_LABELS, ROLE_LABELS, SKILLS, SPECIALIZATIONS } from "@/lib/readiness/skills";

type Props = {
  action: (prev: FormState, form: FormData) => Promise<FormState>;
  initial: { ratings: Record<string, number>; specialization: string } | null;
};

export function SelfAssessmentForm({ action, initial }: Props) {
  const [state, formAction, pending] = useActionState(action, { ok: false });
  const errors = state.fieldErrors ?? {};
  return (
    <form action={formAction} className="form self-assessment" noValidate>
      <FormAlert message={state.message} />
      {(["legal-assistant", "paralegal"] as const).map((role) => (
        <section key={role} aria-labelledby={`${role}-heading`}>
          <h2 id={`${role}-heading`}>{ROLE_LABELS[role]}</h2>
          {SKILLS.filter((s) => s.role === role).map((skill) => (
            <fieldset key={skill.key} className={errors[skill.key] ? "rating rating--error" : "rating"} aria-describedby={errors[skill.key] ? `${skill.key}-error` : undefined}>
              <legend>{skill.label}</legend>
              {errors[skill.key] && (
                <p id={`${skill.key}-error`} className="field__error">
                  {errors[skill.key]}
                </p>
              )}
              <div className="rating__options">
                {[1, 2, 3, 4, 5].map((n) => (
                  <label key={n} className="rating__option">
                    <input type="radio" name={skill.key} value={n} defaultChecked={initial?.ratings[skill.key] === n} />
                    <span>{RATING_LABELS[n]}</span>
                  </label>
                ))}
              </div>
            </fieldset>
          ))}
        </section>
      ))}
      <fieldset className={errors.specialization ? "rating rating--error" : "rating"} aria-describedby={errors.specialization ? "specialization-error" : undefined}>
        <legend>Which specialization do you lean toward?</legend>
        {errors.specialization && (
          <p id="specialization-error" className="field__error">
            {errors.specialization}
          </p>
        )}
        <div className="rating__options">
          {SPECIALIZATIONS.map((s) => (
            <label key={s.value} className="rating__option">
              <input type="radio" name="specialization" value={s.value} defaultChecked={initial?.specialization === s.value} />
              <span>{s.label}</span>
            </label>
          ))}
        </div>
      </fieldset>
      <button type="submit" className="button" disabled={pending}>
        {pending ? "Saving…" : "Save my self-assessment"}
      </button>
    </form>
  );
}
