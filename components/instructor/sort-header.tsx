import Link from "next/link";
import type { RosterQuery } from "@/lib/roster/schemas";

export function rosterHref(query: RosterQuery, change: Partial<RosterQuery>) {
  const next = { ...query, ...change };
  const params = new URLSearchParams();
  if (next.q) params.set("q", next.q);
  if (next.status !== "all") params.set("status", next.status);
  if (next.sort !== "name") params.set("sort", next.sort);
  if (next.dir !== "asc") params.set("dir", next.dir);
  if (next.page > 1) params.set("page", String(next.page));
  if (next.section !== "all") params.set("section", next.section);
  const search = params.toString();
  return `/instructor${search ? `?${search}` : ""}`;
}

/** A column header that sorts by its column; announces the current order (aria-sort). */
export function SortHeader({ query, sort, label, title }: { query: RosterQuery; sort: string; label: string; title?: string }) {
  const active = query.sort === sort;
  const nextDir = active && query.dir === "asc" ? "desc" : "asc";
  return (
    <th scope="col" aria-sort={active ? (query.dir === "asc" ? "ascending" : "descending") : undefined}>
      <Link href={rosterHref(query, { sort, dir: nextDir, page: 1 })} title={title}>
        {label}
        <span aria-hidden="true">{active ? (query.dir === "asc" ? " ▲" : " ▼") : ""}</span>
        <span className="visually-hidden">, sort {nextDir === "asc" ? "ascending" : "descending"}</span>
      </Link>
    </th>
  );
}
