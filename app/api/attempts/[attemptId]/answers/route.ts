import { NextResponse } from "next/server";
import { saveAnswer } from "@/lib/quiz/answers";
import { failure, readJson, studentOrResponse } from "@/lib/quiz/http";

type Context = { params: Promise<{ attemptId: string }> };

/** Autosave one answer: { questionId, response }. */
export async function POST(request: Request, { params }: Context) {
  const user = await studentOrResponse();
  if (user instanceof NextResponse) return user;
  const body = await readJson(request);
  if (!body.ok) return body.response;
  const result = await saveAnswer(user, (await params).attemptId, body.body);
  return result.ok ? NextResponse.json({ savedAt: result.savedAt }) : failure(result);
}
