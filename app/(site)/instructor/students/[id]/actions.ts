"use server";
import { revalidatePath } from "next/cache";
import { formAction, formStateOf } from "@/lib/boundary/action";
import { setAccommodation } from "@/lib/roster/student-detail";
import { moveStudent } from "@/lib/sections/enrollment";
import { EXTENSION_FIELDS, extensionSchema, moveStudentSchema } from "@/lib/sections/schemas";
import { extensionText, setExtension } from "@/lib/sections/schedule";
import { resendScores } from "@/lib/lti/score-sync";
import { resendScoresSchema } from "@/lib/lti/schemas";

export const moveStudentAction = formAction(
  { access: "staff", returnTo: "/instructor", schema: moveStudentSchema, fields: (form) => ({ studentId: form.get("studentId"), sectionId: form.get("sectionId") }) },
  async ({ user, input }) => {
    const result = await moveStudent(user, input.studentId, input.sectionId);
    revalidatePath(`/instructor/students/${input.studentId}`);
    return { ok: true, message: result.changed ? "Moved. The student's work so far comes with them; the earlier section stays in their history." : "The student is already in that section." };
  },
);

/**
 * The drill-down's one form for what a student is granted: one quiz's extension (due
 * date, attempts, time), or extra attempts and time on every quiz (their accommodation).
 */
export const grantExtensionAction = formAction(
  { access: "staff", returnTo: "/instructor", schema: extensionSchema, fields: (form) => Object.fromEntries(EXTENSION_FIELDS.map((key) => [key, String(form.get(key) ?? "")])), echo: EXTENSION_FIELDS.filter((key) => key !== "remove") },
  async ({ user, input, values }) => {
    if (input.quizId === "all") {
      const result = await setAccommodation(user, input.studentId, { timeMultiplier: input.timeMultiplier, extraAttempts: input.extraAttempts });
      if (!result.ok) return formStateOf(result, values);
      revalidatePath(`/instructor/students/${input.studentId}`);
      return { ok: true, message: `Saved for every quiz: ${extensionText({ dueText: null, ...result })}. It applies to the student's next attempt.` };
    }
    const { removed, text } = await setExtension(user, { ...input, quizId: input.quizId });
    revalidatePath(`/instructor/students/${input.studentId}`);
    return { ok: true, message: removed ? "Extension removed: the section's dates and limits apply." : `Extension granted: ${text}. The student was told by mail.` };
  },
);

/** Sends the student's LMS grades again (after the instructor fixed what the LMS refused). */
export const resendScoresAction = formAction(
  { access: "staff", returnTo: "/instructor", schema: resendScoresSchema, fields: (form) => ({ studentId: form.get("studentId") }) },
  async ({ user, input }) => {
    const count = await resendScores(user, input.studentId);
    revalidatePath(`/instructor/students/${input.studentId}`);
    return { ok: true, message: `${count} grade${count === 1 ? "" : "s"} queued to send again. Reload to see where they are.` };
  },
);
