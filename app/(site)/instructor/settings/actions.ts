"use server";
import { revalidatePath } from "next/cache";
import { formAction } from "@/lib/boundary/action";
import { changeCourseConfig } from "@/lib/course/settings";
import { configOfForm, COURSE_SETTINGS_TEXT_FIELDS, courseSettingsSchema } from "@/lib/course/schemas";

const HERE = "/instructor/settings";

export const courseSettingsAction = formAction(
  {
    access: "coordinator",
    returnTo: HERE,
    schema: courseSettingsSchema,
    fields: (form) => ({
      ...Object.fromEntries(COURSE_SETTINGS_TEXT_FIELDS.map((key) => [key, String(form.get(key) ?? "")])),
      requireInstructorSignOff: form.get("requireInstructorSignOff") === "on" ? "on" : "",
      signOffChoice: form.get("signOffChoice") === "on" ? "on" : "",
      reviewPolicies: form.getAll("reviewPolicies").map(String),
    }),
    echo: [...COURSE_SETTINGS_TEXT_FIELDS],
  },
  async ({ user, input, values }) => {
    await changeCourseConfig(user, configOfForm(input));
    revalidatePath(HERE);
    return { ok: true, message: "Course settings saved. Passes and readiness follow them in every section.", values };
  },
);
