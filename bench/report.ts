// Renders bench/results/latest.md from the measured numbers, with the targets the
// project works toward (issue 7) and whether each was met.
import type { LoadResult } from "./support/load";
import type { Latency } from "./support/stats";

type Phase = {
  seeded: { students: number; attempts: number; answers: number; seconds: number };
  pages: Record<string, string>;
  staticPage: LoadResult;
  studentPages: Record<"lesson" | "outline" | "quiz", LoadResult>;
  instructorPages: Record<string, Latency & { bytes: number }>;
  javascript: { path: string; scripts: number; rawKb: number; gzipKb: number }[];
  lighthouse: { path: string; performance: number; accessibility: number; lcpMs: number; tbtMs: number; cls: number; accessibilityFailures: string[] }[] | null;
  finalClass: { students: number; startWindowSeconds: number; thinkSeconds: [number, number]; wallSeconds: number; start: Latency; save: Latency; submit: Latency; errors: number; errorSamples: string[]; submitted: number; gradedAttemptsStored: number };
};

export type Report = {
  date: string;
  commit: string;
  machine: { cpus: number; cpuModel: string; memoryGb: number; node: string };
  options: { students: number; finalClass: number; seconds: number };
  bareHttp: LoadResult;
  sqlite: Phase;
  postgres: Phase | null;
  postgresNote: string | null;
  totalSeconds: number;
};

const ms = (n: number) => (Number.isFinite(n) ? n.toFixed(n < 10 ? 1 : 0) : "–");
const mark = (ok: boolean) => (ok ? "met" : "**not met**");

export function renderReport(report: Report): string {
  const phases = [["SQLite", report.sqlite], ...(report.postgres ? [["PostgreSQL", report.postgres]] : [])] as [string, Phase][];
  const lines: string[] = [];
  const p = (line = "") => lines.push(line);
  p(`# Casebook benchmark`);
  p();
  p(`${report.date.slice(0, 16).replace("T", " ")} UTC · commit ${report.commit} · ${report.machine.cpus} × ${report.machine.cpuModel}, ${report.machine.memoryGb} GiB · Node ${report.machine.node} · load generator on the same machine · ${report.totalSeconds} s in all`);
  p();
  const seeded = report.sqlite.seeded;
  p(`Class: ${seeded.students.toLocaleString("en-US")} students, ${seeded.attempts.toLocaleString("en-US")} graded attempts, ${seeded.answers.toLocaleString("en-US")} answers (seeded in ${seeded.seconds.toFixed(0)} s on SQLite${report.postgres ? `, ${report.postgres.seeded.seconds.toFixed(0)} s on PostgreSQL` : ""}).`);
  p();
  p(`## Targets`);
  p();
  p(`| target | ${phases.map(([name]) => name).join(" | ")} |`);
  p(`|---|${phases.map(() => "---").join("|")}|`);
  const row = (label: string, cell: (phase: Phase) => string) => p(`| ${label} | ${phases.map(([, phase]) => cell(phase)).join(" | ")} |`);
  row("signed-in lesson page ≥ 0.5 × bare Next page req/s", (x) => {
    const ratio = x.studentPages.lesson.requestsPerSecond / x.staticPage.requestsPerSecond;
    return `${ratio.toFixed(2)} (${mark(ratio >= 0.5)})`;
  });
  row(`submit p99 ≤ 250 ms, ${report.options.finalClass} students`, (x) => `${ms(x.finalClass.submit.p99)} ms (${mark(x.finalClass.submit.p99 <= 250)})`);
  row("roster ≤ 300 ms at 10,000 students (slowest roster case, p95)", (x) => {
    const worst = Math.max(...Object.entries(x.instructorPages).filter(([k]) => k.startsWith("roster")).map(([, v]) => v.p95));
    return `${ms(worst)} ms (${mark(worst <= 300)})`;
  });
  row("lesson first-load JS ≤ 110 kB gzipped", (x) => {
    const lesson = x.javascript.find((j) => j.path === x.pages.lesson)!;
    return `${lesson.gzipKb} kB (${mark(lesson.gzipKb <= 110)})`;
  });
  row("final class: errors (must be 0)", (x) => `${x.finalClass.errors} (${mark(x.finalClass.errors === 0)})`);
  p();
  p(`## Pages under load (${report.options.seconds} s each, 50 connections)`);
  p();
  p(`| page | database | req/s | p50 ms | p99 ms | × bare Next page | non-2xx | errors |`);
  p(`|---|---|---:|---:|---:|---:|---:|---:|`);
  const b = report.bareHttp;
  p(`| bare Node \`http\` (ceiling) | – | ${b.requestsPerSecond} | ${b.p50} | ${b.p99} | – | ${b.non2xx} | ${b.errors} |`);
  for (const [name, x] of phases) {
    const base = x.staticPage.requestsPerSecond;
    p(`| bare static Next page \`/about\` (ceiling) | ${name} | ${base} | ${x.staticPage.p50} | ${x.staticPage.p99} | 1.00 | ${x.staticPage.non2xx} | ${x.staticPage.errors} |`);
    for (const [label, key] of [["signed-in lesson page", "lesson"], ["course outline", "outline"], ["quiz page (20-question final attempt)", "quiz"]] as const) {
      const r = x.studentPages[key];
      p(`| ${label} | ${name} | ${r.requestsPerSecond} | ${r.p50} | ${r.p99} | ${(r.requestsPerSecond / base).toFixed(2)} | ${r.non2xx} | ${r.errors} |`);
    }
  }
  p();
  p(`## A class takes the final together`);
  p();
  const c0 = report.sqlite.finalClass;
  p(`${c0.students} students start within ${c0.startWindowSeconds} s, autosave each of 20 answers after ${c0.thinkSeconds[0]}–${c0.thinkSeconds[1]} s of thinking (a real exam thinks ~10× longer, so this is a compressed, harsher load), then submit.`);
  p();
  p(`| database | request | count | p50 ms | p95 ms | p99 ms | max ms |`);
  p(`|---|---|---:|---:|---:|---:|---:|`);
  for (const [name, x] of phases)
    for (const kind of ["start", "save", "submit"] as const) {
      const l = x.finalClass[kind];
      p(`| ${name} | ${kind} | ${l.count} | ${ms(l.p50)} | ${ms(l.p95)} | ${ms(l.p99)} | ${ms(l.max)} |`);
    }
  p();
  for (const [name, x] of phases)
    p(`${name}: ${x.finalClass.errors} errors, ${x.finalClass.submitted} submissions answered, ${x.finalClass.gradedAttemptsStored} graded attempts stored, ${x.finalClass.wallSeconds} s wall.${x.finalClass.errorSamples.length ? ` Errors: ${x.finalClass.errorSamples.join("; ")}` : ""}`);
  p();
  p(`## Instructor pages at ${seeded.students.toLocaleString("en-US")} students (one instructor, sequential, full page)`);
  p();
  p(`| page | ${phases.map(([name]) => `${name} p50 ms | ${name} p95 ms`).join(" | ")} |`);
  p(`|---|${phases.map(() => "---:|---:").join("|")}|`);
  for (const label of Object.keys(report.sqlite.instructorPages))
    p(`| ${label} | ${phases.map(([, x]) => `${ms(x.instructorPages[label]?.p50)} | ${ms(x.instructorPages[label]?.p95)}`).join(" | ")} |`);
  p();
  p(`## First-load JavaScript (every script the served page loads, gzip -9)`);
  p();
  p(`| page | scripts | raw kB | gzipped kB |`);
  p(`|---|---:|---:|---:|`);
  for (const j of report.sqlite.javascript) p(`| \`${j.path.replace(/attempts\/[^/]+$/, "attempts/<id>")}\` | ${j.scripts} | ${j.rawKb} | ${j.gzipKb} |`);
  if (report.sqlite.lighthouse) {
    p();
    p(`## Lighthouse 12.2.3 (Debian Chromium, mobile profile, simulated throttling)`);
    p();
    p(`| page | performance | accessibility | LCP ms | TBT ms | CLS |`);
    p(`|---|---:|---:|---:|---:|---:|`);
    for (const l of report.sqlite.lighthouse) p(`| \`${l.path.replace(/attempts\/[^/]+$/, "attempts/<id>")}\` | ${l.performance} | ${l.accessibility} | ${l.lcpMs} | ${l.tbtMs} | ${l.cls} |`);
  }
  if (report.postgresNote) {
    p();
    p(`PostgreSQL: ${report.postgresNote}.`);
  }
  p();
  return lines.join("\n");
}
