// The bench serves its own build, with the floor cases (support/floors.ts), in its own
// directory; the production .next is never touched.
import fs from "node:fs";
import { buildIfStale } from "../../scripts/build-if-stale";
import { BENCH_DIST_DIR, BENCH_FLOORS_ENV } from "./floors";

// `next build` points these at the types of whichever build ran last. Left pointing at the
// bench's, `npm run typecheck` would read two sets of generated route types and fail, and
// git would show tsconfig.json changed; so the bench puts back what was there.
const REWRITTEN_BY_NEXT_BUILD = ["tsconfig.json", "next-env.d.ts"];

/** Returns false when the build failed (its output is already on the terminal). */
export function buildBenchIfStale(env: NodeJS.ProcessEnv): boolean {
  const before = REWRITTEN_BY_NEXT_BUILD.map((file) => ({ file, text: fs.existsSync(file) ? fs.readFileSync(file, "utf8") : null }));
  try {
    return buildIfStale({ ...env, ...BENCH_FLOORS_ENV }, BENCH_DIST_DIR);
  } finally {
    for (const { file, text } of before) if (text !== null && (!fs.existsSync(file) || fs.readFileSync(file, "utf8") !== text)) fs.writeFileSync(file, text);
  }
}
