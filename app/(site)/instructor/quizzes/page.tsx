import type { Metadata } from "next";
import Link from "next/link";
import { InstructorNav } from "@/components/instructor/nav";
import { notFound } from "next/navigation";
import { allLabelFor, SectionPicker } from "@/components/instructor/section-picker";
import { requireStaff } from "@/lib/auth/session";
import { sectionParamSchema } from "@/lib/sections/schemas";
import { listQuizzesForAnalysis } from "@/lib/items";

export const metadata: Metadata = { title: "Item analysis" };

export default async function QuizzesPage({ searchParams }: { searchParams: Promise<{ section?: string | string[] }> }) {
  const viewer = await requireStaff("/instructor/quizzes");
  const listed = await listQuizzesForAnalysis(viewer, sectionParamSchema.parse((await searchParams).section));
  if (!listed) notFound();
  const { quizzes, chosen } = listed;
  const suffix = chosen.chosen !== "all" ? `?section=${encodeURIComponent(chosen.chosen)}` : "";
  return (
    <div>
      <h1>Item analysis</h1>
      <InstructorNav current="items" section={chosen.chosen} />
      <SectionPicker action="/instructor/quizzes" sections={chosen.sections} chosen={chosen.chosen} allLabel={allLabelFor(viewer.role)} />
      <p>Choose a quiz to see which questions are too hard, too easy or misleading.</p>
      <ul className="link-list">
        {quizzes.map((q) => (
          <li key={q.id}>
            <Link href={`/instructor/quizzes/${q.slug}${suffix}`}>{q.title}</Link> · {q.gradedAttempts} graded attempts
          </li>
        ))}
      </ul>
    </div>
  );
}
