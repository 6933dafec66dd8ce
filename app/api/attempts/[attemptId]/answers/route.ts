import { NextResponse } from "next/server";
import { route } from "@/lib/boundary/route";
import type { SaveAnswerResponse } from "@/lib/boundary/contracts";
import { saveAnswer, saveAnswerSchema } from "@/lib/quiz/answers";
import { attemptParamsSchema } from "@/lib/quiz/schemas";

/** Autosave one answer: { questionId, response }. */
export const POST = route(
  { access: "student", params: attemptParamsSchema, body: saveAnswerSchema, invalidBody: "Send a questionId and a response.", notFound: "We could not find that quiz attempt." },
  async ({ user, params, body }) => {
    const result = await saveAnswer(user, params.attemptId, body);
    return result.ok ? NextResponse.json<SaveAnswerResponse>({ savedAt: result.savedAt.toISOString() }) : result;
  },
);
