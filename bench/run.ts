// `npm run bench [-- --students 10000 --final-class 500 --final-runs 3 --seconds 4 --rounds 4 --no-postgres]`
// Measures Casebook the way users feel it, on SQLite and on PostgreSQL in one run,
// and writes bench/results/latest.{md,json}. A measurement, not a test: see
// bench/README.md for what each case means.
import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { buildBenchIfStale } from "./support/bench-build";
import { loadInRotation } from "./support/load";
import { throwawayPostgres } from "./support/postgres";
import { renderReport, type Report } from "./report";
import { startBareHttp } from "./support/servers";

const { values } = parseArgs({
  options: {
    students: { type: "string", default: "10000" },
    "final-class": { type: "string", default: "500" },
    // The final's targets must hold in each of this many consecutive runs, each with its own class.
    "final-runs": { type: "string", default: "3" },
    // Seconds under load per case, split into rounds taken in rotation with the other cases.
    seconds: { type: "string", default: "4" },
    rounds: { type: "string", default: "4" },
    "no-postgres": { type: "boolean", default: false },
  },
});

const RESULTS = path.join("bench", "results");

function runPhase(database: string, name: string, lighthouse: boolean, env: NodeJS.ProcessEnv) {
  const out = path.join(os.tmpdir(), `casebook-bench-${name}-${process.pid}.json`);
  const phase = spawnSync(
    process.execPath,
    [
      "--conditions=react-server",
      "--import",
      "tsx",
      path.join("bench", "phase.ts"),
      "--database", database,
      "--out", out,
      "--students", values.students!,
      "--final-class", values["final-class"]!,
      "--final-runs", values["final-runs"]!,
      "--port", name === "sqlite" ? "3201" : "3202",
      "--seconds", values.seconds!,
      "--rounds", values.rounds!,
      ...(lighthouse ? ["--lighthouse"] : []),
    ],
    { stdio: "inherit", env },
  );
  if (phase.status !== 0) throw new Error(`the ${name} half failed (exit ${phase.status})`);
  return JSON.parse(fs.readFileSync(out, "utf8"));
}

async function main() {
  const began = Date.now();
  const env: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: "production", NEXTAUTH_SECRET: randomBytes(48).toString("base64url"), CHECKPOINT_DISABLE: "1" };
  if (!buildBenchIfStale(env)) throw new Error("the build failed");

  console.log("[bench] ceilings: a bare Node http server");
  const bare = await startBareHttp(3299);
  const { bare: bareHttp } = await loadInRotation({ bare: { url: bare.url } }, { serverPid: bare.pid, seconds: Number(values.seconds), rounds: Number(values.rounds) });
  await bare.stop();

  const sqlite = runPhase("file:./data/bench.db", "sqlite", true, env);
  let postgres = null;
  let postgresNote: string | null = null;
  if (values["no-postgres"]) postgresNote = "skipped (--no-postgres)";
  else {
    const pg = throwawayPostgres();
    if ("skipped" in pg) postgresNote = pg.skipped;
    else {
      try {
        postgres = runPhase(pg.url, "postgres", false, env);
      } finally {
        pg.release();
      }
    }
  }

  const commit = spawnSync("git", ["rev-parse", "--short", "HEAD"]).stdout?.toString().trim() || "unknown";
  const report: Report = {
    date: new Date().toISOString(),
    commit,
    machine: { cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model ?? "unknown", memoryGb: Math.round(os.totalmem() / 2 ** 30), node: process.version },
    options: { students: Number(values.students), finalClass: Number(values["final-class"]), finalRuns: Number(values["final-runs"]), seconds: Number(values.seconds), rounds: Number(values.rounds) },
    bareHttp,
    sqlite,
    postgres,
    postgresNote,
    totalSeconds: Math.round((Date.now() - began) / 1000),
  };
  fs.mkdirSync(RESULTS, { recursive: true });
  fs.writeFileSync(path.join(RESULTS, "latest.json"), JSON.stringify(report, null, 2) + "\n");
  const markdown = renderReport(report);
  fs.writeFileSync(path.join(RESULTS, "latest.md"), markdown);
  console.log(`\n${markdown}\nWrote ${RESULTS}/latest.md and latest.json in ${report.totalSeconds} s.`);
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
