"use server";
import { redirect } from "next/navigation";
import { postAction } from "@/lib/boundary/action";
import { completeLesson } from "@/lib/progress";
import { completeLessonSchema, lessonSlugSchema } from "@/lib/progress/schemas";

export const completeLessonAction = postAction(
  {
    access: "signed-in",
    returnTo: (form) => {
      const slug = lessonSlugSchema.safeParse(form.get("slug"));
      return slug.success ? `/lessons/${slug.data}` : "/course";
    },
    schema: completeLessonSchema,
    fields: (form) => ({ slug: form.get("slug") }),
    invalid: "/course",
  },
  async ({ user, input: { slug } }) => {
    const result = await completeLesson(user, slug);
    redirect(`/lessons/${slug}?${result.ok ? "completed" : "refused"}=1#lesson-end`);
  },
);
