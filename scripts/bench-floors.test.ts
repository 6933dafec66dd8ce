// The bench's floor cases (bench/support/floors.ts) are routes only in the bench's own build:
// next.config.js adds their extensions, and a separate build directory, only under
// CASEBOOK_BENCH_FLOORS=1. The doors tests (lib/boundary, tests/integration) look at route.ts
// files only, so the floor route's door is checked here.
import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { BENCH_DIST_DIR, BENCH_FLOORS_ENV, FLOORS } from "../bench/support/floors";

const ROOT = path.resolve(__dirname, "..");
const CONFIG = path.join(ROOT, "next.config.js");
const nodeRequire = createRequire(CONFIG);
// Next's own default when next.config.js sets none (next/dist/server/config-shared.js).
const NEXT_DEFAULT_EXTENSIONS = ["tsx", "ts", "jsx", "js"];
const METHODS = "GET|HEAD|POST|PUT|PATCH|DELETE|OPTIONS";

type Config = Record<string, unknown> & { pageExtensions?: string[]; distDir?: string; headers: () => Promise<unknown>; rewrites: () => Promise<unknown> };

/** next.config.js as Next loads it with CASEBOOK_BENCH_FLOORS set to `flag` (it reads the variable once, on load). */
function configWith(flag: string | undefined): Config {
  const saved = process.env.CASEBOOK_BENCH_FLOORS;
  try {
    if (flag === undefined) delete process.env.CASEBOOK_BENCH_FLOORS;
    else process.env.CASEBOOK_BENCH_FLOORS = flag;
    delete nodeRequire.cache[CONFIG];
    return nodeRequire(CONFIG);
  } finally {
    if (saved === undefined) delete process.env.CASEBOOK_BENCH_FLOORS;
    else process.env.CASEBOOK_BENCH_FLOORS = saved;
    delete nodeRequire.cache[CONFIG];
  }
}

const read = (file: string) => fs.readFileSync(path.join(ROOT, file), "utf8");
const isBenchFile = (name: string) => /\.bench\.(tsx?|jsx?)$/.test(name);

/** The URL an app/ file answers at: group folders like (site) add no segment. */
function routeOf(file: string) {
  const segments = path.dirname(path.relative("app", file)).split(path.sep).filter((s) => s !== "." && !/^\(.*\)$/.test(s));
  return "/" + segments.join("/");
}

describe("bench floors are built only for the bench", () => {
  it("the production config keeps Next's default extensions and .next", () => {
    for (const flag of [undefined, "", "0"]) {
      const config = configWith(flag);
      expect(config.pageExtensions, `CASEBOOK_BENCH_FLOORS=${flag}`).toBeUndefined();
      expect(config.distDir, `CASEBOOK_BENCH_FLOORS=${flag}`).toBeUndefined();
      expect(config.typescript, `CASEBOOK_BENCH_FLOORS=${flag}`).toBeUndefined();
    }
  });

  it("the bench config adds the floor extensions and builds outside .next", () => {
    const config = configWith(BENCH_FLOORS_ENV.CASEBOOK_BENCH_FLOORS);
    expect(config.pageExtensions).toEqual([...NEXT_DEFAULT_EXTENSIONS, "bench.tsx", "bench.ts"]);
    expect(config.distDir).toBe(BENCH_DIST_DIR);
    expect(path.resolve(ROOT, BENCH_DIST_DIR).startsWith(path.resolve(ROOT, ".next"))).toBe(false);
  });

  it("apart from that, the bench serves the production configuration", async () => {
    const production = configWith(undefined);
    const bench = { ...configWith("1") };
    for (const onlyInBench of ["pageExtensions", "distDir", "typescript"]) delete bench[onlyInBench];
    expect(Object.keys(bench).sort()).toEqual(Object.keys(production).sort());
    expect(await bench.headers()).toEqual(await production.headers());
    expect(await bench.rewrites()).toEqual(await production.rewrites());
  });

  it("every *.bench file in app/ is one of the floors, and none sits where Next looks for proxy or instrumentation", () => {
    const inApp = fs
      .readdirSync(path.join(ROOT, "app"), { recursive: true, encoding: "utf8" })
      .filter((f) => isBenchFile(path.basename(f)))
      .map((f) => path.join("app", f));
    expect(inApp.sort()).toEqual(Object.values(FLOORS).map((floor) => path.normalize(floor.file)).sort());
    expect(fs.readdirSync(ROOT).filter(isBenchFile)).toEqual([]);
  });

  it("each floor answers at the path the bench loads", () => {
    for (const floor of Object.values(FLOORS)) expect(routeOf(floor.file), floor.file).toBe(floor.path);
  });

  it("the empty dynamic page has only the root layout and reads no session", () => {
    const file = FLOORS.emptyDynamic.file;
    for (let dir = path.dirname(file); dir.startsWith("app/"); dir = path.dirname(dir))
      expect(fs.readdirSync(path.join(ROOT, dir)).filter((f) => f.startsWith("layout.")), dir).toEqual([]);
    const source = read(file);
    expect(source).toMatch(/await connection\(\)/);
    expect(source).not.toMatch(/requireUser|requireRole|getCurrentUser|getServerSession|cookies\(|headers\(/);
  });

  it("the empty signed-in page sits under the (site) layout and calls requireUser", () => {
    expect(FLOORS.emptySignedIn.file.startsWith("app/(site)/")).toBe(true);
    expect(fs.existsSync(path.join(ROOT, "app/(site)/layout.tsx"))).toBe(true);
    expect(read(FLOORS.emptySignedIn.file)).toMatch(/await requireUser\(/);
  });

  it("the empty signed-in route handler goes through the door as signed-in", () => {
    const source = read(FLOORS.emptySignedInRoute.file);
    const methods = [...source.matchAll(new RegExp(`^export\\s+(?:async\\s+)?(?:function|const|let|var)\\s+(${METHODS})\\b.*$`, "gm"))];
    expect(methods.map((m) => m[1])).toEqual(["GET"]);
    for (const [line] of methods) expect(line).toMatch(/^export const GET = route\(\{ access: "signed-in" \}, /);
    expect(source).not.toMatch(/export\s*\{/);
  });
});
