import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ContinueLink } from "@/components/course/continue-link";
import { requireUser } from "@/lib/auth/session";
import { renderMarkdown } from "@/lib/content/markdown";
import { getLessonView } from "@/lib/progress";
import { lessonSlugSchema } from "@/lib/progress/schemas";
import { completeLessonAction } from "./actions";

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<{ completed?: string; refused?: string }> };

export const metadata: Metadata = { title: "Lesson" };

export default async function LessonPage({ params, searchParams }: Props) {
  const { slug } = await params;
  const user = await requireUser(`/lessons/${slug}`);
  const parsed = lessonSlugSchema.safeParse(slug);
  if (!parsed.success) notFound();
  const view = await getLessonView(user, parsed.data);
  if (view.state === "missing") notFound();
  if (view.state === "locked") {
    return (
      <div className="narrow">
        <p className="breadcrumb">
          <Link href="/course">Course outline</Link>
        </p>
        <h1>This lesson is locked</h1>
        <p>
          <strong>{view.title}</strong> opens when you finish the steps before it. {view.reason}
        </p>
        <p>
          <Link href={view.href} className="button">
            Go to what to finish first
          </Link>
        </p>
      </div>
    );
  }

  const { lesson, outline, completedAt } = view;
  const { refused } = await searchParams;
  const objectives = JSON.parse(lesson.objectives) as { id: string; text: string }[];
  const lessonCount = outline.steps.filter((s) => s.kind === "lesson").length;
  return (
    <article className="lesson" aria-labelledby="lesson-title">
      <p className="breadcrumb">
        <Link href="/course">Course outline</Link> <span aria-hidden="true">›</span> Lesson {lesson.position} of {lessonCount}
      </p>
      <h1 id="lesson-title">{lesson.title}</h1>
      <p className="lesson__meta">About {lesson.estimatedMinutes} minutes</p>
      <section className="objectives" aria-labelledby="objectives-heading">
        <h2 id="objectives-heading">In this lesson you will</h2>
        <ul>
          {objectives.map((o) => (
            <li key={o.id}>{o.text}</li>
          ))}
        </ul>
      </section>
      <div className="prose" dangerouslySetInnerHTML={{ __html: renderMarkdown(lesson.body, lesson.contentHash) }} />
      <section id="lesson-end" className="lesson-end card" aria-labelledby="lesson-end-heading" tabIndex={-1}>
        <h2 id="lesson-end-heading">{completedAt ? "Lesson complete" : "Finished reading?"}</h2>
        {refused && <p className="alert alert--error">We could not record that. Reload the page and try again.</p>}
        {user.role !== "student" ? (
          <p>Students mark lessons complete here. As an instructor you are previewing.</p>
        ) : completedAt ? (
          <>
            <p data-testid="lesson-complete">
              <span aria-hidden="true">✓ </span>You completed this lesson on{" "}
              <time dateTime={completedAt.toISOString()}>{completedAt.toLocaleDateString("en-US", { dateStyle: "long" })}</time>.
            </p>
            <ContinueLink outline={outline} />
          </>
        ) : (
          <form action={completeLessonAction}>
            <input type="hidden" name="slug" value={lesson.slug} />
            <p>Mark the lesson complete to record your progress and unlock what comes next.</p>
            <button type="submit" className="button">
              Mark lesson complete
            </button>
          </form>
        )}
      </section>
    </article>
  );
}
