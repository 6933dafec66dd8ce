"use server";
import { formAction } from "@/lib/boundary/action";
import { signUpSchema } from "@/lib/auth/schemas";
import { createUser } from "@/lib/users";

const ECHO = ["name", "email", "joinCode"];

/** A taken email (409) or a closed enrollment code (404) arrives as a DomainError shown on its field. */
export const signUpAction = formAction(
  { access: "public", returnTo: "/signup", schema: signUpSchema, fields: (form) => Object.fromEntries(form), echo: ECHO },
  async ({ input, values }) => {
    const { joinCode, ...account } = input;
    await createUser({ ...account, role: "student" }, joinCode);
    return { ok: true, values };
  },
);
