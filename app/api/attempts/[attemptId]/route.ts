import { NextResponse } from "next/server";
import { route } from "@/lib/boundary/route";
import { getAttemptForTaking } from "@/lib/quiz/attempts";
import { attemptParamsSchema } from "@/lib/quiz/schemas";

/** The student's own attempt: questions (no keys) and saved answers, to resume after a reload. */
export const GET = route({ access: "student", params: attemptParamsSchema, notFound: "We could not find that quiz attempt." }, async ({ user, params }) => {
  const view = await getAttemptForTaking(user, params.attemptId);
  return view.ok ? NextResponse.json({ attempt: view.attempt, questions: view.questions, responses: view.responses }) : view;
});
