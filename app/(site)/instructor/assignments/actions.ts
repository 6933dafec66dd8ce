"use server";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { formAction, formStateOf, postAction } from "@/lib/boundary/action";
import { DomainError } from "@/lib/boundary/errors";
import { releaseGrades, saveGrade } from "@/lib/assignments/grading";
import { gradeFields, gradeSchema, releaseSchema } from "@/lib/assignments/schemas";

const QUEUE = "/instructor/assignments";
/** Where a release returns: the grading view it came from, or the queue of that section and assignment (built here, not taken from the client). */
const backTo = (input: { submissionId: string } | { sectionId: string; assignmentId: string }) =>
  "submissionId" in input ? `${QUEUE}/${input.submissionId}` : `${QUEUE}?section=${encodeURIComponent(input.sectionId)}&assignment=${encodeURIComponent(input.assignmentId)}`;
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
    fields: (form) => (form.get("submissionId") ? { submissionId: form.get("submissionId"), version: form.get("version") } : { sectionId: form.get("sectionId"), assignmentId: form.get("assignmentId") }),
    invalid: QUEUE,
    onFailure: (failure, input) => `${backTo(input)}${"submissionId" in input ? "?" : "&"}refused=${failure.status}`,
  },
  async ({ user, input }) => {
    const result = await releaseGrades(user, input);
    if (!result.ok) throw new DomainError(result.status, result.message);
    revalidatePath(QUEUE);
    redirect(`${backTo(input)}${"submissionId" in input ? "?" : "&"}released=${result.released}`);
  },
);
