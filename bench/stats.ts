// Latency statistics and a bounded concurrent load loop for the benchmarks.
export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i] as number;
}

export type Latency = { p50: number; p95: number; n: number };

/** p50/p95 of samples taken elsewhere (e.g. event arrival times). */
export function summarize(samples: number[]): Latency {
  const sorted = [...samples].sort((a, b) => a - b);
  return { p50: percentile(sorted, 50), p95: percentile(sorted, 95), n: sorted.length };
}

/** Runs `fn` sequentially `n` times after `warmup` runs; milliseconds. */
export async function measure(
  fn: () => Promise<unknown>,
  n: number,
  warmup = 30,
): Promise<Latency> {
  for (let i = 0; i < warmup; i++) await fn();
  const samples: number[] = [];
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    await fn();
    samples.push(performance.now() - t0);
  }
  return summarize(samples);
}

/** `clients` concurrent loops for `seconds`; requests per second. Bounded in time and count. */
export async function throughput(
  fn: () => Promise<unknown>,
  clients: number,
  seconds: number,
  maxRequests = 200_000,
): Promise<number> {
  let done = 0;
  const deadline = performance.now() + seconds * 1000;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (performance.now() < deadline && done < maxRequests) {
        await fn();
        done++;
      }
    }),
  );
  return done / ((performance.now() - t0) / 1000);
}
