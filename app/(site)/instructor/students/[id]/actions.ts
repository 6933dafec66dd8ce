"use server";
import { revalidatePath } from "next/cache";
import { requireRole } from "@/lib/auth/session";
import { fieldErrorsOf, type FormState, formOf } from "@/lib/forms";
import { accommodationSchema } from "@/lib/roster/schemas";
import { setAccommodation } from "@/lib/roster/student-detail";

export async function setAccommodationAction(_prev: FormState, formInput: FormData): Promise<FormState> {
  const form = formOf(formInput);
  const viewer = await requireRole("instructor", "/instructor");
  const values = { studentId: String(form.get("studentId") ?? ""), timeMultiplier: String(form.get("timeMultiplier") ?? ""), extraAttempts: String(form.get("extraAttempts") ?? "") };
  const parsed = accommodationSchema.safeParse(values);
  if (!parsed.success) return { ok: false, message: "Please fix the highlighted fields.", fieldErrors: fieldErrorsOf(parsed.error), values };
  const { studentId, timeMultiplier, extraAttempts } = parsed.data;
  const result = await setAccommodation(viewer, studentId, { timeMultiplier, extraAttempts });
  if (!result.ok) return { ok: false, message: result.message, values };
  revalidatePath(`/instructor/students/${parsed.data.studentId}`);
  return { ok: true, message: "Accommodation saved. It applies to the student's next attempt.", values };
}
