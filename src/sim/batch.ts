import type { Scenario } from '../scenario/schema.ts';
import { createRun, type RunOptions } from './engine.ts';
import { addRecord, createAccumulator, finishMetrics } from './metrics.ts';
import type { SimRecord } from './records.ts';
import type { BatchResult, ReplicationResult } from './results.ts';
import { replicationSeed } from './rng.ts';
import { summariseBatch, type BatchOptions } from './summarise.ts';
import { warmStateFor } from './warmStart.ts';

export { replicationSeed, summariseBatch, type BatchOptions };

/** Options for one replication. */
export interface ReplicationOptions {
  /** Days measured: the window the metrics cover, after the warm-up. */
  days: number;
  /** Days simulated before the measured window and left out of the metrics. */
  warmupDays: number;
  /**
   * 'warm' (the default): start from the stocks of a long run of the same scenario (warmStart.ts),
   * so the measured window is in steady state; 'empty': start with no cases, children or plans
   * (for checks against queueing theory, and to show the start-up transient).
   */
  start?: 'warm' | 'empty';
  /** The batch's base seed; the replication's own seed is derived from it and `rep`. */
  seed: number;
  rep: number;
  /** Also receives every record (e.g. to keep them); metrics are streamed either way. */
  onRecord?: (r: SimRecord) => void;
  maxEvents?: RunOptions['maxEvents'];
}

/**
 * Runs one replication (its warm-up, then `days` measured) and folds its records into metrics
 * as they are produced.
 */
export function runReplication(scenario: Scenario, opts: ReplicationOptions): ReplicationResult {
  if (!(opts.days > 0)) throw new Error(`days must be above 0, got ${opts.days}`);
  if (!(opts.warmupDays >= 0)) throw new Error(`warm-up days must be at least 0, got ${opts.warmupDays}`);
  const seed = replicationSeed(opts.seed, opts.rep);
  const totalDays = opts.warmupDays + opts.days;
  const acc = createAccumulator(scenario, totalDays, opts.warmupDays);
  const extra = opts.onRecord;
  const warmStart = (opts.start ?? 'warm') === 'warm' ? warmStateFor(scenario, opts.seed, opts.maxEvents) : undefined;
  const run = createRun(scenario, {
    days: totalDays,
    warmupDays: opts.warmupDays,
    seed,
    ...(warmStart ? { warmStart } : {}),
    onRecord: extra ? (r) => (addRecord(acc, r), extra(r)) : (r) => addRecord(acc, r),
    ...(opts.maxEvents ? { maxEvents: opts.maxEvents } : {}),
  });
  run.runToEnd();
  const folded = finishMetrics(acc);
  return {
    rep: opts.rep,
    seed,
    metrics: folded.metrics,
    teams: scenario.dutyTeams.map((t, i) => ({ name: t.name, metrics: folded.teams[i]! })),
    series: folded.series,
    events: run.events,
    transitions: run.transitions,
  };
}

/** Runs `reps` replications one after another in this thread and summarises them. */
export function runBatch(scenario: Scenario, opts: BatchOptions, onProgress?: (done: number, total: number) => void): BatchResult {
  if (!(Number.isInteger(opts.reps) && opts.reps >= 1)) throw new Error(`reps must be a whole number of at least 1, got ${opts.reps}`);
  const results: ReplicationResult[] = [];
  for (let rep = 0; rep < opts.reps; rep++) {
    results.push(
      runReplication(scenario, { days: opts.days, warmupDays: opts.warmupDays, seed: opts.seed, rep, ...(opts.start ? { start: opts.start } : {}) }),
    );
    onProgress?.(rep + 1, opts.reps);
  }
  return summariseBatch(scenario, opts, results);
}
