import { NextResponse } from "next/server";
import { submitAttempt } from "@/lib/quiz/answers";
import { failure, studentOrResponse } from "@/lib/quiz/http";

type Context = { params: Promise<{ attemptId: string }> };

/** Submit for grading; repeating it returns the same stored result. */
export async function POST(_request: Request, { params }: Context) {
  const user = await studentOrResponse();
  if (user instanceof NextResponse) return user;
  const result = await submitAttempt(user, (await params).attemptId);
  return result.ok ? NextResponse.json(result.result) : failure(result);
}
