// Maps zod failures to the shape every form renders: a message per field plus a summary.
import type { z } from "zod";

export type FormState = {
  ok: boolean;
  message?: string;
  fieldErrors?: Record<string, string>;
  values?: Record<string, string>;
};

export function fieldErrorsOf(error: z.ZodError): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const issue of error.issues) {
    // The innermost key names the field: a nested schema (ratings.research) still
    // reports against the form control (research).
    const field = String(issue.path[issue.path.length - 1] ?? "form");
    errors[field] ??= issue.message;
  }
  return errors;
}

/**
 * A server action's form, or an empty one when a forged request sent something else
 * (actions are public endpoints: the arguments are whatever the client encoded).
 */
export function formOf(value: unknown): FormData {
  return value instanceof FormData ? value : new FormData();
}
