// `npm start`: build if needed, migrate, seed, then serve the production build.
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { prepareEnv } from "./runtime-env";

const SOURCE_DIRS = ["app", "components", "lib", "content", "prisma", "proxy.ts", "instrumentation.ts", "next.config.js", "package.json"];
const NEXT_BIN = path.join("node_modules", "next", "dist", "bin", "next");

function newestMtime(entry: string): number {
  if (!fs.existsSync(entry)) return 0;
  const stat = fs.statSync(entry);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const child of fs.readdirSync(entry)) {
    if (child === "generated" || child === "node_modules") continue;
    newest = Math.max(newest, newestMtime(path.join(entry, child)));
  }
  return newest;
}

function buildIsStale(): boolean {
  const stamp = path.join(".next", "BUILD_ID");
  if (!fs.existsSync(stamp)) return true;
  const builtAt = fs.statSync(stamp).mtimeMs;
  return SOURCE_DIRS.some((entry) => newestMtime(entry) > builtAt);
}

async function main() {
  (process.env as Record<string, string>).NODE_ENV = "production";
  const { demo } = prepareEnv();
  const { secretProblem } = await import("../lib/env");
  const problem = secretProblem();
  if (problem) {
    console.error(problem);
    process.exit(1);
  }

  if (process.env.CASEBOOK_SKIP_BUILD !== "1" && buildIsStale()) {
    console.log("Building Casebook (first start or changed sources)…");
    const build = spawnSync(process.execPath, [NEXT_BIN, "build"], { stdio: "inherit", env: process.env });
    if (build.status !== 0) process.exit(build.status ?? 1);
  }

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
