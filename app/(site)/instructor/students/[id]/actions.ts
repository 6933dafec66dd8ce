"use server";
import { revalidatePath } from "next/cache";
import { formAction, formStateOf } from "@/lib/boundary/action";
import { accommodationSchema } from "@/lib/roster/schemas";
import { setAccommodation } from "@/lib/roster/student-detail";

const ECHO = ["studentId", "timeMultiplier", "extraAttempts"];

export const setAccommodationAction = formAction(
  {
    access: "instructor",
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
