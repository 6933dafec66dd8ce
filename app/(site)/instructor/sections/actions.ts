"use server";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { formAction, postAction } from "@/lib/boundary/action";
import { addInstructor, createSection, removeInstructor, rotateJoinCode, setJoinOpen, setOpenSignup, updateSection } from "@/lib/sections/manage";
import { SECTION_SETTINGS_FIELDS, sectionSettingsSchema } from "@/lib/sections/schemas";
import { changeSectionSettings } from "@/lib/sections/settings";
import { inviteListSchema, inviteOneSchema } from "@/lib/sections/schemas";
import { inviteStudents, type InviteOutcome } from "@/lib/sections/invitations";
import { parseInviteList } from "@/lib/sections/invite-list";
import { editSectionSchema, instructorSchema, joinOpenSchema, quizDatesSchema, removeInstructorSchema, sectionFormSchema, sectionIdSchema } from "@/lib/sections/schemas";
import { setQuizDates } from "@/lib/sections/schedule";
import { syncSectionRoster } from "@/lib/lti/memberships";
import { sectionAssignmentSchema } from "@/lib/assignments/schemas";
import { setSectionAssignment } from "@/lib/assignments/settings";

const LIST = "/instructor/sections";
const FORM_FIELDS = ["sectionId", "name", "termStart", "termEnd", "timeZone"];
const fieldsOf = (keys: string[]) => (form: FormData) => Object.fromEntries(keys.map((key) => [key, String(form.get(key) ?? "")]));
const detail = (form: FormData) => `${LIST}/${encodeURIComponent(String(form.get("sectionId") ?? ""))}`;

export const createSectionAction = formAction(
  { access: "coordinator", returnTo: LIST, schema: sectionFormSchema, fields: fieldsOf(FORM_FIELDS), echo: FORM_FIELDS },
  async ({ user, input }) => {
    const section = await createSection(user, input);
    redirect(`${LIST}/${section.id}`);
  },
);

export const updateSectionAction = formAction(
  { access: "coordinator", returnTo: detail, schema: editSectionSchema, fields: fieldsOf(FORM_FIELDS), echo: FORM_FIELDS },
  async ({ user, input, values }) => {
    await updateSection(user, input.sectionId, input);
    revalidatePath(`${LIST}/${input.sectionId}`);
    return { ok: true, message: "Section saved.", values };
  },
);

export const addInstructorAction = formAction(
  { access: "coordinator", returnTo: detail, schema: instructorSchema, fields: fieldsOf(["sectionId", "email"]), echo: ["email"], invalidMessage: "Please fix the highlighted field." },
  async ({ user, input }) => {
    await addInstructor(user, input.sectionId, input.email);
    revalidatePath(`${LIST}/${input.sectionId}`);
    return { ok: true, message: `${input.email} now teaches this section.` };
  },
);

// Plain posts from buttons: each lands back on the section's page, which shows the result.
export const removeInstructorAction = postAction(
  { access: "coordinator", returnTo: detail, schema: removeInstructorSchema, fields: fieldsOf(["sectionId", "userId"]), invalid: LIST },
  async ({ user, input }) => {
    await removeInstructor(user, input.sectionId, input.userId);
    redirect(`${LIST}/${input.sectionId}?done=instructor-removed`);
  },
);

export const rotateCodeAction = postAction(
  { access: "staff", returnTo: detail, schema: sectionIdSchema, fields: fieldsOf(["sectionId"]), invalid: LIST },
  async ({ user, input }) => {
    await rotateJoinCode(user, input.sectionId);
    redirect(`${LIST}/${input.sectionId}?done=code-rotated`);
  },
);

export const setJoinOpenAction = postAction(
  { access: "staff", returnTo: detail, schema: joinOpenSchema, fields: fieldsOf(["sectionId", "open"]), invalid: LIST },
  async ({ user, input }) => {
    await setJoinOpen(user, input.sectionId, input.open);
    redirect(`${LIST}/${input.sectionId}?done=${input.open ? "joining-opened" : "joining-closed"}`);
  },
);

export const setOpenSignupAction = postAction(
  { access: "coordinator", returnTo: detail, schema: joinOpenSchema, fields: fieldsOf(["sectionId", "open"]), invalid: LIST },
  async ({ user, input }) => {
    await setOpenSignup(user, input.sectionId, input.open);
    redirect(`${LIST}/${input.sectionId}?done=${input.open ? "open-signup" : "no-open-signup"}`);
  },
);

const DATE_FIELDS = ["sectionId", "quizId", "opensOn", "dueOn", "latePolicy"];

export const setQuizDatesAction = formAction(
  { access: "staff", returnTo: detail, schema: quizDatesSchema, fields: fieldsOf(DATE_FIELDS), echo: DATE_FIELDS, invalidMessage: "Please fix the highlighted dates." },
  async ({ user, input, values }) => {
    await setQuizDates(user, input);
    revalidatePath(`${LIST}/${input.sectionId}`);
    return { ok: true, message: input.opensOn || input.dueOn ? "Dates saved. Students see them at once." : "Dates removed.", values };
  },
);

/** An assignment's due date and anonymous grading in a section; an unticked box posts nothing, read as "off". */
export const sectionAssignmentAction = formAction(
  {
    access: "staff",
    returnTo: detail,
    schema: sectionAssignmentSchema,
    fields: (form) => ({ sectionId: form.get("sectionId"), assignmentId: form.get("assignmentId"), dueOn: String(form.get("dueOn") ?? ""), anonymous: form.get("anonymous") === "on" ? "on" : "off" }),
    echo: ["dueOn"],
    invalidMessage: "Please fix the highlighted date.",
  },
  async ({ user, input, values }) => {
    await setSectionAssignment(user, input);
    revalidatePath(`${LIST}/${input.sectionId}`);
    return { ok: true, message: "Saved. Students see the due date at once.", values };
  },
);

export const sectionSettingsAction = formAction(
  { access: "staff", returnTo: detail, schema: sectionSettingsSchema, fields: fieldsOf(SECTION_SETTINGS_FIELDS), echo: SECTION_SETTINGS_FIELDS },
  async ({ user, input, values }) => {
    const { changed } = await changeSectionSettings(user, input);
    revalidatePath(`${LIST}/${input.sectionId}`);
    return {
      ok: true,
      message: changed ? "Settings saved. New attempts follow them; this section's passes and readiness were checked again." : "Nothing changed.",
      values,
    };
  },
);

const skippedText = (outcome: InviteOutcome) => outcome.skipped.map((s) => `${s.email} (${s.reason})`).join("; ");

export const inviteOneAction = formAction(
  { access: "staff", returnTo: detail, schema: inviteOneSchema, fields: fieldsOf(["sectionId", "name", "email"]), echo: ["name", "email"] },
  async ({ user, input, values }) => {
    const outcome = await inviteStudents(user, input.sectionId, [{ name: input.name, email: input.email }]);
    revalidatePath(`${LIST}/${input.sectionId}`);
    if (outcome.skipped.length) {
      const message = `Not invited: ${skippedText(outcome)}.`;
      return { ok: false, message, fieldErrors: { email: message }, values };
    }
    return { ok: true, message: `Invitation sent to ${input.email}.` };
  },
);

/** A class list (a CSV file, or pasted lines): everyone it names is invited at once. */
export const inviteListAction = formAction(
  {
    access: "staff",
    returnTo: detail,
    schema: inviteListSchema,
    fields: (form) => {
      const file = form.get("file");
      return { sectionId: form.get("sectionId"), file: file instanceof File ? file : undefined, pasted: String(form.get("pasted") ?? "") };
    },
    echo: ["pasted"],
  },
  async ({ user, input, values }) => {
    const { invitees, problems } = parseInviteList(input.file && input.file.size > 0 ? await input.file.text() : input.pasted);
    const problemText = problems.map((p) => (p.line ? `line ${p.line}: ${p.reason}` : p.reason)).join("; ");
    if (invitees.length === 0) {
      const message = `Nobody in that list could be read${problemText ? ` (${problemText})` : ""}. Use one "name, email" per line.`;
      return { ok: false, message, fieldErrors: { pasted: message }, values };
    }
    const outcome = await inviteStudents(user, input.sectionId, invitees);
    revalidatePath(`${LIST}/${input.sectionId}`);
    const parts = [`Invited ${outcome.invited.length} ${outcome.invited.length === 1 ? "student" : "students"}.`];
    if (outcome.skipped.length) parts.push(`Not invited: ${skippedText(outcome)}.`);
    if (problems.length) parts.push(`Not understood: ${problemText}.`);
    return { ok: true, message: parts.join(" ") };
  },
);

/** Reads the linked LMS course's members now (NRPS): learners who never launched join as "not started". */
export const syncRosterAction = formAction(
  { access: "staff", returnTo: detail, schema: sectionIdSchema, fields: fieldsOf(["sectionId"]) },
  async ({ user, input }) => {
    const results = await syncSectionRoster(user, input.sectionId);
    revalidatePath(`${LIST}/${input.sectionId}`);
    const failed = results.find((r) => r.error);
    if (failed) return { ok: false, message: `The LMS roster could not be read: ${failed.error}` };
    const added = results.reduce((sum, r) => sum + r.added, 0);
    const members = results.reduce((sum, r) => sum + r.members, 0);
    return { ok: true, message: `Read ${members} member${members === 1 ? "" : "s"} from the LMS; ${added} new student${added === 1 ? "" : "s"} added as not started.` };
  },
);
