import "server-only";
// One memo per request, for every kind of request. React's cache() dedupes only while a
// page renders; Next runs route handlers and server actions without it, so there the
// course row, the user and the student's facts were read again by each caller (six reads
// of the course row to start one attempt). The door (lib/boundary) runs each handler and
// action inside runWithRequestCache; pages keep React's own per-render cache.
import { AsyncLocalStorage } from "node:async_hooks";
import { cache as reactCache } from "react";

type Memo = Map<unknown, unknown>;
const scope = new AsyncLocalStorage<Memo>();

export function runWithRequestCache<T>(run: () => T): T {
  return scope.run(new Map(), run);
}

// Objects are keyed by identity (a request passes the same user object around).
const ids = new WeakMap<object, number>();
let nextId = 0;
function keyOf(args: unknown[]): string {
  return args
    .map((a) => {
      if (a !== null && (typeof a === "object" || typeof a === "function")) {
        if (!ids.has(a)) ids.set(a, ++nextId);
        return `#${ids.get(a)}`;
      }
      return `${typeof a}:${String(a)}`;
    })
    .join("|");
}

/** Like React's cache(), and also inside route handlers and server actions run by the door. */
export function requestCache<A extends unknown[], R>(fn: (...args: A) => R): (...args: A) => R {
  const viaReact = reactCache(fn);
  return (...args: A): R => {
    const memo = scope.getStore();
    if (!memo) return viaReact(...args);
    let mine = memo.get(fn) as Map<string, R> | undefined;
    if (!mine) memo.set(fn, (mine = new Map()));
    const key = keyOf(args);
    if (!mine.has(key)) mine.set(key, fn(...args));
    return mine.get(key)!;
  };
}
