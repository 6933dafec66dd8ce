// Renders bench/results/latest.md from the measured numbers, with the targets the
// project works toward (issue 13) and whether each was met.
import type { LoadResult } from "./support/load";
import type { Latency } from "./support/stats";

/** Every case loaded, in the order the tables show them. */
const CASES = [
  ["about", "prerendered `/about` (static ceiling)"],
  ["emptyDynamic", "empty dynamic page (floor)"],
  ["emptySignedIn", "empty signed-in page (floor)"],
  ["emptySignedInRoute", "empty signed-in route handler (floor)"],
  ["outline", "course outline"],
  ["lesson", "lesson page"],
  ["quizLanding", "quiz landing page (lesson quiz)"],
  ["finalAttempt", "final attempt page (20 questions)"],
] as const;
type CaseKey = (typeof CASES)[number][0];

type Phase = {
  seeded: { students: number; attempts: number; answers: number; seconds: number };
  pages: Record<CaseKey, string>;
  loaded: Record<CaseKey, LoadResult>;
  instructorPages: Record<string, Latency & { bytes: number }>;
  javascript: { path: string; scripts: number; rawKb: number; gzipKb: number }[];
  lighthouse: { path: string; performance: number; accessibility: number; lcpMs: number; tbtMs: number; cls: number; accessibilityFailures: string[] }[] | null;
  /** Consecutive runs of the final, each with its own class. */
  finalRuns: FinalRun[];
};

type FinalRun = { students: number; startWindowSeconds: number; thinkSeconds: [number, number]; wallSeconds: number; start: Latency; save: Latency; submit: Latency; errors: number; errorSamples: string[]; submitted: number; gradedAttemptsStored: number };

export type Report = {
  date: string;
  commit: string;
  machine: { cpus: number; cpuModel: string; memoryGb: number; node: string };
  options: { students: number; finalClass: number; finalRuns: number; seconds: number; rounds: number };
  bareHttp: LoadResult;
  sqlite: Phase;
  postgres: Phase | null;
  postgresNote: string | null;
  totalSeconds: number;
};

const ms = (n: number) => (Number.isFinite(n) ? n.toFixed(n < 10 ? 1 : 0) : "–");
const cpu = (n: number | null) => (n === null ? "–" : n.toFixed(2));
const times = (a: number | null, b: number | null) => (a === null || b === null || b === 0 ? "–" : (a / b).toFixed(2));
const mark = (ok: boolean | null) => (ok === null ? "not measured" : ok ? "met" : "**not met**");

type Target = [label: string, measured: string, ok: boolean | null];

/** The issue's targets, each with what this run measured on one database. */
function targets(x: Phase): Target[] {
  const floor = x.loaded.emptyDynamic.cpuMsPerRequest;
  const cpuTarget = (key: CaseKey, label: string, limit: number): Target => {
    const own = x.loaded[key].cpuMsPerRequest;
    const ratio = own === null || floor === null ? null : own / floor;
    return [`${label} CPU/request ≤ ${limit} × the empty dynamic page's`, `${times(own, floor)} × (${cpu(own)} ms vs ${cpu(floor)} ms)`, ratio === null ? null : ratio <= limit];
  };
  const slowest = (prefix: string) => Math.max(...Object.entries(x.instructorPages).filter(([k]) => k.startsWith(prefix)).map(([, v]) => v.p95));
  const gradebook = Object.entries(x.instructorPages).find(([k]) => k.startsWith("gradebook"))?.[1].p95 ?? NaN;
  const runs = x.finalRuns;
  const n = runs[0].students;
  const students = `${n === 500 ? "500-student final" : `final, ${n} students (the target is for 500)`}, each of ${runs.length} runs`;
  const each = (pick: (r: FinalRun) => number) => runs.map((r) => ms(pick(r))).join(" / ");
  const js = (path: string) => x.javascript.find((j) => j.path === path)?.gzipKb ?? NaN;
  const [lessonJs, aboutJs] = [js(x.pages.lesson), js(x.pages.about)];
  return [
    cpuTarget("lesson", "lesson page", 1.5),
    cpuTarget("outline", "course outline", 1.5),
    cpuTarget("quizLanding", "quiz landing page", 1.5),
    cpuTarget("finalAttempt", "final attempt page", 1.5),
    cpuTarget("emptySignedIn", "empty signed-in page", 1.2),
    [`${students}: start p99 ≤ 500 ms`, `${each((r) => r.start.p99)} ms`, runs.every((r) => r.start.p99 <= 500)],
    [`${students}: submit p99 ≤ 250 ms`, `${each((r) => r.submit.p99)} ms`, runs.every((r) => r.submit.p99 <= 250)],
    [
      `${students}: 0 errors, every submission stored`,
      runs.map((r) => `${r.errors} errors, ${r.gradedAttemptsStored} of ${r.students} stored`).join(" / "),
      runs.every((r) => r.errors === 0 && r.submitted === r.students && r.gradedAttemptsStored === r.students),
    ],
    [`roster p95 ≤ 300 ms at ${x.seeded.students.toLocaleString("en-US")} students (slowest roster case)`, `${ms(slowest("roster"))} ms`, slowest("roster") <= 300],
    ["item analysis p95 ≤ 700 ms (slower quiz)", `${ms(slowest("item analysis"))} ms`, slowest("item analysis") <= 700],
    ["one section of 200: roster p95 ≤ 300 ms (slowest roster case)", `${ms(slowest("section: roster"))} ms`, slowest("section: roster") <= 300],
    ["one section of 200: item analysis p95 ≤ 700 ms (slower quiz)", `${ms(slowest("section: item analysis"))} ms`, slowest("section: item analysis") <= 700],
    ["full gradebook CSV p95 ≤ 1 s", `${ms(gradebook)} ms`, gradebook <= 1000],
    ["lesson first-load JS ≤ `/about`'s + 10 kB (gzipped)", `${lessonJs} kB vs ${aboutJs} kB (+${(lessonJs - aboutJs).toFixed(1)})`, lessonJs <= aboutJs + 10],
  ];
}

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
  for (const [name, x] of phases) {
    p();
    p(`## Targets: ${name}`);
    p();
    p(`| target | measured | result |`);
    p(`|---|---|---|`);
    for (const [label, measured, ok] of targets(x)) p(`| ${label} | ${measured} | ${mark(ok)} |`);
  }
  p();
  const { seconds, rounds } = report.options;
  p(`## Pages under load (${seconds} s each in ${rounds} rounds taken in rotation, 50 connections)`);
  p();
  p(`CPU ms/req: the server process's user + system time over a case's rounds, divided by the requests it answered${report.postgres ? " (PostgreSQL's own processes are not in it)" : ""}. The last three columns compare each case with the static ceiling (req/s) and with the two floors (CPU).`);
  p();
  p(`| case | database | req/s | p50 ms | p99 ms | CPU ms/req | req/s × \`/about\` | CPU × empty dynamic | CPU × empty signed-in | non-2xx | errors |`);
  p(`|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|`);
  const b = report.bareHttp;
  p(`| bare Node \`http\` (ceiling) | – | ${b.requestsPerSecond} | ${ms(b.p50)} | ${ms(b.p99)} | ${cpu(b.cpuMsPerRequest)} | – | – | – | ${b.non2xx} | ${b.errors} |`);
  for (const [name, x] of phases) {
    const about = x.loaded.about.requestsPerSecond;
    const [dynamicFloor, signedInFloor] = [x.loaded.emptyDynamic.cpuMsPerRequest, x.loaded.emptySignedIn.cpuMsPerRequest];
    for (const [key, label] of CASES) {
      const r = x.loaded[key];
      p(`| ${label} | ${name} | ${r.requestsPerSecond} | ${ms(r.p50)} | ${ms(r.p99)} | ${cpu(r.cpuMsPerRequest)} | ${times(r.requestsPerSecond, about)} | ${times(r.cpuMsPerRequest, dynamicFloor)} | ${times(r.cpuMsPerRequest, signedInFloor)} | ${r.non2xx} | ${r.errors} |`);
    }
  }
  p();
  p(`## A class takes the final together`);
  p();
  const c0 = report.sqlite.finalRuns[0];
  p(`${c0.students} students start within ${c0.startWindowSeconds} s, autosave each of 20 answers after ${c0.thinkSeconds[0]}–${c0.thinkSeconds[1]} s of thinking (a real exam thinks ~10× longer, so this is a compressed, harsher load), then submit; ${report.sqlite.finalRuns.length} consecutive runs on the same server, each with a class that has not taken the final.`);
  p();
  p(`| database | run | request | count | p50 ms | p95 ms | p99 ms | max ms |`);
  p(`|---|---:|---|---:|---:|---:|---:|---:|`);
  for (const [name, x] of phases)
    x.finalRuns.forEach((run, i) => {
      for (const kind of ["start", "save", "submit"] as const) {
        const l = run[kind];
        p(`| ${name} | ${i + 1} | ${kind} | ${l.count} | ${ms(l.p50)} | ${ms(l.p95)} | ${ms(l.p99)} | ${ms(l.max)} |`);
      }
    });
  p();
  for (const [name, x] of phases)
    x.finalRuns.forEach((run, i) =>
      p(`${name}, run ${i + 1}: ${run.errors} errors, ${run.submitted} submissions answered, ${run.gradedAttemptsStored} graded attempts stored, ${run.wallSeconds} s wall.${run.errorSamples.length ? ` Errors: ${run.errorSamples.join("; ")}` : ""}`),
    );
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
