"use server";
import { formOf } from "@/lib/forms";
import { redirect } from "next/navigation";
import { requireUser } from "@/lib/auth/session";
import { completeLesson } from "@/lib/progress";
import { completeLessonSchema } from "@/lib/progress/schemas";

export async function completeLessonAction(formInput: FormData) {
  const form = formOf(formInput);
  const parsed = completeLessonSchema.safeParse({ slug: form.get("slug") });
  if (!parsed.success) redirect("/course");
  const user = await requireUser(`/lessons/${parsed.data.slug}`);
  const result = await completeLesson(user, parsed.data.slug);
  const status = result.ok ? "completed" : "refused";
  redirect(`/lessons/${parsed.data.slug}?${status}=1#lesson-end`);
}
