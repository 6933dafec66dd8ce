import { NextResponse } from "next/server";
import { submitAttempt } from "@/lib/quiz/answers";
import { failure, studentOrResponse } from "@/lib/quiz/http";
import { refreshReadiness } from "@/lib/readiness";

type Context = { params: Promise<{ attemptId: string }> };

/** Submit for grading; repeating it returns the same stored result. */
export async function POST(_request: Request, { params }: Context) {
  const user = await studentOrResponse();
  if (user instanceof NextResponse) return user;
  const result = await submitAttempt(user, (await params).attemptId);
  if (!result.ok) return failure(result);
  // Same as the form path: passing the last requirement records readiness at once.
  if (result.result.passed) await refreshReadiness(user);
  return NextResponse.json(result.result);
}
