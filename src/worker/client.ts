import type { Scenario } from '../scenario/schema.ts';
import { summariseBatch } from '../sim/summarise.ts';
import type { BatchResult } from '../sim/results.ts';
import type { EncodedWarmState } from '../sim/warmStateCodec.ts';
import { SimulationPool, type RunProgress, type WorkerLike } from './pool.ts';
import type { RunSettings } from './protocol.ts';
import type { ResultStore } from './resultStore.ts';
import { startSimulationWorker } from './spawn.ts';

/**
 * The page's entry point to the simulation: runs scenarios in a pool of module Web Workers
 * (one per core, at most 4) that lives as long as the page, and returns one `BatchResult` per
 * scenario, all on the same seeds.
 */

/** Runs scenarios with shared settings; rejects with `RunCancelled` when the signal aborts. */
export type Runner = ((
  scenarios: readonly Scenario[],
  settings: RunSettings,
  options: { signal?: AbortSignal; onProgress?: (p: RunProgress) => void },
) => Promise<BatchResult[]>) & {
  /**
   * Gets a run of `scenarios` on `settings` ready in the background while the user reads the
   * screen: their warm-start templates, then their replications, computed ahead at low priority
   * (a later call replaces an earlier one), so pressing Run collects them (pool.ts). Optional:
   * runners in tests may not have it.
   */
  prepare?: (scenarios: readonly Scenario[], settings: RunSettings) => void;
  /**
   * The warm-start template of a scenario on a seed, packed, from the pool (held, being built, or
   * built now; pool.ts `template`), for a view that runs a replication in a worker of its own.
   * Null when it could not be built. Optional, as `prepare` is.
   */
  template?: (scenario: Scenario, seed: number) => Promise<EncodedWarmState | null>;
};

/** Number of workers to use here: the browser's logical cores, between 1 and 4. */
export function defaultPoolSize(): number {
  const cores = typeof navigator !== 'undefined' ? navigator.hardwareConcurrency : 2;
  return Math.max(1, Math.min(4, cores || 2));
}

/**
 * A runner backed by module Web Workers built from src/worker/sim.worker.ts (started in spawn.ts);
 * with `store`, replications are kept between visits (resultStore.ts).
 */
export function createWorkerRunner(size = defaultPoolSize(), store: ResultStore | null = null): Runner {
  const pool = new SimulationPool({ createWorker: () => startSimulationWorker() as unknown as WorkerLike, size, store });
  const runner: Runner = (scenarios, settings, { signal, onProgress }) =>
    pool.run(scenarios, settings, {
      summarise: (scenario, s, reps) => summariseBatch(scenario, { days: s.days, warmupDays: s.warmupDays, reps: s.reps, seed: s.seed }, reps),
      ...(signal ? { signal } : {}),
      ...(onProgress ? { onProgress } : {}),
    });
  runner.prepare = (scenarios, settings) => pool.prepare(scenarios, settings);
  runner.template = (scenario, seed) => pool.template(scenario, seed);
  return runner;
}
