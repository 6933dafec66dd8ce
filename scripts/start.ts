// `npm start`: build if needed, migrate, seed, then serve the production build.
import { spawn } from "node:child_process";
import { buildIfStale, NEXT_BIN } from "./build-if-stale";
import { prepareEnv } from "./runtime-env";

async function main() {
  (process.env as Record<string, string>).NODE_ENV = "production";
  const { demo } = prepareEnv();
  const { secretProblem } = await import("../lib/env");
  const problem = secretProblem();
  if (problem) {
    console.error(problem);
    process.exit(1);
  }

  if (process.env.CASEBOOK_SKIP_BUILD !== "1" && !buildIfStale()) process.exit(1);

  const { migrateDatabase } = await import("../lib/db/migrate");
  migrateDatabase();
  const { seed, DEMO_USERS } = await import("../lib/seed");
  await seed({ demo });

  const port = process.env.PORT || "3000";
  const host = process.env.HOST || "0.0.0.0";
  const server = spawn(process.execPath, [NEXT_BIN, "start", "-p", port, "-H", host], { stdio: "inherit", env: process.env });
  console.log(`\nCasebook is starting on http://localhost:${port}`);
  if (demo) {
    console.log("Demo logins (turn off with CASEBOOK_DEMO=0):");
    for (const user of DEMO_USERS) console.log(`  ${user.role.padEnd(10)} ${user.email}  /  ${user.password}`);
  }
  for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => server.kill(signal));
  server.on("exit", (code) => process.exit(code ?? 0));
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
