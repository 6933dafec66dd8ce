// The bench's floor cases: the least a request of each kind can cost in this app, so the
// real pages are measured against them. They exist only in the bench's own build
// (next.config.js, CASEBOOK_BENCH_FLOORS); scripts/bench-floors.test.ts keeps every
// *.bench.ts(x) file in app/ to exactly this list.

/** Turns the floor files into routes and sends the build to BENCH_DIST_DIR (next.config.js). */
export const BENCH_FLOORS_ENV = { CASEBOOK_BENCH_FLOORS: "1" } as const;

/** Where next.config.js puts the floor-enabled build. */
export const BENCH_DIST_DIR = "data/next-bench";

export const FLOORS = {
  /** Root layout only and `await connection()`: a dynamic render with no session and no data. */
  emptyDynamic: { file: "app/(bench-floor)/bench-floor/dynamic/page.bench.tsx", path: "/bench-floor/dynamic" },
  /** Under app/(site)'s layout (the header reads the session) plus requireUser(): what every signed-in page pays. */
  emptySignedIn: { file: "app/(site)/bench-floor/signed-in/page.bench.tsx", path: "/bench-floor/signed-in" },
  /** Through the door, route({ access: "signed-in" }), answering a few bytes of JSON. */
  emptySignedInRoute: { file: "app/(bench-floor)/api/bench-floor/signed-in/route.bench.ts", path: "/api/bench-floor/signed-in" },
} as const;
