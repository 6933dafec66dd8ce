"use server";
import { revalidatePath } from "next/cache";
import { formAction, formStateOf } from "@/lib/boundary/action";
import { accommodationSchema } from "@/lib/roster/schemas";
import { setAccommodation } from "@/lib/roster/student-detail";
import { moveStudent } from "@/lib/sections/enrollment";
import { extensionSchema, moveStudentSchema } from "@/lib/sections/schemas";
import { grantExtension } from "@/lib/sections/schedule";

const ECHO = ["studentId", "timeMultiplier", "extraAttempts"];

export const setAccommodationAction = formAction(
  {
    access: "staff",
    returnTo: "/instructor",
    schema: accommodationSchema,
    fields: (form) => Object.fromEntries(ECHO.map((key) => [key, String(form.get(key) ?? "")])),
    echo: ECHO,
  },
  async ({ user, input, values }) => {
    const result = await setAccommodation(user, input.studentId, { timeMultiplier: input.timeMultiplier, extraAttempts: input.extraAttempts });
    if (!result.ok) return formStateOf(result, values);
    revalidatePath(`/instructor/students/${input.studentId}`);
    return { ok: true, message: "Accommodation saved. It applies to the student's next attempt.", values };
  },
);

export const moveStudentAction = formAction(
  { access: "staff", returnTo: "/instructor", schema: moveStudentSchema, fields: (form) => ({ studentId: form.get("studentId"), sectionId: form.get("sectionId") }) },
  async ({ user, input }) => {
    const result = await moveStudent(user, input.studentId, input.sectionId);
    revalidatePath(`/instructor/students/${input.studentId}`);
    return { ok: true, message: result.changed ? "Moved. The student's work so far comes with them; the earlier section stays in their history." : "The student is already in that section." };
  },
);

export const grantExtensionAction = formAction(
  { access: "staff", returnTo: "/instructor", schema: extensionSchema, fields: (form) => ({ studentId: form.get("studentId"), quizId: form.get("quizId"), dueOn: form.get("dueOn") }), echo: ["quizId", "dueOn"] },
  async ({ user, input, values }) => {
    const { dueText } = await grantExtension(user, input);
    revalidatePath(`/instructor/students/${input.studentId}`);
    return { ok: true, message: `Extension granted: now due ${dueText}. The student was told by mail.`, values };
  },
);
