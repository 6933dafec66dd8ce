"use server";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { formAction, formStateOf, postAction } from "@/lib/boundary/action";
import { DomainError } from "@/lib/boundary/errors";
import { releaseGrades, saveGrade } from "@/lib/assignments/grading";
import { gradeFields, gradeSchema, releaseSchema } from "@/lib/assignments/schemas";

const QUEUE = "/instructor/assignments";
const viewOf = (form: FormData) => `${QUEUE}/${encodeURIComponent(String(form.get("submissionId") ?? ""))}`;

/** Saves a rubric grade; a conflict keeps the grader's picks on the form (it is controlled). */
export const saveGradeAction = formAction(
  { access: "staff", returnTo: viewOf, schema: gradeSchema, fields: gradeFields, invalidMessage: "Please fix the highlighted fields." },
  async ({ user, input }) => {
    const saved = await saveGrade(user, input);
    if (!saved.ok) return formStateOf(saved);
    revalidatePath(`${QUEUE}/${input.submissionId}`);
    return { ok: true, message: `Grade saved: ${saved.percent}%. The student sees it once you release it.`, values: { version: String(saved.version) } };
  },
);

/** Releases one submission's grade, or every graded one of an assignment in a section. */
export const releaseGradesAction = postAction(
  {
    access: "staff",
    returnTo: QUEUE,
    schema: releaseSchema,
    fields: (form) => (form.get("submissionId") ? { submissionId: form.get("submissionId") } : { sectionId: form.get("sectionId"), assignmentId: form.get("assignmentId") }),
    invalid: QUEUE,
    onFailure: (failure) => `${QUEUE}?refused=${failure.status}`,
  },
  async ({ user, input, form }) => {
    const result = await releaseGrades(user, input);
    if (!result.ok) throw new DomainError(result.status, result.message);
    revalidatePath(QUEUE);
    const back = String(form.get("back") ?? "");
    // Only a path on this page's own tree: the field is whatever the client sent.
    redirect(back.startsWith(`${QUEUE}?`) || back.startsWith(`${QUEUE}/`) ? `${back}${back.includes("?") ? "&" : "?"}released=${result.released}` : `${QUEUE}?released=${result.released}`);
  },
);
