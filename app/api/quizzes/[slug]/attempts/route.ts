import { NextResponse } from "next/server";
import { z } from "zod";
import { getAttemptForTaking, startAttempt } from "@/lib/quiz/attempts";
import { failure, studentOrResponse } from "@/lib/quiz/http";

type Context = { params: Promise<{ slug: string }> };

const slugSchema = z.string().regex(/^[a-z0-9-]{1,80}$/);

/**
 * Start (or resume) an attempt: the JSON twin of the quiz page's Start button, for
 * clients that are not a browser form. Returns the attempt's questions without keys.
 */
export async function POST(_request: Request, { params }: Context) {
  const user = await studentOrResponse();
  if (user instanceof NextResponse) return user;
  const slug = slugSchema.safeParse((await params).slug);
  if (!slug.success) return NextResponse.json({ error: "We could not find that quiz." }, { status: 404 });
  const started = await startAttempt(user, slug.data);
  if (!started.ok) return failure(started);
  const view = await getAttemptForTaking(user, started.attemptId);
  if (!view.ok) return failure(view);
  return NextResponse.json(
    { attempt: view.attempt, questions: view.questions, responses: view.responses, resumed: started.resumed },
    { status: started.resumed ? 200 : 201 },
  );
}
