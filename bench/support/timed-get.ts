import { summarize, type Latency } from "./stats";

/** Sequential GETs (one user waiting on each), full body read; fails loudly on a non-200. */
export async function timedGet(url: string, cookie: string, runs: number): Promise<Latency & { bytes: number }> {
  const samples: number[] = [];
  let bytes = 0;
  for (let i = 0; i <= runs; i++) {
    const started = performance.now();
    const response = await fetch(url, { headers: { cookie } });
    const body = await response.arrayBuffer();
    if (response.status !== 200) throw new Error(`GET ${url} answered ${response.status}`);
    if (i > 0) samples.push(performance.now() - started); // the first run warms caches
    bytes = body.byteLength;
  }
  return { ...summarize(samples), bytes };
}
