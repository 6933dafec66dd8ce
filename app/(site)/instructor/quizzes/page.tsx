import type { Metadata } from "next";
import Link from "next/link";
import { InstructorNav } from "@/components/instructor/nav";
import { requireRole } from "@/lib/auth/session";
import { listQuizzesForAnalysis } from "@/lib/items";

export const metadata: Metadata = { title: "Item analysis" };

export default async function QuizzesPage() {
  const viewer = await requireRole("instructor", "/instructor/quizzes");
  const quizzes = await listQuizzesForAnalysis(viewer);
  return (
    <div>
      <h1>Item analysis</h1>
      <InstructorNav current="items" />
      <p>Choose a quiz to see which questions are too hard, too easy or misleading.</p>
      <ul className="link-list">
        {quizzes.map((q) => (
          <li key={q.id}>
            <Link href={`/instructor/quizzes/${q.slug}`}>{q.title}</Link> · {q.gradedAttempts} graded attempts
          </li>
        ))}
      </ul>
    </div>
  );
}
