import { NextResponse } from "next/server";
import { route } from "@/lib/boundary/route";
import { saveDraft } from "@/lib/assignments/student";
import { assignmentParamsSchema, draftSchema, MAX_DRAFT_BYTES, MAX_TEXT_CHARS } from "@/lib/assignments/schemas";

/** Autosave of a written assignment's draft: { text, version }; answered after it committed. */
export const POST = route(
  {
    access: "student",
    params: assignmentParamsSchema,
    body: draftSchema,
    maxBytes: MAX_DRAFT_BYTES,
    invalidBody: `Send the draft's text (up to ${MAX_TEXT_CHARS.toLocaleString("en-US")} characters) and its version number.`,
    notFound: "We could not find that assignment.",
  },
  async ({ user, params, body }) => {
    const result = await saveDraft(user, params.slug, body);
    return result.ok ? NextResponse.json({ savedAt: result.savedAt.toISOString(), version: result.version }) : result;
  },
);
