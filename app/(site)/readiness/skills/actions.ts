"use server";
import { redirect } from "next/navigation";
import { formAction } from "@/lib/boundary/action";
import { selfAssessmentSchema } from "@/lib/readiness/schemas";
import { saveSelfAssessment } from "@/lib/readiness/self-assessment";
import { SKILLS } from "@/lib/readiness/skills";

export const saveSelfAssessmentAction = formAction(
  {
    access: "signed-in",
    returnTo: "/readiness/skills",
    schema: selfAssessmentSchema,
    fields: (form) => ({
      ratings: Object.fromEntries(SKILLS.map((s) => [s.key, form.get(s.key) ?? undefined])),
      specialization: form.get("specialization") ?? undefined,
    }),
    invalidMessage: (fieldErrors) => `Please answer every item (${Object.keys(fieldErrors).length} missing).`,
  },
  async ({ user, input }) => {
    if (user.role !== "student") return { ok: false, message: "Only students complete the self-assessment." };
    await saveSelfAssessment(user, input);
    redirect("/readiness/skills?saved=1#reflection");
  },
);
