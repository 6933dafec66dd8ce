"use server";
import { revalidatePath } from "next/cache";
import { formAction, formStateOf } from "@/lib/boundary/action";
import { revokeCertificate } from "@/lib/readiness/certificates";
import { revokeSchema } from "@/lib/readiness/schemas";

const HERE = "/instructor/certificates";

export const revokeCertificateAction = formAction(
  { access: "staff", returnTo: HERE, schema: revokeSchema, fields: (form) => ({ code: form.get("code"), reason: form.get("reason") }), invalidMessage: "Please fix the highlighted field." },
  async ({ user, input }) => {
    const result = await revokeCertificate(user, input.code, input.reason);
    if (!result.ok) return formStateOf(result);
    revalidatePath(HERE);
    return { ok: true, message: "Certificate revoked. The public verification page now says so." };
  },
);
