"use client";
import { useActionState } from "react";
import { FormFeedback } from "@/components/forms/form-feedback";
import type { FormState } from "@/lib/forms";

type Props = { studentId: string; currentSectionId: string | null; sections: { id: string; name: string; term: string }[]; action: (prev: FormState, form: FormData) => Promise<FormState> };

export function MoveStudentForm({ studentId, currentSectionId, sections, action }: Props) {
  const [state, formAction, pending] = useActionState(action, { ok: false });
  const targets = sections.filter((s) => s.id !== currentSectionId);
  if (targets.length === 0) return null;
  return (
    <form action={formAction} className="inline-form" noValidate>
      <FormFeedback state={state} />
      <input type="hidden" name="studentId" value={studentId} />
      <div className="field">
        <label htmlFor="move-section">Move to section</label>
        <select id="move-section" name="sectionId" defaultValue={targets[0].id}>
          {targets.map((s) => (
            <option key={s.id} value={s.id}>
              {s.name} · {s.term}
            </option>
          ))}
        </select>
      </div>
      <button type="submit" className="button button--small" disabled={pending}>
        Move student
      </button>
    </form>
  );
}
