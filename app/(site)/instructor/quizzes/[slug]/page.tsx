import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { BarChart } from "@/components/charts/bar-chart";
import { InstructorNav } from "@/components/instructor/nav";
import { allLabelFor, SectionPicker } from "@/components/instructor/section-picker";
import { requireStaff } from "@/lib/auth/session";
import { sectionParamSchema } from "@/lib/sections/schemas";
import { analyzeQuiz } from "@/lib/items";
import { FLAG_LABELS, LOW_DISCRIMINATION, MIN_RESPONSES, TOO_EASY, TOO_HARD } from "@/lib/items/stats";

export const metadata: Metadata = { title: "Item analysis" };

const pct = (v: number | null) => (v === null ? "n/a" : `${Math.round(v * 100)}%`);
const dec = (v: number | null) => (v === null ? "n/a" : v.toFixed(2));

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<{ section?: string | string[] }> };

export default async function QuizAnalysisPage({ params, searchParams }: Props) {
  const viewer = await requireStaff("/instructor/quizzes");
  const { slug } = await params;
  const section = sectionParamSchema.parse((await searchParams).section);
  const analysis = /^[a-z0-9-]{1,80}$/.test(slug) ? await analyzeQuiz(viewer, slug, section) : null;
  if (!analysis) notFound();
  const { quiz, items, attempts, averagePercent, chosen } = analysis;
  return (
    <div className="analysis">
      <p className="breadcrumb">
        <Link href={`/instructor/quizzes${chosen.chosen !== "all" ? `?section=${encodeURIComponent(chosen.chosen)}` : ""}`}>Item analysis</Link>
      </p>
      <h1>{quiz.title}</h1>
      <InstructorNav current="items" section={chosen.chosen} />
      <SectionPicker action={`/instructor/quizzes/${quiz.slug}`} sections={chosen.sections} chosen={chosen.chosen} allLabel={allLabelFor(viewer.role)} />
      <p>
        {attempts} graded attempts{averagePercent !== null ? `, average ${Math.round(averagePercent)}%` : ""}. Facility is the share of the item&apos;s points earned; discrimination is the
        correlation between the item and the rest of the attempt (point-biserial). Flags: too easy at {TOO_EASY * 100}% or more, too hard at {TOO_HARD * 100}% or less, weak discrimination
        below {LOW_DISCRIMINATION}; under {MIN_RESPONSES} responses the numbers are marked insufficient.
      </p>
      <h2 id="facility-heading">Facility by question</h2>
      <BarChart title="Facility by question" bars={items.map((i) => ({ label: `Q${i.number}`, value: i.facility }))} />
      <div className="table-wrap" role="region" aria-labelledby="items-caption" tabIndex={0}>
        <table className="table table--compact" data-testid="item-table">
          <caption id="items-caption">Question statistics</caption>
          <thead>
            <tr>
              <th scope="col">#</th>
              <th scope="col">Question</th>
              <th scope="col">N</th>
              <th scope="col">Facility</th>
              <th scope="col">Discrimination</th>
              <th scope="col">Flags</th>
            </tr>
          </thead>
          <tbody>
            {items.map((i) => (
              <tr key={i.id}>
                <td>Q{i.number}</td>
                <td>{i.prompt}</td>
                <td>{i.n}</td>
                <td>{pct(i.facility)}</td>
                <td>{dec(i.discrimination)}</td>
                <td>{i.flags.length ? i.flags.map((f) => FLAG_LABELS[f]).join("; ") : "None"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h2>Option choices</h2>
      {items
        .filter((i) => i.options.length > 0)
        .map((i) => {
          const total = i.options.reduce((s, o) => s + o.count, 0) || 1;
          return (
            <section key={i.id} className="card" aria-labelledby={`opt-${i.id}`}>
              <h3 id={`opt-${i.id}`}>
                Q{i.number}: {i.prompt}
              </h3>
              <BarChart title={`How often each option of Q${i.number} was chosen`} bars={i.options.map((o, k) => ({ label: `${String.fromCharCode(65 + k)}${o.isKey ? " (key)" : ""}`, value: o.count / total, highlight: o.isKey }))} />
              <table className="table table--compact">
                <caption className="visually-hidden">Option choices for question {i.number}</caption>
                <thead>
                  <tr>
                    <th scope="col">Option</th>
                    <th scope="col">Text</th>
                    <th scope="col">Chosen</th>
                  </tr>
                </thead>
                <tbody>
                  {i.options.map((o, k) => (
                    <tr key={o.id}>
                      <td>
                        {String.fromCharCode(65 + k)}
                        {o.isKey ? " (key)" : ""}
                      </td>
                      <td>{o.text}</td>
                      <td>{o.count}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </section>
          );
        })}
    </div>
  );
}
