"use server";
import { redirect } from "next/navigation";
import { formAction, postAction } from "@/lib/boundary/action";
import { acceptAsStudent, acceptWithNewAccount } from "@/lib/sections/invitations";
import { acceptInvitationSchema, invitationTokenSchema } from "@/lib/sections/schemas";

const back = (form: FormData) => `/invitations/${encodeURIComponent(String(form.get("token") ?? "").slice(0, 100))}`;

/** A new student creates their account from the link; the form then signs them in. */
export const acceptWithNewAccountAction = formAction(
  { access: "public", returnTo: back, schema: acceptInvitationSchema, fields: (form) => ({ token: form.get("token"), name: form.get("name"), password: form.get("password") }), echo: ["name"] },
  async ({ input, values }) => {
    const { email } = await acceptWithNewAccount(input);
    return { ok: true, values: { ...values, email } };
  },
);

/** A signed-in student joins the section they were invited to. Works without JavaScript. */
export const acceptAsStudentAction = postAction(
  {
    access: "student",
    returnTo: back,
    schema: invitationTokenSchema,
    fields: (form) => ({ token: form.get("token") }),
    invalid: "/account",
    onFailure: (failure, input) => `/invitations/${encodeURIComponent(input.token)}?error=${failure.status}`,
  },
  async ({ user, input }) => {
    const { sectionName } = await acceptAsStudent(user, input.token);
    redirect(`/account?joined=${encodeURIComponent(sectionName.slice(0, 100))}`);
  },
);
