import type { Metadata } from "next";
import Link from "next/link";
import { InstructorNav } from "@/components/instructor/nav";
import { rosterHref, SortHeader } from "@/components/instructor/sort-header";
import { notFound } from "next/navigation";
import { allLabelFor, SectionPicker } from "@/components/instructor/section-picker";
import { requireStaff } from "@/lib/auth/session";
import { queryRoster } from "@/lib/roster/query";
import { STATUS_LABELS } from "@/lib/roster/rules";
import { ROSTER_FILTERS, rosterQuerySchema } from "@/lib/roster/schemas";

export const metadata: Metadata = { title: "Roster" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function RosterPage({ searchParams }: Props) {
  const viewer = await requireStaff("/instructor");
  const query = rosterQuerySchema.parse(await searchParams);
  const roster = await queryRoster(viewer, query);
  if (!roster) notFound();
  const { entries, total, pages, quizzes, config, chosen } = roster;
  const shortName = (kind: string, i: number) => (kind === "final" ? "Final" : `Q${i + 1}`);
  return (
    <div>
      <h1>Roster</h1>
      <InstructorNav current="roster" section={chosen.chosen} />
      <SectionPicker action="/instructor" sections={chosen.sections} chosen={chosen.chosen} allLabel={allLabelFor(viewer.role)} />
      {chosen.sections.length === 0 && viewer.role === "instructor" && <p className="alert">You do not teach a section yet. A course coordinator assigns instructors to sections.</p>}
      <form method="get" action="/instructor" className="roster-filters" role="search" aria-label="Students">
        <div className="field">
          <label htmlFor="roster-q">Search by name or email</label>
          <input id="roster-q" name="q" type="search" defaultValue={query.q} maxLength={100} />
        </div>
        <div className="field">
          <label htmlFor="roster-status">Show</label>
          <select id="roster-status" name="status" defaultValue={query.status}>
            {ROSTER_FILTERS.map((f) => (
              <option key={f} value={f}>
                {f === "all" ? "All students" : STATUS_LABELS[f]}
              </option>
            ))}
          </select>
        </div>
        <input type="hidden" name="section" value={query.section} />
        <input type="hidden" name="sort" value={query.sort} />
        <input type="hidden" name="dir" value={query.dir} />
        <button type="submit" className="button">
          Apply
        </button>
      </form>
      <p className="field__hint">
        At risk: not yet ready, and no activity for {config.atRiskInactiveDays} days, two failed attempts on a quiz not yet passed, or a quiz overdue.{" "}
        <a href={`/instructor/gradebook.csv${chosen.chosen !== "all" ? `?section=${encodeURIComponent(chosen.chosen)}` : ""}`} download>
          Export the gradebook (CSV)
        </a>
      </p>
      <p role="status" data-testid="roster-count">
        {total} student{total === 1 ? "" : "s"}
        {query.q ? ` matching “${query.q}”` : ""}
      </p>
      <div className="table-wrap" role="region" aria-label="Roster table" tabIndex={0}>
        <table className="table table--compact">
          <caption className="visually-hidden">Students with progress, best quiz scores and readiness. Column headers sort the table.</caption>
          <thead>
            <tr>
              <SortHeader query={query} sort="name" label="Name" />
              <SortHeader query={query} sort="email" label="Email" />
              <SortHeader query={query} sort="progress" label="Progress" />
              <SortHeader query={query} sort="lessons" label="Lessons" />
              {quizzes.map((q, i) => (
                <SortHeader key={q.id} query={query} sort={`quiz:${q.id}`} label={shortName(q.kind, i)} title={q.title} />
              ))}
              <SortHeader query={query} sort="status" label="Status" />
              <SortHeader query={query} sort="lastActive" label="Last active" />
            </tr>
          </thead>
          <tbody>
            {entries.map((s) => (
              <tr key={s.id}>
                <th scope="row">
                  <Link href={`/instructor/students/${s.id}`}>{s.name}</Link>
                </th>
                <td>{s.email}</td>
                <td>{s.progressPercent}%</td>
                <td>{s.lessonsComplete}</td>
                {quizzes.map((q) => (
                  <td key={q.id}>{s.quizBest[q.id] !== undefined ? `${s.quizBest[q.id]}%` : "—"}</td>
                ))}
                <td>
                  <span className={`pill pill--${s.status}`}>{STATUS_LABELS[s.status]}</span>
                </td>
                <td>{s.lastActiveAt ? s.lastActiveAt.toISOString().slice(0, 10) : "never"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {pages > 1 && (
        <nav aria-label="Roster pages" className="pagination">
          {query.page > 1 && <Link href={rosterHref(query, { page: query.page - 1 })}>Previous</Link>}
          <span>
            Page {query.page} of {pages}
          </span>
          {query.page < pages && <Link href={rosterHref(query, { page: query.page + 1 })}>Next</Link>}
        </nav>
      )}
    </div>
  );
}
