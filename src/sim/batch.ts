import type { Scenario } from '../scenario/schema.ts';
import { createRun, type RunOptions } from './engine.ts';
import { METRIC_NAMES, SERIES_NAMES, TEAM_METRIC_NAMES } from './metricDefinitions.ts';
import { addRecord, createAccumulator, finishMetrics } from './metrics.ts';
import type { SimRecord } from './records.ts';
import { RESULTS_VERSION, type BatchResult, type Estimate, type ReplicationResult } from './results.ts';
import { replicationSeed } from './rng.ts';
import { estimate } from './stats.ts';
import { HOURS_PER_DAY, HOURS_PER_WEEK } from './workingCalendar.ts';

export { replicationSeed };

/** How long to run and how many replications, on which base seed. */
export interface BatchOptions {
  days: number;
  warmupDays: number;
  reps: number;
  seed: number;
}

/** Options for one replication. */
export interface ReplicationOptions {
  days: number;
  warmupDays: number;
  /** The batch's base seed; the replication's own seed is derived from it and `rep`. */
  seed: number;
  rep: number;
  /** Also receives every record (e.g. to keep them); metrics are streamed either way. */
  onRecord?: (r: SimRecord) => void;
  maxEvents?: RunOptions['maxEvents'];
}

/** Runs one replication and folds its records into metrics as they are produced. */
export function runReplication(scenario: Scenario, opts: ReplicationOptions): ReplicationResult {
  if (!(opts.days > 0)) throw new Error(`days must be above 0, got ${opts.days}`);
  if (!(opts.warmupDays >= 0 && opts.warmupDays < opts.days)) {
    throw new Error(`warm-up days must be at least 0 and less than the run's ${opts.days} days, got ${opts.warmupDays}`);
  }
  const seed = replicationSeed(opts.seed, opts.rep);
  const acc = createAccumulator(scenario, opts.days, opts.warmupDays);
  const extra = opts.onRecord;
  const run = createRun(scenario, {
    days: opts.days,
    warmupDays: opts.warmupDays,
    seed,
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

/** Summarises replications (in any order; sorted by rep so the result is independent of workers). */
export function summariseBatch(scenario: Scenario, opts: BatchOptions, replications: readonly ReplicationResult[]): BatchResult {
  if (!replications.length) throw new Error('summariseBatch: no replications');
  const reps = [...replications].sort((a, b) => a.rep - b.rep);
  const est = (xs: number[]): Estimate => estimate(xs);
  const metrics = Object.fromEntries(METRIC_NAMES.map((n) => [n, est(reps.map((r) => r.metrics[n]))])) as BatchResult['metrics'];
  const teams = scenario.dutyTeams.map((t, i) => ({
    name: t.name,
    metrics: Object.fromEntries(TEAM_METRIC_NAMES.map((n) => [n, est(reps.map((r) => r.teams[i]!.metrics[n]))])) as BatchResult['teams'][number]['metrics'],
  }));
  const weeks = reps[0]!.series.contacts.length;
  const values = Object.fromEntries(
    SERIES_NAMES.map((n) => [n, Array.from({ length: weeks }, (_, w) => est(reps.map((r) => r.series[n][w] ?? 0)))]),
  ) as BatchResult['series']['values'];
  return {
    version: RESULTS_VERSION,
    scenario: { id: scenario.id, name: scenario.name },
    days: opts.days,
    warmupDays: opts.warmupDays,
    reps: reps.length,
    seed: opts.seed,
    metrics,
    teams,
    replications: reps,
    series: { weekStartDays: Array.from({ length: weeks }, (_, w) => (w * HOURS_PER_WEEK) / HOURS_PER_DAY), values },
  };
}

/** Runs `reps` replications one after another in this thread and summarises them. */
export function runBatch(scenario: Scenario, opts: BatchOptions, onProgress?: (done: number, total: number) => void): BatchResult {
  if (!(Number.isInteger(opts.reps) && opts.reps >= 1)) throw new Error(`reps must be a whole number of at least 1, got ${opts.reps}`);
  const results: ReplicationResult[] = [];
  for (let rep = 0; rep < opts.reps; rep++) {
    results.push(runReplication(scenario, { days: opts.days, warmupDays: opts.warmupDays, seed: opts.seed, rep }));
    onProgress?.(rep + 1, opts.reps);
  }
  return summariseBatch(scenario, opts, results);
}
