"use server";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { z } from "zod";
import { formAction } from "@/lib/boundary/action";
import { SESSION_COOKIE_NAMES } from "@/lib/auth/cookies";
import { deleteAccount } from "@/lib/privacy";

// deleteAccount parses the password and confirmation itself (with the password check);
// the door only hands it the two fields.
const closeAccountFields = z.object({ password: z.unknown(), confirm: z.unknown() });

export const deleteAccountAction = formAction(
  { access: "signed-in", returnTo: "/account", schema: closeAccountFields, fields: (form) => ({ password: form.get("password"), confirm: form.get("confirm") }) },
  async ({ user, input, form }) => {
    const result = await deleteAccount(user, input);
    if (!result.ok) {
      return { ok: false, message: result.fieldErrors.form ?? "Please fix the highlighted fields.", fieldErrors: result.fieldErrors, values: { confirm: String(form.get("confirm") ?? "") } };
    }
    // The account can no longer sign in or use a session; drop the cookie too.
    const jar = await cookies();
    for (const name of SESSION_COOKIE_NAMES) jar.delete(name);
    redirect("/?account=deleted");
  },
);
