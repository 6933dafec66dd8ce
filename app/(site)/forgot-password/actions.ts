"use server";
import { headers } from "next/headers";
import { formAction } from "@/lib/boundary/action";
import { requestPasswordReset } from "@/lib/auth/password-reset";
import { forgotPasswordSchema } from "@/lib/auth/schemas";
import { clientAddress } from "@/lib/http/client-address";

/** The same answer for every address, known or not (lib/auth/password-reset.ts). */
export const forgotPasswordAction = formAction(
  { access: "public", returnTo: "/forgot-password", schema: forgotPasswordSchema, fields: (form) => ({ email: form.get("email") }), echo: ["email"], invalidMessage: "Please fix the highlighted field." },
  async ({ input }) => ({ ok: true, message: await requestPasswordReset(input.email, clientAddress(await headers())) }),
);
