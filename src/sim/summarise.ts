import type { Scenario } from '../scenario/schema.ts';
import { METRICS, METRIC_NAMES, metricRange, SERIES_NAMES, TEAM_METRIC_NAMES } from './metricDefinitions.ts';
import { SERIES_UNITS } from './seriesUnits.ts';
import { WARM_START_SETTLED_DAYS, assessSteadiness } from './steadiness.ts';
import { RESULTS_VERSION, type BatchResult, type Estimate, type ReplicationResult } from './results.ts';
import { estimate } from './stats.ts';
import { HOURS_PER_DAY, HOURS_PER_WEEK } from './workingCalendar.ts';

/**
 * Summaries across replications, apart from the engine so the page can summarise what its
 * workers send without loading the engine (the workers load it).
 */

/** How long to run and how many replications, on which base seed. */
export interface BatchOptions {
  /** Days measured in each replication (after its warm-up). */
  days: number;
  /** Days of warm-up before the measured window, left out of the metrics. */
  warmupDays: number;
  /** Warm (default) or empty start; see runReplication. */
  start?: 'warm' | 'empty';
  reps: number;
  seed: number;
}

/** Summarises replications (in any order; sorted by rep so the result is independent of workers). */
export function summariseBatch(scenario: Scenario, opts: BatchOptions, replications: readonly ReplicationResult[]): BatchResult {
  if (!replications.length) throw new Error('summariseBatch: no replications');
  const reps = [...replications].sort((a, b) => a.rep - b.rep);
  const est = (xs: number[], range: readonly [number, number]): Estimate => estimate(xs, range);
  const rangeOf = (n: (typeof METRIC_NAMES)[number]) => metricRange(METRICS[n].unit);
  const metrics = Object.fromEntries(
    METRIC_NAMES.map((n) => [
      n,
      est(
        reps.map((r) => r.metrics[n]),
        rangeOf(n),
      ),
    ]),
  ) as BatchResult['metrics'];
  const teams = scenario.dutyTeams.map((t, i) => ({
    name: t.name,
    metrics: Object.fromEntries(
      TEAM_METRIC_NAMES.map((n) => [
        n,
        est(
          reps.map((r) => r.teams[i]!.metrics[n]),
          rangeOf(n),
        ),
      ]),
    ) as BatchResult['teams'][number]['metrics'],
  }));
  const weeks = reps[0]!.series.contacts.length;
  const values = Object.fromEntries(
    SERIES_NAMES.map((n) => [
      n,
      Array.from({ length: weeks }, (_, w) =>
        est(
          reps.map((r) => r.series[n][w] ?? 0),
          metricRange(SERIES_UNITS[n]),
        ),
      ),
    ]),
  ) as BatchResult['series']['values'];
  return {
    version: RESULTS_VERSION,
    scenario: { id: scenario.id, name: scenario.name },
    days: opts.days,
    warmupDays: opts.warmupDays,
    reps: reps.length,
    seed: opts.seed,
    start: opts.start ?? 'warm',
    metrics,
    teams,
    replications: reps,
    steadiness: assessSteadiness(
      reps.map((r) => r.series),
      SERIES_UNITS,
      opts.warmupDays,
      opts.warmupDays + opts.days,
      (opts.start ?? 'warm') === 'warm' ? WARM_START_SETTLED_DAYS : opts.warmupDays,
    ),
    series: { weekStartDays: Array.from({ length: weeks }, (_, w) => (w * HOURS_PER_WEEK) / HOURS_PER_DAY), values },
  };
}
