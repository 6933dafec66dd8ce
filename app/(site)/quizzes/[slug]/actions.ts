"use server";
import { formOf } from "@/lib/forms";
import { redirect } from "next/navigation";
import { z } from "zod";
import { requireUser } from "@/lib/auth/session";
import { getAttemptForTaking, startAttempt } from "@/lib/quiz/attempts";
import { saveAnswers } from "@/lib/quiz/answers";
import { readAnswers } from "@/lib/quiz/form";
import { submitAndRecordReadiness } from "@/lib/readiness";

const slugSchema = z.string().regex(/^[a-z0-9-]{1,80}$/);
const attemptSchema = z.object({ slug: slugSchema, attemptId: z.string().min(1).max(64) });

export async function startAttemptAction(formInput: FormData) {
  const form = formOf(formInput);
  const slug = slugSchema.safeParse(form.get("slug"));
  if (!slug.success) redirect("/course");
  const user = await requireUser(`/quizzes/${slug.data}`);
  const result = await startAttempt(user, slug.data);
  if (!result.ok) redirect(`/quizzes/${slug.data}?notice=${encodeURIComponent(result.message)}`);
  redirect(`/quizzes/${slug.data}/attempts/${result.attemptId}`);
}

/** The no-JavaScript path: save every answer on the page, then confirm. */
export async function saveAndReviewAction(formInput: FormData) {
  const form = formOf(formInput);
  const input = attemptSchema.safeParse({ slug: form.get("slug"), attemptId: form.get("attemptId") });
  if (!input.success) redirect("/course");
  const { slug, attemptId } = input.data;
  const user = await requireUser(`/quizzes/${slug}`);
  const view = await getAttemptForTaking(user, attemptId);
  if (!view.ok) redirect(`/quizzes/${slug}`);
  const { responses, problems } = readAnswers(view.questions, (name) => form.getAll(name).map(String));
  const firstProblem = Object.keys(problems)[0];
  if (firstProblem) redirect(`/quizzes/${slug}/attempts/${attemptId}?problem=${encodeURIComponent(firstProblem)}#q-${view.questions.findIndex((q) => q.id === firstProblem) + 1}`);
  const saved = await saveAnswers(user, attemptId, responses);
  if (!saved.ok) {
    const questionId = "questionErrors" in saved && saved.questionErrors ? Object.keys(saved.questionErrors)[0] : undefined;
    redirect(`/quizzes/${slug}/attempts/${attemptId}${questionId ? `?problem=${encodeURIComponent(questionId)}` : ""}`);
  }
  redirect(`/quizzes/${slug}/attempts/${attemptId}/confirm`);
}

export async function submitAttemptAction(formInput: FormData) {
  const form = formOf(formInput);
  const input = attemptSchema.safeParse({ slug: form.get("slug"), attemptId: form.get("attemptId") });
  if (!input.success) redirect("/course");
  const { slug, attemptId } = input.data;
  const user = await requireUser(`/quizzes/${slug}`);
  await submitAndRecordReadiness(user, attemptId);
  redirect(`/quizzes/${slug}/attempts/${attemptId}`);
}
