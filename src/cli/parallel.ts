import { Worker } from 'node:worker_threads';
import type { Scenario } from '../scenario/schema.ts';
import { runReplication, summariseBatch, type BatchOptions } from '../sim/batch.ts';
import type { BatchResult, ReplicationResult } from '../sim/results.ts';
import { ReplicationResult as ReplicationResultSchema } from '../sim/results.ts';

/**
 * Runs a batch's replications on `workers` threads (worker_threads), replication r on thread
 * r mod workers. Each replication's seed depends only on (seed, rep), and the summary sorts by
 * rep, so the numbers are the same whatever the number of threads.
 */
export async function runBatchParallel(
  scenario: Scenario,
  opts: BatchOptions,
  workers: number,
  onProgress?: (done: number, total: number) => void,
): Promise<BatchResult> {
  const n = Math.max(1, Math.min(workers, opts.reps));
  const results: ReplicationResult[] = [];
  if (n === 1) {
    for (let rep = 0; rep < opts.reps; rep++) {
      results.push(runReplication(scenario, { ...opts, rep }));
      onProgress?.(rep + 1, opts.reps);
    }
    return summariseBatch(scenario, opts, results);
  }
  // From source (tsx, vitest) the worker needs tsx registered first; the built CLI
  // (scripts/build-cli.mjs) ships the worker as plain JavaScript beside this chunk.
  const url = import.meta.url.endsWith('.ts') ? new URL('./replicationWorker.boot.mjs', import.meta.url) : new URL('./replicationWorker.mjs', import.meta.url);
  await Promise.all(
    Array.from({ length: n }, (_, w) => {
      const reps = Array.from({ length: opts.reps }, (_, r) => r).filter((r) => r % n === w);
      return new Promise<void>((resolve, reject) => {
        const worker = new Worker(url, { workerData: { scenario, opts, reps } });
        worker.on('message', (m: unknown) => {
          const parsed = ReplicationResultSchema.safeParse(m);
          if (!parsed.success) {
            reject(new Error(`a worker sent a malformed result: ${parsed.error.message}`));
            return;
          }
          results.push(parsed.data);
          onProgress?.(results.length, opts.reps);
        });
        worker.on('error', reject);
        worker.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`worker ${w} exited with code ${code}`))));
      });
    }),
  );
  return summariseBatch(scenario, opts, results);
}
