"use server";
import { revalidatePath } from "next/cache";
import { formAction } from "@/lib/boundary/action";
import { registerPlatform } from "@/lib/lti/platforms";
import { PLATFORM_FORM_FIELDS, platformFormSchema, registrationTicketSchema } from "@/lib/lti/schemas";
import { createRegistrationTicket } from "@/lib/lti/dynamic-registration";

const HERE = "/instructor/lti";

export const registerPlatformAction = formAction(
  {
    access: "coordinator",
    returnTo: HERE,
    schema: platformFormSchema,
    fields: (form) => Object.fromEntries(PLATFORM_FORM_FIELDS.map((key) => [key, String(form.get(key) ?? "")])),
    echo: [...PLATFORM_FORM_FIELDS],
  },
  async ({ user, input, values }) => {
    const platform = await registerPlatform(user, input);
    revalidatePath(HERE);
    return { ok: true, message: `${platform.name} is registered. Launches from it are accepted now.`, values };
  },
);

/** A one-time address an LMS administrator pastes into the LMS's Dynamic Registration. */
export const registrationTicketAction = formAction(
  { access: "coordinator", returnTo: HERE, schema: registrationTicketSchema, fields: () => ({}) },
  async ({ user }) => {
    const { url, expiresAt } = await createRegistrationTicket(user);
    return { ok: true, message: `Paste this address into the LMS's dynamic registration. It works once, until ${expiresAt.toISOString().slice(0, 10)}: ${url}` };
  },
);
