import { NextResponse } from "next/server";
import { route } from "@/lib/boundary/route";
import { getAttemptForTaking, startAttempt } from "@/lib/quiz/attempts";
import { quizParamsSchema } from "@/lib/quiz/schemas";

/**
 * Start (or resume) an attempt: the JSON twin of the quiz page's Start button, for
 * clients that are not a browser form. Returns the attempt's questions without keys.
 */
export const POST = route({ access: "student", params: quizParamsSchema, notFound: "We could not find that quiz." }, async ({ user, params }) => {
  const started = await startAttempt(user, params.slug);
  if (!started.ok) return started;
  const view = await getAttemptForTaking(user, started.attemptId);
  if (!view.ok) return view;
  return NextResponse.json(
    { attempt: view.attempt, questions: view.questions, responses: view.responses, resumed: started.resumed },
    { status: started.resumed ? 200 : 201 },
  );
});
