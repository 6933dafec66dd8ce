import type { Metadata } from "next";
import { JoinActions, StaticChrome } from "@/components/layout/static-chrome";
import { loadCourseFile } from "@/lib/content/course";
import { loadLessons } from "@/lib/content/lessons";
import { loadQuizzes } from "@/lib/content/quizzes";
import { DEFAULT_COURSE_CONFIG } from "@/lib/course/config";
import { passMarkFor } from "@/lib/course/rules";
import { COURSE_DESCRIPTION, COURSE_TITLE } from "@/lib/course/constants";

export const metadata: Metadata = { title: "About the course" };

// The public syllabus, built from content/ at build time: the same for every visitor,
// so Next.js prerenders it (it is also the benchmark's static-page ceiling).
export const dynamic = "force-static";

export default function AboutPage() {
  const lessons = loadLessons();
  const quizzes = loadQuizzes(lessons);
  const final = quizzes.find((q) => q.kind === "final");
  const minutes = lessons.reduce((sum, l) => sum + l.estimatedMinutes, 0);
  return (
    <StaticChrome>
      <div className="narrow">
        <h1>About {COURSE_TITLE}</h1>
        <p className="lead">{COURSE_DESCRIPTION}</p>
        <p>
          {lessons.length} short lessons (about {Math.round(minutes / 5) * 5} minutes of reading in all), each closed by a quiz,
          then a final assessment. Finish them to become <strong>internship ready</strong> and earn a certificate anyone can
          verify.
        </p>
        <h2>What you will be able to do</h2>
        <ul data-testid="course-objectives">
          {loadCourseFile().objectives.map((o) => (
            <li key={o.id}>{o.text}</li>
          ))}
        </ul>
        <h2>How it works</h2>
        <ul>
          <li>Lessons open in order: finish a lesson and pass its quiz to open the next.</li>
          <li>
            Quizzes are graded on the server. Each lesson quiz allows {quizzes.find((q) => q.kind === "lesson")?.maxAttempts ?? 3}{" "}
            attempts and your best score counts (pass mark {passMarkFor({ kind: "lesson" }, DEFAULT_COURSE_CONFIG)}% unless your instructor
            sets another).
          </li>
          {final && (
            <li>
              The final draws {final.drawCount ?? final.questions.length} questions from a bank of {final.questions.length}
              {final.timeLimitMinutes ? `, with ${final.timeLimitMinutes} minutes to answer` : ""}; pass mark{" "}
              {passMarkFor(final, DEFAULT_COURSE_CONFIG)}%, {final.maxAttempts} attempts.
            </li>
          )}
          <li>Everything works with a keyboard and a screen reader; ask your instructor for extra time if you need it.</li>
        </ul>
        <h2>Syllabus</h2>
        <ol className="syllabus">
          {lessons.map((lesson) => (
            <li key={lesson.slug}>
              <h3>{lesson.title}</h3>
              <p>
                {lesson.summary} <span className="muted">About {lesson.estimatedMinutes} minutes.</span>
              </p>
              <ul>
                {lesson.objectives.map((o) => (
                  <li key={o.id}>{o.text}</li>
                ))}
              </ul>
            </li>
          ))}
        </ol>
        <JoinActions />
      </div>
    </StaticChrome>
  );
}
