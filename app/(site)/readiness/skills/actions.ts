"use server";
import { redirect } from "next/navigation";
import { requireUser } from "@/lib/auth/session";
import { formOf, type FormState } from "@/lib/forms";
import { selfAssessmentSchema } from "@/lib/readiness/schemas";
import { saveSelfAssessment } from "@/lib/readiness/self-assessment";
import { SKILLS } from "@/lib/readiness/skills";

export async function saveSelfAssessmentAction(_prev: FormState, formInput: FormData): Promise<FormState> {
  const form = formOf(formInput);
  const user = await requireUser("/readiness/skills");
  if (user.role !== "student") return { ok: false, message: "Only students complete the self-assessment." };
  const parsed = selfAssessmentSchema.safeParse({
    ratings: Object.fromEntries(SKILLS.map((s) => [s.key, form.get(s.key) ?? undefined])),
    specialization: form.get("specialization") ?? undefined,
  });
  if (!parsed.success) {
    const fieldErrors: Record<string, string> = {};
    for (const issue of parsed.error.issues) fieldErrors[String(issue.path[issue.path.length - 1])] ??= issue.message;
    return { ok: false, message: `Please answer every item (${Object.keys(fieldErrors).length} missing).`, fieldErrors };
  }
  await saveSelfAssessment(user, parsed.data);
  redirect("/readiness/skills?saved=1#reflection");
}
