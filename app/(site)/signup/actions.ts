"use server";
import { signUpSchema } from "@/lib/auth/schemas";
import { echoValues, invalid, type FormState, formOf } from "@/lib/forms";
import { createUser, EmailTakenError } from "@/lib/users";

export async function signUpAction(_prev: FormState, formInput: FormData): Promise<FormState> {
  const form = formOf(formInput);
  const values = echoValues(form, ["name", "email"]);
  const parsed = signUpSchema.safeParse(Object.fromEntries(form));
  if (!parsed.success) return invalid(parsed.error, values);
  try {
    await createUser({ ...parsed.data, role: "student" });
  } catch (error) {
    if (error instanceof EmailTakenError)
      return { ok: false, message: error.message, fieldErrors: { email: error.message }, values };
    throw error;
  }
  return { ok: true, values };
}
