import type { Metadata } from "next";
import Link from "next/link";
import { CourseSettingsForm, REVIEW_POLICY_LABELS } from "@/components/instructor/course-settings-form";
import { InstructorNav } from "@/components/instructor/nav";
import { requireStaff } from "@/lib/auth/session";
import { parseCourseConfig } from "@/lib/course/config";
import { getCourse } from "@/lib/course/structure";
import { courseSettingsAction } from "./actions";

export const metadata: Metadata = { title: "Course settings" };

export default async function CourseSettingsPage() {
  const viewer = await requireStaff("/instructor/settings");
  const config = parseCourseConfig((await getCourse()).config);
  const b = config.sectionBounds;
  return (
    <div>
      <h1>Course settings</h1>
      <InstructorNav current="settings" />
      <p>
        The course&rsquo;s defaults apply in every section. Each section&rsquo;s instructors may choose their own pass marks, attempts, time limits,
        review policy and sign-off on the section&rsquo;s page, within the bounds below.
      </p>
      {viewer.role === "coordinator" && (
        <p>
          To open Casebook from the college&rsquo;s LMS, register it under <Link href="/instructor/lti">LMS (LTI 1.3)</Link>.
        </p>
      )}
      {viewer.role === "coordinator" ? (
        <CourseSettingsForm
          action={courseSettingsAction}
          requireInstructorSignOff={config.requireInstructorSignOff}
          signOffChoice={b.signOffChoice}
          reviewPolicies={b.reviewPolicies}
          current={{
            lessonPassPercent: String(config.lessonPassPercent),
            finalPassPercent: String(config.finalPassPercent),
            objectiveMasteryPercent: String(config.objectiveMasteryPercent),
            atRiskInactiveDays: String(config.atRiskInactiveDays),
            writtenWorkPercent: config.writtenWorkPercent === null ? "" : String(config.writtenWorkPercent),
            passMin: String(b.passPercent.min),
            passMax: String(b.passPercent.max),
            attemptsMin: String(b.maxAttempts.min),
            attemptsMax: String(b.maxAttempts.max),
            timeMin: String(b.timeLimitMinutes.min),
            timeMax: String(b.timeLimitMinutes.max),
          }}
        />
      ) : (
        <dl className="summary-list" data-testid="course-settings-read-only">
          <dt>Pass marks</dt>
          <dd>
            Lesson quizzes {config.lessonPassPercent}%, final {config.finalPassPercent}%; a section may choose {b.passPercent.min}% to {b.passPercent.max}%.
          </dd>
          <dt>Attempts</dt>
          <dd>
            A section may allow {b.maxAttempts.min} to {b.maxAttempts.max} per quiz.
          </dd>
          <dt>Time limits</dt>
          <dd>
            {b.timeLimitMinutes.min} to {b.timeLimitMinutes.max} minutes.
          </dd>
          <dt>Review policies</dt>
          <dd>{b.reviewPolicies.map((p) => REVIEW_POLICY_LABELS[p]).join("; ")}</dd>
          <dt>Sign-off</dt>
          <dd>
            {config.requireInstructorSignOff ? "Required" : "Not required"} by default; {b.signOffChoice ? "each section may decide." : "the coordinator decides for every section."}
          </dd>
          <dt>Written work</dt>
          <dd>{config.writtenWorkPercent === null ? "Does not count toward readiness." : `At least ${config.writtenWorkPercent}% on each assignment for readiness.`}</dd>
          <dt>Mastery and risk</dt>
          <dd>
            Mastery at {config.objectiveMasteryPercent}%; at risk after {config.atRiskInactiveDays} days without activity.
          </dd>
        </dl>
      )}
    </div>
  );
}
