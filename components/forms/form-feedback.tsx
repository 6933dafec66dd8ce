"use client";
import type { FormState } from "@/lib/forms";
import { FocusedFormAlert } from "./focused-alert";

/** What a staff form shows after a submission: the failure (focused) or the success, announced. */
export function FormFeedback({ state, successTestId }: { state: FormState; successTestId?: string }) {
  return (
    <>
      <FocusedFormAlert state={state} message={state.ok ? null : state.message} />
      {state.ok && (
        <p className="alert alert--success" role="status" data-testid={successTestId}>
          {state.message}
        </p>
      )}
    </>
  );
}
