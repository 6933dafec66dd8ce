import Link from "next/link";
import type { Outline } from "@/lib/progress/outline";

export function ContinueLink({ outline }: { outline: Outline }) {
  if (!outline.next) return <p className="done-note">You have finished every lesson and quiz in this course.</p>;
  const verb = outline.completed === 0 && outline.next.status === "available" ? "Start" : "Continue";
  return (
    <Link href={outline.next.href} className="button" data-testid="continue">
      {verb}: {outline.next.title}
    </Link>
  );
}
