"use client";
import { useActionState } from "react";
import { Field } from "@/components/forms/field";
import { FormFeedback } from "@/components/forms/form-feedback";
import type { FormState } from "@/lib/forms";
import { REVIEW_POLICY_LABELS } from "./course-settings-form";

type Range = { min: number; max: number };
export type SectionRulesView = {
  sectionId: string;
  /** The section's own choices as the form's strings ("" follows the course). */
  current: Record<string, string>;
  course: { lessonPassPercent: number; finalPassPercent: number; requireInstructorSignOff: boolean; writtenWorkPercent: number | null };
  files: { lesson: { maxAttempts: number | null; timeLimitMinutes: number | null }; final: { maxAttempts: number | null; timeLimitMinutes: number | null } };
  bounds: { passPercent: Range; maxAttempts: Range; timeLimitMinutes: Range; reviewPolicies: string[]; signOffChoice: boolean };
};


const within = (r: Range, unit = "") => `Allowed: ${r.min}${unit} to ${r.max}${unit}.`;
const limitText = (minutes: number | null) => (minutes ? `${minutes} minutes` : "no time limit");

/** The section's rules: empty fields follow the course; the coordinator's bounds are shown with each. */
export function SectionSettingsForm({ view, action }: { view: SectionRulesView; action: (prev: FormState, form: FormData) => Promise<FormState> }) {
  const [state, formAction, pending] = useActionState(action, { ok: false });
  const values = state.values ?? view.current;
  const { bounds, course, files } = view;
  const error = (name: string) => state.fieldErrors?.[name];
  const number = (name: string, label: string, hint: string) => <Field name={name} label={label} type="number" hint={hint} defaultValue={values[name] ?? ""} error={error(name)} />;
  return (
    <form action={formAction} className="form" noValidate data-testid="section-settings">
      <FormFeedback state={state} />
      <input type="hidden" name="sectionId" value={view.sectionId} />
      <fieldset>
        <legend>Lesson quizzes</legend>
        {number("lessonPassPercent", "Lesson quiz pass mark (%)", `Course: ${course.lessonPassPercent}%. ${within(bounds.passPercent, "%")}`)}
        {number("lessonMaxAttempts", "Lesson quiz attempts", `Course: ${files.lesson.maxAttempts ?? "—"}. ${within(bounds.maxAttempts)}`)}
        {number("lessonTimeLimitMinutes", "Lesson quiz time limit (minutes)", `Course: ${limitText(files.lesson.timeLimitMinutes)}. ${within(bounds.timeLimitMinutes)}`)}
      </fieldset>
      <fieldset>
        <legend>Final assessment</legend>
        {number("finalPassPercent", "Final pass mark (%)", `Course: ${course.finalPassPercent}%. ${within(bounds.passPercent, "%")}`)}
        {number("finalMaxAttempts", "Final attempts", `Course: ${files.final.maxAttempts ?? "—"}. ${within(bounds.maxAttempts)}`)}
        {number("finalTimeLimitMinutes", "Final time limit (minutes)", `Course: ${limitText(files.final.timeLimitMinutes)}. ${within(bounds.timeLimitMinutes)}`)}
      </fieldset>
      {number(
        "writtenWorkPercent",
        "Written work needed for readiness (%)",
        `Each assignment's released grade must reach this. Course: ${course.writtenWorkPercent === null ? "not counted" : `${course.writtenWorkPercent}%`}. ${within(bounds.passPercent, "%")}`,
      )}
      <div className={error("reviewPolicy") ? "field field--error" : "field"}>
        <label htmlFor="field-reviewPolicy">When students see answers and explanations</label>
        {error("reviewPolicy") && <p className="field__error" id="field-reviewPolicy-error">{error("reviewPolicy")}</p>}
        <select id="field-reviewPolicy" name="reviewPolicy" defaultValue={values.reviewPolicy ?? ""} aria-invalid={error("reviewPolicy") ? true : undefined} aria-describedby={error("reviewPolicy") ? "field-reviewPolicy-error" : undefined}>
          <option value="">As the course sets it for each quiz</option>
          {bounds.reviewPolicies.map((p) => (
            <option key={p} value={p}>
              {REVIEW_POLICY_LABELS[p] ?? p}
            </option>
          ))}
        </select>
      </div>
      {bounds.signOffChoice ? (
        <div className={error("signOff") ? "field field--error" : "field"}>
          <label htmlFor="field-signOff">Instructor sign-off for internship readiness</label>
          {error("signOff") && <p className="field__error" id="field-signOff-error">{error("signOff")}</p>}
          <select id="field-signOff" name="signOff" defaultValue={values.signOff ?? "course"} aria-invalid={error("signOff") ? true : undefined} aria-describedby={error("signOff") ? "field-signOff-error" : undefined}>
            <option value="course">As the course sets it ({course.requireInstructorSignOff ? "required" : "not required"})</option>
            <option value="required">Required in this section</option>
            <option value="not_required">Not required in this section</option>
          </select>
        </div>
      ) : (
        <>
          <input type="hidden" name="signOff" value="course" />
          <p>Sign-off: {course.requireInstructorSignOff ? "required" : "not required"}, decided by the coordinator for every section.</p>
        </>
      )}
      <button type="submit" className="button" disabled={pending}>
        Save settings
      </button>
    </form>
  );
}
