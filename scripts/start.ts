// `npm start`: check the settings, build if needed, migrate, seed, then serve the
// production build through the server entry (scripts/serve.mjs).
import { spawn } from "node:child_process";
import { buildIfStale } from "./build-if-stale";
import { prepareEnv } from "./runtime-env";
import { SERVER_ENTRY } from "./server-entry";

async function main() {
  (process.env as Record<string, string>).NODE_ENV = "production";
  const { demo } = prepareEnv();
  // Every setting parsed once, before any work: a bad value stops here with one line.
  const { serverEnv, startProblem } = await import("../lib/env");
  const problem = startProblem();
  if (problem) {
    console.error(problem);
    process.exit(1);
  }
  const env = serverEnv();

  if (env.CASEBOOK_SKIP_BUILD !== "1" && !buildIfStale()) process.exit(1);

  const { migrateDatabase } = await import("../lib/db/migrate");
  migrateDatabase();
  const { seed, DEMO_USERS, demoSectionsSummary } = await import("../lib/seed");
  await seed({ demo });
  const sections = demo ? await demoSectionsSummary() : [];

  const server = spawn(process.execPath, [SERVER_ENTRY], { stdio: "inherit", env: process.env });
  console.log(`\nCasebook is starting on http://localhost:${env.PORT}`);
  if (demo) {
    console.log("Demo logins (turn off with CASEBOOK_DEMO=0):");
    for (const user of DEMO_USERS) console.log(`  ${user.role.padEnd(10)} ${user.email}  /  ${user.password}`);
    console.log("Demo sections (each instructor sees only their own; the coordinator sees both):");
    for (const line of sections) console.log(`  ${line}`);
  }
  for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => server.kill(signal));
  server.on("exit", (code) => process.exit(code ?? 0));
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
