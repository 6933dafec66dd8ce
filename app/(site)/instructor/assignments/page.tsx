import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { BarChart } from "@/components/charts/bar-chart";
import { InstructorNav } from "@/components/instructor/nav";
import { allLabelFor, SectionPicker } from "@/components/instructor/section-picker";
import { requireStaff } from "@/lib/auth/session";
import { criterionDistribution, gradingQueue, listAssignments } from "@/lib/assignments/grading";
import { chooseSections } from "@/lib/sections/scope";
import { sectionParamSchema } from "@/lib/sections/schemas";
import { formatForPerson } from "@/lib/sections/dates";
import { releaseGradesAction } from "./actions";

export const metadata: Metadata = { title: "Written work" };

type Props = { searchParams: Promise<{ section?: string | string[]; assignment?: string | string[]; released?: string; refused?: string }> };

const STATE = { ungraded: "Not graded", held: "Graded, held", released: "Released" } as const;

export default async function GradingQueuePage({ searchParams }: Props) {
  const viewer = await requireStaff("/instructor/assignments");
  const { section, assignment, released, refused } = await searchParams;
  const chosen = await chooseSections(viewer, sectionParamSchema.parse(section));
  if (!chosen) notFound();
  const assignments = await listAssignments();
  const picked = typeof assignment === "string" ? assignments.find((a) => a.id === assignment) ?? null : null;
  const [queue, distribution] = await Promise.all([gradingQueue(viewer, chosen, picked?.id ?? null), picked ? criterionDistribution(viewer, chosen, picked.id) : null]);
  const held = queue.filter((q) => q.state === "held").length;
  return (
    <div>
      <h1>Written work</h1>
      <InstructorNav current="assignments" section={chosen.chosen} />
      <SectionPicker action="/instructor/assignments" sections={chosen.sections} chosen={chosen.chosen} allLabel={allLabelFor(viewer.role)} keep={{ assignment: picked?.id }} />
      <form method="get" action="/instructor/assignments" className="section-picker" aria-label="Choose an assignment">
        <input type="hidden" name="section" value={chosen.chosen} />
        <div className="field">
          <label htmlFor="assignment-picker">Assignment</label>
          <select id="assignment-picker" name="assignment" defaultValue={picked?.id ?? ""}>
            <option value="">Every assignment</option>
            {assignments.map((a) => (
              <option key={a.id} value={a.id}>
                {a.title}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="button button--small">
          Show
        </button>
      </form>
      {released && <p className="alert alert--success" role="status">Released {released} {released === "1" ? "grade" : "grades"}.</p>}
      {refused && <p className="alert alert--error" role="alert">Not every grade could be released: reload the queue and try again.</p>}
      <p>
        Each student’s latest submitted version, ungraded first and then oldest first. Grades stay with you until you release them: per student from the
        grading view, or all at once for one section and assignment.
      </p>
      <table className="table" data-testid="grading-queue">
        <caption>Submissions{picked ? ` for “${picked.title}”` : ""}</caption>
        <thead>
          <tr>
            <th scope="col">Student</th>
            <th scope="col">Assignment</th>
            <th scope="col">Section</th>
            <th scope="col">Submitted</th>
            <th scope="col">State</th>
          </tr>
        </thead>
        <tbody>
          {queue.length === 0 && (
            <tr>
              <td colSpan={5}>Nothing submitted yet.</td>
            </tr>
          )}
          {queue.map((row) => (
            <tr key={row.id}>
              <th scope="row">
                <Link href={`/instructor/assignments/${row.id}`}>{row.who}</Link>
                {row.tryNumber > 1 && <span className="lesson__meta"> (version {row.tryNumber})</span>}
              </th>
              <td>{row.assignmentTitle}</td>
              <td>{row.section ?? "none"}</td>
              <td>
                {formatForPerson(row.submittedAt, row.timeZone, viewer.timeZone)}
                {row.late && <strong className="due due--overdue"> late</strong>}
              </td>
              <td>
                {STATE[row.state]}
                {row.percent !== null && ` (${row.percent}%)`}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {picked && chosen.chosen !== "all" && held > 0 && (
        <form action={releaseGradesAction} className="actions">
          <input type="hidden" name="sectionId" value={chosen.chosen} />
          <input type="hidden" name="assignmentId" value={picked.id} />
          <button type="submit" className="button">
            Release all {held} held {held === 1 ? "grade" : "grades"} for this section
          </button>
        </form>
      )}
      {distribution && (
        <section aria-labelledby="distribution-heading">
          <h2 id="distribution-heading">How the class did on each criterion</h2>
          <p>
            {distribution.graded === 0
              ? "Nothing graded yet: the chart and table of each criterion appear with the first grade."
              : `${distribution.graded} graded ${distribution.graded === 1 ? "submission" : "submissions"} (each student’s latest graded version, held or released).`}
          </p>
          {distribution.graded > 0 && distribution.criteria.map(({ criterion, counts, meanPoints }) => (
            <div key={criterion.id} className="card">
              <h3>{criterion.title}</h3>
              <BarChart
                title={`${criterion.title}: submissions per level`}
                bars={counts.map((c) => ({ label: c.level.title, value: c.count }))}
                max={Math.max(1, ...counts.map((c) => c.count))}
                format={(v) => String(v)}
              />
              <table className="table table--compact">
                <caption>
                  {criterion.title}: submissions per level{meanPoints !== null ? `, mean ${meanPoints} of ${criterion.levels[0].points} points` : ""}
                </caption>
                <thead>
                  <tr>
                    <th scope="col">Level</th>
                    <th scope="col">Points</th>
                    <th scope="col">Submissions</th>
                  </tr>
                </thead>
                <tbody>
                  {counts.map((c) => (
                    <tr key={c.level.id}>
                      <th scope="row">{c.level.title}</th>
                      <td>{c.level.points}</td>
                      <td>{c.count}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ))}
        </section>
      )}
    </div>
  );
}
