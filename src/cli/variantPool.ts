import { Worker } from 'node:worker_threads';
import { z } from 'zod';
import type { Scenario } from '../scenario/schema.ts';
import { runReplication, summariseBatch, type BatchOptions } from '../sim/batch.ts';
import { ReplicationResult, type BatchResult } from '../sim/results.ts';

const Message = z.union([
  z.strictObject({ index: z.number().int().min(0), result: ReplicationResult }),
  z.strictObject({ index: z.number().int().min(0), done: z.literal(true) }),
]);

/**
 * Runs every scenario's replications on the same settings (so on the same seeds: common random
 * numbers) and returns one batch per scenario, in order. With `workers` above 1, scenarios are
 * handed to long-lived worker threads as each becomes free, and each thread runs all of a
 * scenario's replications, so a scenario's warm-start template is built once. Results do not
 * depend on `workers`: replication r of every scenario runs on seed replicationSeed(seed, r).
 */
export async function runScenarios(
  scenarios: readonly Scenario[],
  opts: BatchOptions,
  workers: number,
  onProgress?: (done: number, total: number) => void,
): Promise<BatchResult[]> {
  const total = scenarios.length * opts.reps;
  let done = 0;
  const results: ReplicationResult[][] = scenarios.map(() => []);
  const n = Math.max(1, Math.min(workers, scenarios.length));
  if (n === 1) {
    scenarios.forEach((s, i) => {
      for (let rep = 0; rep < opts.reps; rep++) {
        results[i]!.push(runReplication(s, { ...opts, rep }));
        onProgress?.(++done, total);
      }
    });
  } else {
    // From source (tsx, vitest) the worker needs tsx registered first; the built CLI
    // (scripts/build-cli.mjs) ships the worker as plain JavaScript beside this chunk.
    const url = import.meta.url.endsWith('.ts') ? new URL('./variantWorker.boot.mjs', import.meta.url) : new URL('./variantWorker.mjs', import.meta.url);
    let next = 0;
    const threads: Worker[] = [];
    try {
      await Promise.all(
        Array.from({ length: n }, () => {
          const worker = new Worker(url);
          threads.push(worker);
          return new Promise<void>((resolve, reject) => {
            const give = () => {
              if (next >= scenarios.length) return resolve();
              const index = next++;
              const { days, warmupDays, reps, seed } = opts;
              worker.postMessage({ index, scenario: scenarios[index], opts: { days, warmupDays, reps, seed } });
            };
            worker.on('message', (m: unknown) => {
              const parsed = Message.safeParse(m);
              if (!parsed.success) return reject(new Error(`a worker sent a malformed message: ${parsed.error.message}`));
              const msg = parsed.data;
              if ('done' in msg) return give();
              results[msg.index]!.push(msg.result);
              onProgress?.(++done, total);
            });
            worker.on('error', reject);
            worker.on('exit', (code) => reject(new Error(`a worker stopped early (exit code ${code})`)));
            give();
          });
        }),
      );
    } finally {
      await Promise.all(threads.map((t) => t.terminate()));
    }
  }
  return scenarios.map((s, i) => summariseBatch(s, opts, results[i]!));
}
