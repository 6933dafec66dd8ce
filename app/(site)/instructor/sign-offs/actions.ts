"use server";
import { revalidatePath } from "next/cache";
import { formAction, formStateOf, postAction } from "@/lib/boundary/action";
import { signOffRequiredSchema, signOffSchema } from "@/lib/readiness/schemas";
import { setSignOffRequired, signOffStudent } from "@/lib/readiness/sign-off";

const HERE = "/instructor/sign-offs";

export const signOffAction = formAction(
  { access: "staff", returnTo: HERE, schema: signOffSchema, fields: (form) => ({ studentId: form.get("studentId"), note: form.get("note") }), invalidMessage: "Please fix the highlighted field." },
  async ({ user, input }) => {
    const result = await signOffStudent(user, input.studentId, input.note);
    if (!result.ok) return formStateOf(result);
    revalidatePath(HERE);
    return { ok: true, message: "Signed off." };
  },
);

/** The page posts the state it wants ("on" or "off"); anything else is refused unchanged. */
export const setSignOffRequiredAction = postAction(
  { access: "coordinator", returnTo: HERE, schema: signOffRequiredSchema, fields: (form) => ({ required: form.get("required") }), invalid: HERE },
  async ({ user, input }) => {
    await setSignOffRequired(user, input.required === "on");
    revalidatePath(HERE);
  },
);
