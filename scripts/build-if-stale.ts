// Builds the production bundle when there is none or a source changed since.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

const SOURCE_DIRS = ["app", "components", "lib", "content", "prisma", "proxy.ts", "instrumentation.ts", "next.config.js", "package.json"];
export const NEXT_BIN = path.join("node_modules", "next", "dist", "bin", "next");

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

function buildIsStale(distDir: string): boolean {
  const stamp = path.join(distDir, "BUILD_ID");
  if (!fs.existsSync(stamp)) return true;
  const builtAt = fs.statSync(stamp).mtimeMs;
  return SOURCE_DIRS.some((entry) => newestMtime(entry) > builtAt);
}

/**
 * Returns false when the build failed (its output is already on the terminal). `distDir` is where
 * next.config.js puts this environment's build: .next, or the bench's own (bench/support/bench-build.ts).
 */
export function buildIfStale(env: NodeJS.ProcessEnv = process.env, distDir = ".next"): boolean {
  if (!buildIsStale(distDir)) return true;
  console.log("Building Casebook (first start or changed sources)…");
  return spawnSync(process.execPath, [NEXT_BIN, "build"], { stdio: "inherit", env: { ...env, NODE_ENV: "production" } }).status === 0;
}
