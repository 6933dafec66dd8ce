import autocannon from "autocannon";
import { round } from "./stats";

export type LoadResult = { url: string; connections: number; seconds: number; requestsPerSecond: number; p50: number; p99: number; requests: number; non2xx: number; errors: number };

/** Closed-loop load: `connections` clients each send the next request as soon as the last answers. */
export async function load(url: string, { connections = 50, seconds = 8, cookie }: { connections?: number; seconds?: number; cookie?: string } = {}): Promise<LoadResult> {
  // A short warm-up, so the first compile of each route is not in the numbers.
  await autocannon({ url, connections: 4, duration: 1, headers: cookie ? { cookie } : {} });
  const result = await autocannon({ url, connections, duration: seconds, headers: cookie ? { cookie } : {} });
  return {
    url,
    connections,
    seconds,
    requestsPerSecond: round(result.requests.average),
    p50: result.latency.p50,
    p99: result.latency.p99,
    requests: result.requests.total,
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
  };
}
