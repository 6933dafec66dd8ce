"use server";
import { formAction } from "@/lib/boundary/action";
import { signUpSchema } from "@/lib/auth/schemas";
import { createUser } from "@/lib/users";

const ECHO = ["name", "email"];

/** A taken email arrives as a DomainError (409) and is shown on the email field. */
export const signUpAction = formAction(
  { access: "public", returnTo: "/signup", schema: signUpSchema, fields: (form) => Object.fromEntries(form), echo: ECHO },
  async ({ input, values }) => {
    await createUser({ ...input, role: "student" });
    return { ok: true, values };
  },
);
