"use server";
import { revalidatePath } from "next/cache";
import { requireRole } from "@/lib/auth/session";
import { fieldErrorsOf, type FormState, formOf } from "@/lib/forms";
import { revokeCertificate } from "@/lib/readiness/certificates";
import { revokeSchema } from "@/lib/readiness/schemas";

export async function revokeCertificateAction(_prev: FormState, formInput: FormData): Promise<FormState> {
  const form = formOf(formInput);
  const viewer = await requireRole("instructor", "/instructor/certificates");
  const parsed = revokeSchema.safeParse({ code: form.get("code"), reason: form.get("reason") });
  if (!parsed.success) return { ok: false, message: "Please fix the highlighted field.", fieldErrors: fieldErrorsOf(parsed.error) };
  const result = await revokeCertificate(viewer, parsed.data.code, parsed.data.reason);
  if (!result.ok) return { ok: false, message: result.message };
  revalidatePath("/instructor/certificates");
  return { ok: true, message: "Certificate revoked. The public verification page now says so." };
}
