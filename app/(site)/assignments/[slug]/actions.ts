"use server";
import { redirect } from "next/navigation";
import { formAction, formStateOf, postAction } from "@/lib/boundary/action";
import { DomainError } from "@/lib/boundary/errors";
import { saveDraft, startNewVersion, submitDraft } from "@/lib/assignments/student";
import { draftSchema, slugFormSchema, submitSchema } from "@/lib/assignments/schemas";
import { problemCodeOf } from "@/lib/assignments/problems";

const pageOf = (form: FormData) => `/assignments/${encodeURIComponent(String(form.get("slug") ?? ""))}`;
const slugOf = (form: FormData) => slugFormSchema.safeParse({ slug: form.get("slug") });

/**
 * The editor's own post (it works without JavaScript): saves the draft, then either stays
 * or goes on to the review page. A refusal keeps the typed text on the form.
 */
export const saveDraftAction = formAction(
  {
    access: "student",
    returnTo: pageOf,
    schema: draftSchema,
    fields: (form) => ({ text: form.get("text"), version: form.get("version") }),
    invalidMessage: (errors) => errors.text ?? "That draft could not be saved: reload the page and try again (your text is still on it).",
    echo: ["text"],
  },
  async ({ user, input, form, values }) => {
    const slug = slugOf(form);
    if (!slug.success) return { ok: false, message: "We could not find that assignment.", values };
    const saved = await saveDraft(user, slug.data.slug, input);
    if (!saved.ok) return formStateOf(saved, values);
    if (form.get("intent") === "review") redirect(`/assignments/${slug.data.slug}/submit`);
    return { ok: true, message: `Draft saved.`, values: { ...values, version: String(saved.version) } };
  },
);

/** Submits the reviewed draft; a refusal returns to the review page with its reason. */
export const submitDraftAction = postAction(
  { access: "student", returnTo: pageOf, schema: submitSchema, fields: (form) => ({ slug: form.get("slug"), tryNumber: form.get("tryNumber"), version: form.get("version") }), invalid: "/course", onFailure: (failure, input) => {
      const code = problemCodeOf(failure);
      // Refusals that leave nothing to review go back to the assignment page, which says why.
      return code === "submitted" || code === "released" || code === "empty" ? `/assignments/${input.slug}?refused=${code}` : `/assignments/${input.slug}/submit?refused=${code}`;
    },
  },
  async ({ user, input }) => {
    const result = await submitDraft(user, input.slug, input);
    if (!result.ok) throw new DomainError(result.status, result.message);
    redirect(`/assignments/${input.slug}?submitted=${result.tryNumber}`);
  },
);

/** Opens the next version to revise, while the assignment allows more submissions. */
export const startNewVersionAction = postAction(
  { access: "student", returnTo: pageOf, schema: slugFormSchema, fields: (form) => ({ slug: form.get("slug") }), invalid: "/course", onFailure: (failure, input) => `/assignments/${input.slug}?refused=${problemCodeOf(failure)}` },
  async ({ user, input }) => {
    const result = await startNewVersion(user, input.slug);
    if (!result.ok) throw new DomainError(result.status, result.message);
    redirect(`/assignments/${input.slug}#editor`);
  },
);
