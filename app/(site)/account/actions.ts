"use server";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { SESSION_COOKIE_NAMES } from "@/lib/auth/cookies";
import { requireUser } from "@/lib/auth/session";
import { formOf, type FormState } from "@/lib/forms";
import { deleteAccount } from "@/lib/privacy";

export async function deleteAccountAction(_prev: FormState, formInput: FormData): Promise<FormState> {
  const form = formOf(formInput);
  const user = await requireUser("/account");
  const result = await deleteAccount(user, { password: form.get("password"), confirm: form.get("confirm") });
  if (!result.ok) {
    return { ok: false, message: result.fieldErrors.form ?? "Please fix the highlighted fields.", fieldErrors: result.fieldErrors, values: { confirm: String(form.get("confirm") ?? "") } };
  }
  // The account can no longer sign in or use a session; drop the cookie too.
  const jar = await cookies();
  for (const name of SESSION_COOKIE_NAMES) jar.delete(name);
  redirect("/?account=deleted");
}
