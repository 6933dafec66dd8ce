"use server";
import { redirect } from "next/navigation";
import { postAction } from "@/lib/boundary/action";
import { getAttemptForTaking, startAttempt } from "@/lib/quiz/attempts";
import { saveAnswers, submitAttempt } from "@/lib/quiz/answers";
import { readAnswers } from "@/lib/quiz/form";
import { problemCodeOf } from "@/lib/quiz/problems";
import { attemptFormSchema, quizFormSchema, quizSlugSchema } from "@/lib/quiz/schemas";

const quizPage = (form: FormData) => {
  const slug = quizSlugSchema.safeParse(form.get("slug"));
  return slug.success ? `/quizzes/${slug.data}` : "/course";
};
const attemptFields = (form: FormData) => ({ slug: form.get("slug"), attemptId: form.get("attemptId") });

export const startAttemptAction = postAction(
  { access: "signed-in", returnTo: quizPage, schema: quizFormSchema, fields: (form) => ({ slug: form.get("slug") }), invalid: "/course" },
  async ({ user, input: { slug } }) => {
    const result = await startAttempt(user, slug);
    if (!result.ok) redirect(`/quizzes/${slug}?notice=${encodeURIComponent(result.message)}`);
    redirect(`/quizzes/${slug}/attempts/${result.attemptId}`);
  },
);

/** The no-JavaScript path: save every answer on the page, then confirm. */
export const saveAndReviewAction = postAction(
  { access: "signed-in", returnTo: quizPage, schema: attemptFormSchema, fields: attemptFields, invalid: "/course" },
  async ({ user, input: { slug, attemptId }, form }) => {
    const view = await getAttemptForTaking(user, attemptId);
    if (!view.ok) redirect(`/quizzes/${slug}`);
    const here = `/quizzes/${slug}/attempts/${attemptId}`;
    const problemAt = (questionId: string, message: string) =>
      `${here}?problem=${encodeURIComponent(questionId)}&reason=${problemCodeOf(message)}#q-${view.questions.findIndex((q) => q.id === questionId) + 1}`;
    const { responses, problems } = readAnswers(view.questions, (name) => form.getAll(name).map(String));
    const [firstProblem] = Object.entries(problems);
    if (firstProblem) redirect(problemAt(...firstProblem));
    const saved = await saveAnswers(user, attemptId, responses);
    if (!saved.ok) {
      const [refused] = "questionErrors" in saved && saved.questionErrors ? Object.entries(saved.questionErrors) : [];
      // Otherwise the attempt closed meanwhile (time ran out): its page shows the graded result.
      redirect(refused ? problemAt(...refused) : here);
    }
    redirect(`${here}/confirm`);
  },
);

export const submitAttemptAction = postAction(
  { access: "signed-in", returnTo: quizPage, schema: attemptFormSchema, fields: attemptFields, invalid: "/course" },
  async ({ user, input: { slug, attemptId } }) => {
    // Grading records readiness (and issues the certificate) in its own transaction.
    await submitAttempt(user, attemptId);
    redirect(`/quizzes/${slug}/attempts/${attemptId}`);
  },
);
