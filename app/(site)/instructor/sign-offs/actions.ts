"use server";
import { revalidatePath } from "next/cache";
import { requireRole } from "@/lib/auth/session";
import { fieldErrorsOf, type FormState, formOf } from "@/lib/forms";
import { signOffSchema } from "@/lib/readiness/schemas";
import { setSignOffRequired, signOffStudent } from "@/lib/readiness/sign-off";

export async function signOffAction(_prev: FormState, formInput: FormData): Promise<FormState> {
  const form = formOf(formInput);
  const viewer = await requireRole("instructor", "/instructor/sign-offs");
  const parsed = signOffSchema.safeParse({ studentId: form.get("studentId"), note: form.get("note") });
  if (!parsed.success) return { ok: false, message: "Please fix the highlighted field.", fieldErrors: fieldErrorsOf(parsed.error) };
  const result = await signOffStudent(viewer, parsed.data.studentId, parsed.data.note);
  if (!result.ok) return { ok: false, message: result.message };
  revalidatePath("/instructor/sign-offs");
  return { ok: true, message: "Signed off." };
}

export async function setSignOffRequiredAction(formInput: FormData) {
  const form = formOf(formInput);
  const viewer = await requireRole("instructor", "/instructor/sign-offs");
  // A checkbox: "on" or absent. Anything else is a forged request and changes nothing.
  const required = form.get("required");
  if (required !== null && required !== "on") return;
  await setSignOffRequired(viewer, required === "on");
  revalidatePath("/instructor/sign-offs");
}
