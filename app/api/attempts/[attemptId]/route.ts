import { NextResponse } from "next/server";
import { getAttemptForTaking } from "@/lib/quiz/attempts";
import { failure, studentOrResponse } from "@/lib/quiz/http";

type Context = { params: Promise<{ attemptId: string }> };

/** The student's own attempt: questions (no keys) and saved answers, to resume after a reload. */
export async function GET(_request: Request, { params }: Context) {
  const user = await studentOrResponse();
  if (user instanceof NextResponse) return user;
  const view = await getAttemptForTaking(user, (await params).attemptId);
  if (!view.ok) return failure(view);
  return NextResponse.json({ attempt: view.attempt, questions: view.questions, responses: view.responses });
}
