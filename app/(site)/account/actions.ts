"use server";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { z } from "zod";
import { formAction } from "@/lib/boundary/action";
import { SESSION_COOKIE_NAMES } from "@/lib/auth/cookies";
import { deleteAccount } from "@/lib/privacy";
import { ownTimeZoneSchema } from "@/lib/auth/schemas";
import { setOwnTimeZone } from "@/lib/users";
import { revalidatePath } from "next/cache";

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

export const setTimeZoneAction = formAction(
  { access: "signed-in", returnTo: "/account", schema: ownTimeZoneSchema, fields: (form) => ({ timeZone: form.get("timeZone") }), echo: ["timeZone"] },
  async ({ user, input, values }) => {
    await setOwnTimeZone(user, input.timeZone);
    revalidatePath("/account");
    return { ok: true, message: input.timeZone ? `Dates are now also shown in ${input.timeZone}.` : "Dates are shown in your section's time zone.", values };
  },
);
