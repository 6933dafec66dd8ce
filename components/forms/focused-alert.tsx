"use client";
import { useEffect, useRef } from "react";
import { FormAlert } from "./field";

/**
 * The form's alert (the action state's message, or `message` to show instead), focused
 * each time a submission comes back with a message, so a screen-reader or keyboard
 * user lands on what went wrong.
 */
export function FocusedFormAlert({ state, message = state.message }: { state: { message?: string }; message?: string | null }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (state.message) ref.current?.focus();
  }, [state]);
  return (
    <div ref={ref} tabIndex={-1}>
      <FormAlert message={message} />
    </div>
  );
}
