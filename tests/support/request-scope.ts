// React's cache() outside a request, made to behave as it does inside one.
//
// Pages read the signed-in user, the course and the student's facts through cache()
// (lib/auth/session.ts, lib/course/structure.ts, lib/progress), so one page render
// reads each once however many components ask. In a test that dedupe is missing twice
// over: the default build of React ("react" without the react-server condition) makes
// cache() a plain pass-through, and even the react-server build caches only while a
// request's dispatcher is installed (React's Flight renderer installs one per render).
// Vitest runs without the react-server condition, so a test that wants request
// semantics mocks "react" with the react-server build and runs each request inside
// asRequest(), which installs a fresh cache for its duration:
//
//   vi.mock("react", async () => (await import("@/tests/support/request-scope")).reactServer());
//
// Route handlers get no such scope in Next 16 (nothing renders, no dispatcher is
// installed, so cache() passes through there): measure a handler outside asRequest.
// Requests must not overlap; the budget tests run one at a time.
import { createRequire } from "node:module";
import path from "node:path";

type CacheDispatcher = { getCacheForType<T>(create: () => T): T; getOwner(): null; cacheSignal(): null };
type ReactServer = Record<string, unknown> & {
  __SERVER_INTERNALS_DO_NOT_USE_OR_WARN_USERS_THEY_CANNOT_UPGRADE: { A: CacheDispatcher | null };
};

let loaded: ReactServer | undefined;

function load(): ReactServer {
  if (loaded) return loaded;
  // The file the "react-server" export condition resolves to (react's package.json),
  // loaded by path because vitest resolves "react" without that condition.
  const require = createRequire(import.meta.url);
  const dir = path.dirname(require.resolve("react/package.json"));
  loaded = require(path.join(dir, "react.react-server.js")) as ReactServer;
  return loaded;
}

/** The module to hand vi.mock("react", …): React as Next's server components get it. */
export function reactServer(): Record<string, unknown> {
  const react = load();
  return { ...react, default: react };
}

/** Runs `run` as one request: every cache() call inside it shares one fresh cache. */
export async function asRequest<T>(run: () => Promise<T>): Promise<T> {
  const internals = load().__SERVER_INTERNALS_DO_NOT_USE_OR_WARN_USERS_THEY_CANNOT_UPGRADE;
  if (internals.A) throw new Error("asRequest: requests must not overlap");
  const caches = new Map<() => unknown, unknown>();
  internals.A = {
    getCacheForType<T>(create: () => T): T {
      if (!caches.has(create)) caches.set(create, create());
      return caches.get(create) as T;
    },
    getOwner: () => null,
    cacheSignal: () => null,
  };
  try {
    return await run();
  } finally {
    internals.A = null;
  }
}
