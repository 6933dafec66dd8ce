// One database's half of `npm run bench` (run by bench/run.ts in its own process,
// because the Prisma client is bound to one DATABASE_URL per process): seeds the
// class, starts the bench's build of the app on it (the production build plus the floor
// cases, bench/support/floors.ts), measures, writes JSON to --out.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { z } from "zod";

const args = z
  .object({
    database: z.string(),
    out: z.string(),
    students: z.coerce.number().int().min(100),
    finalClass: z.coerce.number().int().min(1),
    finalRuns: z.coerce.number().int().min(1),
    port: z.coerce.number().int(),
    seconds: z.coerce.number().min(1),
    rounds: z.coerce.number().int().min(1),
    lighthouse: z.boolean().default(false),
    fresh: z.boolean().default(false),
  })
  .parse(
    (({ "final-class": finalClass, "final-runs": finalRuns, ...rest }) => ({ ...rest, finalClass, finalRuns }))(
      parseArgs({
        options: {
          database: { type: "string" },
          out: { type: "string" },
          students: { type: "string" },
          "final-class": { type: "string" },
          "final-runs": { type: "string" },
          port: { type: "string" },
          seconds: { type: "string" },
          rounds: { type: "string" },
          lighthouse: { type: "boolean" },
          fresh: { type: "boolean" },
        },
      }).values,
    ),
  );
process.env.DATABASE_URL = args.database;
const SECTIONS = 200;
const secret = process.env.NEXTAUTH_SECRET!;

function log(message: string) {
  console.log(`[bench ${args.database.startsWith("file:") ? "sqlite" : "postgres"}] ${message}`);
}

async function main() {
  const { isSqliteUrl, sqliteFilePath } = await import("../lib/db/url");
  if (isSqliteUrl(args.database)) for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(sqliteFilePath(args.database) + suffix, { force: true });
  const { migrateDatabase } = await import("../lib/db/migrate");
  migrateDatabase(args.database);
  const { seed, DEMO_USERS } = await import("../lib/seed");
  await seed({ demo: true });
  const { seedSynthetic, finalClassEmail } = await import("./synthetic");
  const started = performance.now();
  // Issue 14's shape: the class spread over 200 sections of 50, one instructor each.
  const seeded = await seedSynthetic({ url: args.database, students: args.students, finalClass: args.finalClass * args.finalRuns + 1, sections: SECTIONS });
  const seedSeconds = (performance.now() - started) / 1000;
  log(`seeded ${seeded.students} students, ${seeded.attempts} attempts, ${seeded.answers} answers in ${seedSeconds.toFixed(1)} s`);

  const { db } = await import("../lib/db");
  const { sessionCookie } = await import("./support/sessions");
  const emails = Array.from({ length: args.finalClass * args.finalRuns + 1 }, (_, i) => finalClassEmail(i));
  // By prefix: 1,500 emails in one IN list is over Prisma's parameter limit on SQLite.
  const known = new Set(emails);
  const classUsers = (await db.user.findMany({ where: { email: { startsWith: "final-" } }, select: { id: true, email: true }, orderBy: { email: "asc" } })).filter((u) => known.has(u.email));
  // The class-wide pages are read by the coordinator (every section); the section cases by one section's instructor.
  const coordinator = await db.user.findUniqueOrThrow({ where: { email: DEMO_USERS.find((u) => u.role === "coordinator")!.email }, select: { id: true } });
  const { sectionInstructorEmail } = await import("./synthetic");
  const sectionTeacher = await db.user.findUniqueOrThrow({ where: { email: sectionInstructorEmail(0) }, select: { id: true } });
  const lessons = await db.lesson.findMany({ select: { slug: true }, orderBy: { position: "asc" } });
  const final = await db.quiz.findFirstOrThrow({ where: { kind: "final" }, select: { slug: true, id: true } });
  const lessonQuiz = await db.quiz.findFirstOrThrow({ where: { kind: "lesson" }, select: { slug: true }, orderBy: { position: "asc" } });
  const ordered = classUsers.reverse();
  const [reader, ...takers] = await Promise.all(ordered.map((u) => sessionCookie(u.id, secret)));
  const takerEmails = ordered.slice(1).map((u) => u.email);
  const instructorCookie = await sessionCookie(coordinator.id, secret);
  const sectionCookie = await sessionCookie(sectionTeacher.id, secret);

  const { startApp } = await import("./support/servers");
  const { BENCH_FLOORS_ENV, FLOORS } = await import("./support/floors");
  // The bench's own build (bench/support/bench-build.ts), which also has the floor cases.
  const app = await startApp(args.port, { DATABASE_URL: args.database, NEXTAUTH_SECRET: secret, CASEBOOK_DEMO: "0", ...BENCH_FLOORS_ENV });
  try {
    // The reader opens the final, so "the final attempt page" is a real 20-question attempt page.
    const opened = await fetch(`${app.url}/api/quizzes/${final.slug}/attempts`, { method: "POST", headers: { cookie: reader } });
    if (!opened.ok) throw new Error(`reader could not start the final: ${opened.status} ${await opened.text()}`);
    const attemptId = (await opened.json()).attempt.id as string;
    const pages = {
      about: "/about",
      emptyDynamic: FLOORS.emptyDynamic.path,
      emptySignedIn: FLOORS.emptySignedIn.path,
      emptySignedInRoute: FLOORS.emptySignedInRoute.path,
      outline: "/course",
      lesson: `/lessons/${lessons[2].slug}`,
      quizLanding: `/quizzes/${lessonQuiz.slug}`,
      finalAttempt: `/quizzes/${final.slug}/attempts/${attemptId}`,
    };
    // The prerendered page is loaded as a visitor; every other case as the signed-in reader.
    const cases = Object.fromEntries(Object.entries(pages).map(([key, path]) => [key, { url: app.url + path, cookie: key === "about" ? undefined : reader }])) as Record<keyof typeof pages, { url: string; cookie?: string }>;
    for (const [key, { url, cookie }] of Object.entries(cases)) {
      // A redirect or a 404 would be measured as a fast page: each case must answer 200 first.
      const response = await fetch(url, { headers: cookie ? { cookie } : {}, redirect: "manual" });
      await response.arrayBuffer();
      if (response.status !== 200) throw new Error(`${key} (${url}) answered ${response.status}${key in FLOORS ? "; is this the floor-enabled bench build?" : ""}`);
    }

    const { loadInRotation } = await import("./support/load");
    log(`${Object.keys(cases).length} cases under load, ${args.rounds} rounds in rotation, ${args.seconds} s each`);
    const loaded = await loadInRotation(cases, { serverPid: app.pid, seconds: args.seconds, rounds: args.rounds });

    log("instructor pages at full size");
    const { timedGet } = await import("./support/timed-get");
    const runs = 6;
    const instructorPages: Record<string, Awaited<ReturnType<typeof timedGet>>> = {};
    const instructorCases: [string, string][] = [
      ["roster: first page by name", "/instructor"],
      ["roster: by progress, page 200", "/instructor?sort=progress&dir=desc&page=200"],
      ["roster: at risk", "/instructor?status=at_risk&sort=status"],
      ["roster: search", "/instructor?q=student+0042"],
      [`item analysis: ${lessonQuiz.slug}`, `/instructor/quizzes/${lessonQuiz.slug}`],
      [`item analysis: ${final.slug}`, `/instructor/quizzes/${final.slug}`],
      ["objective mastery", "/instructor/objectives"],
      ["gradebook CSV (all students)", "/instructor/gradebook.csv"],
    ];
    for (const [label, path] of instructorCases) instructorPages[label] = await timedGet(app.url + path, instructorCookie, runs);
    const sectionCases: [string, string][] = [
      ["section: roster first page by name", "/instructor"],
      ["section: roster by progress", "/instructor?sort=progress&dir=desc"],
      [`section: item analysis: ${lessonQuiz.slug}`, `/instructor/quizzes/${lessonQuiz.slug}`],
      [`section: item analysis: ${final.slug}`, `/instructor/quizzes/${final.slug}`],
      ["section: objective mastery", "/instructor/objectives"],
      ["section: gradebook CSV", "/instructor/gradebook.csv"],
    ];
    for (const [label, path] of sectionCases) instructorPages[label] = await timedGet(app.url + path, sectionCookie, runs);

    const { firstLoadJs } = await import("./support/first-load-js");
    const javascript = [];
    for (const path of [pages.about, pages.outline, pages.lesson, pages.quizLanding, pages.finalAttempt]) javascript.push(await firstLoadJs(app.url, path, reader));

    let lighthouse = null;
    if (args.lighthouse) {
      log("Lighthouse");
      const out = `${args.out}.lighthouse.json`;
      const run = spawnSync(process.execPath, [path.join("bench", "support", "lighthouse.mjs"), app.url, reader, out, pages.outline, pages.lesson, pages.finalAttempt], { stdio: "inherit" });
      if (run.status !== 0) throw new Error("Lighthouse failed");
      lighthouse = JSON.parse(fs.readFileSync(out, "utf8"));
    }

    // Consecutive runs on the same server, each with a class that has not taken the final.
    const { runFinalClass } = await import("./final-class");
    const finalRuns = [];
    for (let run = 0; run < args.finalRuns; run++) {
      const cookies = takers.slice(run * args.finalClass, (run + 1) * args.finalClass);
      log(`run ${run + 1} of ${args.finalRuns}: ${cookies.length} students take the final`);
      const classEmails = takerEmails.slice(run * args.finalClass, (run + 1) * args.finalClass);
      const result = await runFinalClass({ baseUrl: app.url, finalSlug: final.slug, cookies, startWindowMs: 10_000, thinkMs: [2000, 6000] });
      const stored = await db.quizAttempt.count({ where: { quizId: final.id, status: "graded", user: { email: { in: classEmails } } } });
      finalRuns.push({ ...result, gradedAttemptsStored: stored });
    }
    fs.writeFileSync(
      args.out,
      JSON.stringify({ seeded: { ...seeded, seconds: seedSeconds }, pages, loaded, instructorPages, javascript, lighthouse, finalRuns }, null, 2),
    );
  } finally {
    await app.stop();
  }
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
