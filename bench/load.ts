// Load helpers shared by the HTTP benchmarks: a bounded number of jobs run by a fixed number of lanes, timed.
import { performance } from 'node:perf_hooks';

export interface LoadResult {
  /** Jobs per second over the whole run. */
  rate: number;
  /** Milliseconds of each job, in the order they ended. */
  latencies: number[];
  /** Milliseconds of this process's CPU time (all its servers and the client) per job. */
  cpuPerJob: number;
}

/** Runs `job(0)` … `job(count - 1)` with `concurrency` of them in flight at once. */
export async function runLoad(
  count: number,
  concurrency: number,
  job: (index: number) => Promise<void>,
): Promise<LoadResult> {
  const latencies: number[] = [];
  let next = 0;
  const lane = async () => {
    while (next < count) {
      const index = next++;
      const start = performance.now();
      await job(index);
      latencies.push(performance.now() - start);
    }
  };
  const start = performance.now();
  const cpuBefore = process.cpuUsage();
  await Promise.all(Array.from({ length: Math.min(concurrency, count) }, lane));
  const cpu = process.cpuUsage(cpuBefore);
  return {
    rate: count / ((performance.now() - start) / 1000),
    latencies,
    cpuPerJob: (cpu.user + cpu.system) / 1000 / count,
  };
}

/** The `p`-th percentile (0–100) of `values`, nearest rank. */
export function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

export const median = (values: readonly number[]) => percentile(values, 50);
