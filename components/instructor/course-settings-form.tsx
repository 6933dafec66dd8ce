"use client";
import { useActionState, useState } from "react";
import { Field } from "@/components/forms/field";
import { FormFeedback } from "@/components/forms/form-feedback";
import type { FormState } from "@/lib/forms";

export const REVIEW_POLICY_LABELS: Record<string, string> = {
  after_pass_or_last: "After a pass or the last attempt",
  after_submit: "After every attempt",
  never: "Never",
};

type Props = {
  current: Record<string, string>;
  requireInstructorSignOff: boolean;
  signOffChoice: boolean;
  reviewPolicies: string[];
  action: (prev: FormState, form: FormData) => Promise<FormState>;
};

/** The course's defaults and the bounds within which each section's instructors choose. */
export function CourseSettingsForm({ current, requireInstructorSignOff, signOffChoice, reviewPolicies, action }: Props) {
  const [state, formAction, pending] = useActionState(action, { ok: false });
  const values = state.values ?? current;
  // Held in state: a form action resets uncontrolled fields, and a refused save must not
  // quietly undo the boxes the coordinator ticked.
  const [signOff, setSignOff] = useState(requireInstructorSignOff);
  const [choice, setChoice] = useState(signOffChoice);
  const [policies, setPolicies] = useState(reviewPolicies);
  const error = (name: string) => state.fieldErrors?.[name];
  const number = (name: string, label: string, hint?: string) => <Field name={name} label={label} type="number" hint={hint} defaultValue={values[name] ?? ""} error={error(name)} />;
  return (
    <form action={formAction} className="form" noValidate data-testid="course-settings">
      <FormFeedback state={state} />
      <fieldset>
        <legend>Course defaults</legend>
        {number("lessonPassPercent", "Lesson quiz pass mark (%)")}
        {number("finalPassPercent", "Final assessment pass mark (%)")}
        {number("objectiveMasteryPercent", "Objective mastery (%)", "The share of an objective's points a student needs in their best attempts.")}
        {number("atRiskInactiveDays", "Days without activity before a student is at risk")}
        {number("writtenWorkPercent", "Written work needed for readiness (%)", "Each assignment's released grade must reach this. Leave empty if written work does not count toward readiness.")}
        <div className="check">
          <input id="field-requireInstructorSignOff" type="checkbox" name="requireInstructorSignOff" checked={signOff} onChange={(e) => setSignOff(e.target.checked)} />
          <label htmlFor="field-requireInstructorSignOff">Require an instructor&rsquo;s sign-off for internship readiness</label>
        </div>
      </fieldset>
      <fieldset>
        <legend>What each section&rsquo;s instructors may choose</legend>
        {number("passMin", "Lowest pass mark (%)")}
        {number("passMax", "Highest pass mark (%)")}
        {number("attemptsMin", "Fewest attempts per quiz")}
        {number("attemptsMax", "Most attempts per quiz")}
        {number("timeMin", "Shortest time limit (minutes)")}
        {number("timeMax", "Longest time limit (minutes)")}
        <fieldset aria-describedby={error("reviewPolicies") ? "reviewPolicies-error" : undefined}>
          <legend>Review policies they may pick</legend>
          {error("reviewPolicies") && (
            <p className="field__error" id="reviewPolicies-error">
              {error("reviewPolicies")}
            </p>
          )}
          {Object.entries(REVIEW_POLICY_LABELS).map(([value, label]) => (
            <div className="check" key={value}>
              <input
                id={`policy-${value}`}
                type="checkbox"
                name="reviewPolicies"
                value={value}
                checked={policies.includes(value)}
                onChange={(e) => setPolicies(e.target.checked ? [...policies, value] : policies.filter((p) => p !== value))}
              />
              <label htmlFor={`policy-${value}`}>{label}</label>
            </div>
          ))}
        </fieldset>
        <div className="check">
          <input id="field-signOffChoice" type="checkbox" name="signOffChoice" checked={choice} onChange={(e) => setChoice(e.target.checked)} />
          <label htmlFor="field-signOffChoice">Instructors decide whether sign-off is required in their section</label>
        </div>
      </fieldset>
      <button type="submit" className="button" disabled={pending}>
        Save course settings
      </button>
    </form>
  );
}
