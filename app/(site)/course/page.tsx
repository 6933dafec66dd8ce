import type { Metadata } from "next";
import Link from "next/link";
import { ContinueLink } from "@/components/course/continue-link";
import { OutlineList } from "@/components/course/outline-list";
import { ProgressMeter } from "@/components/course/progress-meter";
import { requireUser } from "@/lib/auth/session";
import { COURSE_DESCRIPTION, COURSE_TITLE } from "@/lib/course/constants";
import { getDueLabels, getOutline } from "@/lib/progress";
import { getReadiness } from "@/lib/readiness";
import { getOwnAssignmentList } from "@/lib/assignments/student";

export const metadata: Metadata = { title: "Course outline" };

export default async function CoursePage() {
  const user = await requireUser("/course");
  const outline = await getOutline(user);
  const readiness = user.role === "student" ? await getReadiness(user) : null;
  const [due, assignments] = await Promise.all([getDueLabels(user), getOwnAssignmentList(user)]);
  const lessonTitles = new Map(outline.steps.filter((s) => s.kind === "lesson").map((s) => [s.id, s.title]));
  return (
    <div className="course">
      <h1>{COURSE_TITLE}</h1>
      <p className="lead">{COURSE_DESCRIPTION}</p>
      <section aria-labelledby="progress-heading" className="card">
        <h2 id="progress-heading" className="visually-hidden">
          Your progress
        </h2>
        {user.role === "student" ? (
          <ProgressMeter percent={outline.percent} completed={outline.completed} total={outline.total} minutesLeft={outline.minutesLeft} />
        ) : (
          <p>You are previewing the course as an instructor: every step is open and nothing is recorded.</p>
        )}
        <ContinueLink outline={outline} />
      </section>
      {readiness && (
        <section aria-labelledby="readiness-heading" className="card" data-testid="outline-readiness">
          <h2 id="readiness-heading">Internship readiness</h2>
          {readiness.reachedAt ? (
            <p>
              <strong>You are internship ready.</strong> <Link href="/certificate">View your certificate</Link>.
            </p>
          ) : (
            <p>
              {readiness.requirements.filter((r) => r.met).length} of {readiness.requirements.length} requirements met.{" "}
              <Link href="/readiness">See the checklist</Link>.
            </p>
          )}
        </section>
      )}
      <section aria-labelledby="outline-heading">
        <h2 id="outline-heading">Course outline</h2>
        <p>
          Lessons open in order: finish a lesson and pass its quiz to unlock the next. Look up terms in the{" "}
          <Link href="/glossary">glossary</Link>.
        </p>
        <OutlineList steps={outline.steps} due={due} />
      </section>
      {assignments.length > 0 && (
        <section aria-labelledby="written-heading">
          <h2 id="written-heading">Written assignments</h2>
          <p>Your instructor grades these with a rubric you can read before you start. Each opens once you complete the lesson it follows.</p>
          <ul className="outline">
            {assignments.map((a) => (
              <li key={a.id} className="outline__step" data-testid={`assignment-${a.slug}`}>
                <h3 className="outline__title">
                  <Link href={`/assignments/${a.slug}`}>{a.title}</Link>
                </h3>
                <p className="outline__meta">
                  After “{lessonTitles.get(a.afterLessonId) ?? "its lesson"}”{user.role === "student" ? ` · ${a.state}` : ""}
                </p>
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
