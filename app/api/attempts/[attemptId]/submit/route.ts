import { NextResponse } from "next/server";
import { failure, studentOrResponse } from "@/lib/quiz/http";
import { submitAndRecordReadiness } from "@/lib/readiness";

type Context = { params: Promise<{ attemptId: string }> };

/** Submit for grading; repeating it returns the same stored result. */
export async function POST(_request: Request, { params }: Context) {
  const user = await studentOrResponse();
  if (user instanceof NextResponse) return user;
  const result = await submitAndRecordReadiness(user, (await params).attemptId);
  return result.ok ? NextResponse.json(result.result) : failure(result);
}
