// Closed-loop load with autocannon, and the server's CPU time per request answered
// (support/cpu.ts), for several cases taken in rotation.
import autocannon from "autocannon";
import { canReadCpu, processTreeCpuMs } from "./cpu";
import { percentile, round } from "./stats";

export type LoadCase = { url: string; cookie?: string };

export type LoadResult = {
  url: string;
  connections: number;
  rounds: number;
  /** Time under load, summed over the rounds. */
  seconds: number;
  requests: number;
  requestsPerSecond: number;
  p50: number;
  p99: number;
  non2xx: number;
  errors: number;
  /** The server's CPU (process tree, support/cpu.ts) over the rounds, per request answered; null off Linux. */
  cpuMsPerRequest: number | null;
};

export type LoadOptions = {
  /** The server whose CPU is read around each round. */
  serverPid: number;
  connections?: number;
  /** Seconds under load per case, split over the rounds. */
  seconds?: number;
  rounds?: number;
};

type Round = { requests: number; seconds: number; non2xx: number; errors: number; cpuMs: number };

const headersFor = (cookie?: string) => (cookie ? { cookie } : {});

/**
 * One round of closed-loop load: `connections` clients each send the next request as soon as
 * the last answers, until `amount` requests have been answered. A fixed amount rather than a
 * fixed time, so no request is still in flight when the round ends: the server's CPU between
 * the two reads is spent on exactly the requests counted (a timed run would cut off up to
 * `connections` requests, which at 50 req/s is most of a one-second round).
 */
function oneRound(target: LoadCase, connections: number, amount: number, serverPid: number, latencies: number[]): Promise<Round> {
  const cpuBefore = canReadCpu ? processTreeCpuMs(serverPid) : 0;
  const started = performance.now();
  let lastAnswer = started;
  return new Promise((resolve, reject) => {
    // A server that stops answering would leave the clients reconnecting for ever.
    const guard = setTimeout(() => instance.stop(), 120_000);
    const instance = autocannon(
      // sampleInt: autocannon notices the last client has finished at its next sample tick.
      { url: target.url, connections, amount, sampleInt: 50, headers: headersFor(target.cookie) },
      (error, result) => {
        clearTimeout(guard);
        if (error) return reject(error);
        resolve({
          requests: result.requests.total,
          seconds: (lastAnswer - started) / 1000,
          non2xx: result.non2xx,
          errors: result.errors + result.timeouts,
          cpuMs: canReadCpu ? processTreeCpuMs(serverPid) - cpuBefore : 0,
        });
      },
    );
    instance.on("response", (_client, _status, _bytes, responseTime) => {
      latencies.push(responseTime);
      lastAnswer = performance.now();
    });
  });
}

/**
 * Loads every case for `seconds` in all, in `rounds` short rounds taken in rotation (case 1,
 * case 2, …, case 1, …), so a neighbour's burst on these shared cores lands on every case alike.
 * Each round's size comes from the case's last measured rate, so rounds last about
 * seconds / rounds each.
 */
export async function loadInRotation<K extends string>(cases: Record<K, LoadCase>, options: LoadOptions): Promise<Record<K, LoadResult>> {
  const { serverPid, connections = 50, seconds = 4, rounds = 4 } = options;
  const keys = Object.keys(cases) as K[];
  const state = new Map<K, { rate: number; latencies: number[]; rounds: Round[] }>();
  for (const key of keys) {
    // A short warm-up, so loading each route's code is not in the numbers; it also gives the first rate.
    const warm = await autocannon({ url: cases[key].url, connections: 4, duration: 1, headers: headersFor(cases[key].cookie) });
    state.set(key, { rate: Math.max(1, warm.requests.total), latencies: [], rounds: [] });
  }
  for (let r = 0; r < rounds; r++) {
    for (const key of keys) {
      const s = state.get(key)!;
      const amount = Math.max(connections, Math.round((s.rate * seconds) / rounds));
      const done = await oneRound(cases[key], connections, amount, serverPid, s.latencies);
      s.rounds.push(done);
      if (done.seconds > 0) s.rate = done.requests / done.seconds;
    }
  }
  const results = {} as Record<K, LoadResult>;
  for (const key of keys) {
    const { latencies, rounds: done } = state.get(key)!;
    const sum = (pick: (x: Round) => number) => done.reduce((total, x) => total + pick(x), 0);
    const requests = sum((x) => x.requests);
    results[key] = {
      url: cases[key].url,
      connections,
      rounds,
      seconds: round(sum((x) => x.seconds), 2),
      requests,
      requestsPerSecond: round(requests / sum((x) => x.seconds)),
      p50: round(percentile(latencies, 50)),
      p99: round(percentile(latencies, 99)),
      non2xx: sum((x) => x.non2xx),
      errors: sum((x) => x.errors),
      cpuMsPerRequest: canReadCpu && requests > 0 ? round(sum((x) => x.cpuMs) / requests, 2) : null,
    };
  }
  return results;
}
