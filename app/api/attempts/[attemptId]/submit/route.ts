import { NextResponse } from "next/server";
import { route } from "@/lib/boundary/route";
import { attemptParamsSchema } from "@/lib/quiz/schemas";
import { submitAttempt } from "@/lib/quiz/answers";

/** Submit for grading; repeating it returns the same stored result. */
export const POST = route({ access: "student", params: attemptParamsSchema, notFound: "We could not find that quiz attempt." }, async ({ user, params }) => {
  const result = await submitAttempt(user, params.attemptId);
  return result.ok ? NextResponse.json(result.result) : result;
});
