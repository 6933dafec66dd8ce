// `npm run bench:instructor -- [--database file:./data/synthetic.db] [--runs 20]`
// Latency of the instructor's heaviest reads on a synthetic class (seed it first with
// `npm run seed:synthetic -- --students 10000`). A measurement, not a test.
import { parseArgs } from "node:util";
import { percentile } from "./support/stats";

const { values } = parseArgs({ options: { database: { type: "string" }, runs: { type: "string" } } });
process.env.DATABASE_URL = values.database ?? "file:./data/synthetic.db";
const RUNS = Number(values.runs ?? 20);

async function time(label: string, fn: () => Promise<unknown>, results: { label: string; p50: number; p95: number; max: number }[]) {
  await fn(); // warm
  const samples: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    await fn();
    samples.push(performance.now() - start);
  }
  samples.sort((a, b) => a - b);
  results.push({ label, p50: percentile(samples, 50), p95: percentile(samples, 95), max: samples[samples.length - 1] });
}

async function main() {
  const { db } = await import("../lib/db");
  const { queryRoster } = await import("../lib/roster/query");
  const { rosterQuerySchema } = await import("../lib/roster/schemas");
  const { analyzeQuiz, analyzeObjectives } = await import("../lib/items");
  const { gradebookCsv } = await import("../lib/roster/gradebook");
  // The class-wide cases read as the coordinator (every section); with sections, the
  // section cases read as the instructor of one section (`seed:synthetic -- --sections 200`).
  const coordinator = await db.user.findFirstOrThrow({ where: { role: "coordinator" }, select: { id: true, name: true, email: true } });
  const viewer = { ...coordinator, role: "coordinator" as const };
  const { sectionInstructorEmail } = await import("./synthetic");
  const sectionTeacher = await db.user.findUnique({ where: { email: sectionInstructorEmail(0) }, select: { id: true, name: true, email: true } });
  const sections = await db.section.count();
  const [students, attempts, answers] = await Promise.all([db.user.count({ where: { role: "student" } }), db.quizAttempt.count(), db.attemptAnswer.count()]);
  const final = await db.quiz.findFirstOrThrow({ where: { kind: "final" }, select: { id: true, slug: true } });
  const lessonQuiz = await db.quiz.findFirstOrThrow({ where: { kind: "lesson" }, select: { slug: true } });
  const q = (p: Record<string, string>) => rosterQuerySchema.parse(p);
  const results: { label: string; p50: number; p95: number; max: number }[] = [];
  await time("roster: first page, by name", () => queryRoster(viewer, q({})), results);
  await time("roster: sort by progress desc, page 200", () => queryRoster(viewer, q({ sort: "progress", dir: "desc", page: "200" })), results);
  await time("roster: sort by final best score", () => queryRoster(viewer, q({ sort: `quiz:${final.id}`, dir: "desc" })), results);
  await time("roster: filter at risk, sort by status", () => queryRoster(viewer, q({ status: "at_risk", sort: "status" })), results);
  await time("roster: search \"student 0042\"", () => queryRoster(viewer, q({ q: "student 0042" })), results);
  await time(`item analysis: ${lessonQuiz.slug}`, () => analyzeQuiz(viewer, lessonQuiz.slug), results);
  await time(`item analysis: ${final.slug}`, () => analyzeQuiz(viewer, final.slug), results);
  await time("objective mastery (class)", () => analyzeObjectives(viewer), results);
  await time("gradebook CSV export (all rows)", async () => {
    let bytes = 0;
    for await (const chunk of gradebookCsv(viewer)) bytes += chunk.length;
    return bytes;
  }, results);
  if (sectionTeacher) {
    const teacher = { ...sectionTeacher, role: "instructor" as const };
    const sectionId = (await db.sectionInstructor.findFirstOrThrow({ where: { userId: teacher.id }, select: { sectionId: true } })).sectionId;
    const mine = await db.enrollment.count({ where: { sectionId, endedAt: null } });
    await time(`section (${mine} of ${students} students): roster first page`, () => queryRoster(teacher, q({})), results);
    await time("section: roster sort by progress desc", () => queryRoster(teacher, q({ sort: "progress", dir: "desc" })), results);
    await time("section: roster search", () => queryRoster(teacher, q({ q: "student 0" })), results);
    await time(`section: item analysis ${lessonQuiz.slug}`, () => analyzeQuiz(teacher, lessonQuiz.slug), results);
    await time(`section: item analysis ${final.slug}`, () => analyzeQuiz(teacher, final.slug), results);
    await time("section: objective mastery", () => analyzeObjectives(teacher), results);
    await time("section: gradebook CSV", async () => {
      let bytes = 0;
      for await (const chunk of gradebookCsv(teacher)) bytes += chunk.length;
      return bytes;
    }, results);
    await time(`coordinator, one section of ${sections}: roster first page`, () => queryRoster(viewer, q({ section: sectionId })), results);
  }
  console.log(`\n${students} students, ${attempts} graded attempts, ${answers} answers; ${RUNS} runs each\n`);
  console.log("| case | p50 ms | p95 ms | max ms |\n|---|---:|---:|---:|");
  for (const r of results) console.log(`| ${r.label} | ${r.p50.toFixed(1)} | ${r.p95.toFixed(1)} | ${r.max.toFixed(1)} |`);
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
