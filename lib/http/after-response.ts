import "server-only";
// Work an event leaves for after its response (mail, LMS scores): Next's after() inside a
// request, so it runs once the response has gone and the event's transaction has committed;
// outside one (scripts, tests) on the next turn of the event loop, which may come before a
// caller's commit: such work must find what is due itself, and a timer picks up the rest.
import { after } from "next/server";

const inFlight = new Set<Promise<unknown>>();

/** Runs `task` after the response; a failure is logged under `what`, never thrown at the caller. */
export function afterResponse(what: string, task: () => Promise<unknown>) {
  const run = () => {
    const running = task()
      .catch((error) => console.error(`${what} failed`, error))
      .finally(() => inFlight.delete(running));
    inFlight.add(running);
  };
  try {
    after(run);
  } catch {
    setImmediate(run);
  }
}

/** Resolves when the work started so far has finished (tests wait on this, not on time). */
export async function afterResponseSettled(): Promise<void> {
  await new Promise((resolve) => setImmediate(resolve));
  while (inFlight.size) await Promise.allSettled([...inFlight]);
}
