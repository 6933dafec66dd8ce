"use server";
import { redirect } from "next/navigation";
import { formAction } from "@/lib/boundary/action";
import { resetPassword } from "@/lib/auth/password-reset";
import { resetPasswordSchema } from "@/lib/auth/schemas";

export const resetPasswordAction = formAction(
  {
    access: "public",
    returnTo: "/forgot-password",
    schema: resetPasswordSchema,
    fields: (form) => ({ token: form.get("token"), password: form.get("password"), confirm: form.get("confirm") }),
    invalidMessage: "Please fix the highlighted fields.",
  },
  async ({ input }) => {
    await resetPassword(input.token, input.password);
    redirect("/signin?reset=1");
  },
);
