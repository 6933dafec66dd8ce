import type { Metadata } from "next";
import Link from "next/link";
import { BarChart } from "@/components/charts/bar-chart";
import { InstructorNav } from "@/components/instructor/nav";
import { notFound } from "next/navigation";
import { allLabelFor, SectionPicker } from "@/components/instructor/section-picker";
import { requireStaff } from "@/lib/auth/session";
import { sectionParamSchema } from "@/lib/sections/schemas";
import { analyzeObjectives } from "@/lib/items";

export const metadata: Metadata = { title: "Objectives" };

type Props = { searchParams: Promise<{ objective?: string | string[]; section?: string | string[] }> };

export default async function ObjectivesPage({ searchParams }: Props) {
  const viewer = await requireStaff("/instructor/objectives");
  const { objective, section } = await searchParams;
  const chosenObjective = typeof objective === "string" ? objective.slice(0, 100) : undefined;
  const analysis = await analyzeObjectives(viewer, chosenObjective, sectionParamSchema.parse(section));
  if (!analysis) notFound();
  const { objectives, selected, below, belowTotal, threshold, chosen } = analysis;
  const sectionParam = chosen.chosen !== "all" ? `&section=${encodeURIComponent(chosen.chosen)}` : "";
  return (
    <div>
      <h1>Learning objectives</h1>
      <InstructorNav current="objectives" section={chosen.chosen} />
      <SectionPicker action="/instructor/objectives" sections={chosen.sections} chosen={chosen.chosen} allLabel={allLabelFor(viewer.role)} keep={{ objective: chosenObjective }} />
      <p>
        Class mastery is the share of points earned on each objective&apos;s questions across all graded attempts, a measure of the questions. A student
        masters an objective for readiness when their best attempt at each quiz earns {threshold}% of its points; the list of students below uses that rule.
      </p>
      <BarChart title="Class mastery by objective" bars={objectives.map((o) => ({ label: o.id, value: o.mastery }))} />
      <table className="table table--compact">
        <caption>Class mastery by objective</caption>
        <thead>
          <tr>
            <th scope="col">Objective</th>
            <th scope="col">Lesson</th>
            <th scope="col">Mastery</th>
            <th scope="col">Answers graded</th>
          </tr>
        </thead>
        <tbody>
          {objectives.map((o) => (
            <tr key={o.id}>
              <td>
                <Link href={`/instructor/objectives?objective=${encodeURIComponent(o.id)}${sectionParam}#below`}>{o.text}</Link>
              </td>
              <td>{o.lesson}</td>
              <td>{o.mastery === null ? "n/a" : `${Math.round(o.mastery * 100)}%`}</td>
              <td>{o.answers.toLocaleString("en-US")}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {selected && (
        <section id="below" aria-labelledby="below-heading">
          <h2 id="below-heading">Below {threshold}% on “{selected.text}”</h2>
          <p>
            {belowTotal} student{belowTotal === 1 ? "" : "s"}
            {belowTotal > below.length ? ` (first ${below.length} shown)` : ""}.
          </p>
          <ul>
            {below.map((s) => (
              <li key={s.id}>
                <Link href={`/instructor/students/${s.id}`}>{s.name}</Link> ({s.email}): {Math.round(s.mastery * 100)}%
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
