"use server";
import { revalidatePath } from "next/cache";
import { formAction } from "@/lib/boundary/action";
import { registerPlatform } from "@/lib/lti/platforms";
import { PLATFORM_FORM_FIELDS, platformFormSchema } from "@/lib/lti/schemas";

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
