import type { Scenario } from '../scenario/schema.ts';
import { summariseBatch } from '../sim/summarise.ts';
import type { BatchResult } from '../sim/results.ts';
import { runJobs, type RunProgress, type WorkerLike } from './pool.ts';
import type { RunSettings } from './protocol.ts';
import { startSimulationWorker } from './spawn.ts';

/**
 * The page's entry point to the simulation: runs scenarios in a pool of module Web Workers
 * (one per core, at most 4) and returns one `BatchResult` per scenario, all on the same seeds.
 */

/** Runs scenarios with shared settings; rejects with `RunCancelled` when the signal aborts. */
export type Runner = (
  scenarios: readonly Scenario[],
  settings: RunSettings,
  options: { signal?: AbortSignal; onProgress?: (p: RunProgress) => void },
) => Promise<BatchResult[]>;

/** Number of workers to use here: the browser's logical cores, between 1 and 4. */
export function defaultPoolSize(): number {
  const cores = typeof navigator !== 'undefined' ? navigator.hardwareConcurrency : 2;
  return Math.max(1, Math.min(4, cores || 2));
}

/** A runner backed by module Web Workers built from src/worker/sim.worker.ts (started in spawn.ts). */
export function createWorkerRunner(size = defaultPoolSize()): Runner {
  const createWorker = () => startSimulationWorker() as unknown as WorkerLike;
  return (scenarios, settings, { signal, onProgress }) =>
    runJobs(scenarios, settings, {
      createWorker,
      size,
      summarise: (scenario, s, reps) => summariseBatch(scenario, { days: s.days, warmupDays: s.warmupDays, reps: s.reps, seed: s.seed }, reps),
      ...(signal ? { signal } : {}),
      ...(onProgress ? { onProgress } : {}),
    });
}
