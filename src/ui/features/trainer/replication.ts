import type { MetricName } from '../../../sim/metricDefinitions.ts';
import type { BatchResult, MetricValues } from '../../../sim/results.ts';

/**
 * Where the animated replication's figures sit among the batch of replications it belongs to:
 * its value, the batch mean and 95% confidence interval, the range, and its rank. Pure.
 */

/** Metrics the trainer shows beside the animation (the failures it teaches). */
export const TRAINER_METRICS: readonly MetricName[] = [
  'contactToReferralRate',
  'doubleScreenedRate',
  'returnedForReclassificationRate',
  'reReferralRate',
  'closedWithUnmetNeedRate',
  'awaitingAllocationMean',
  'meanWaitToAllocationHours',
  'initialAssessmentInTimescaleRate',
];

export interface Placement {
  metric: MetricName;
  value: number;
  mean: number;
  ci95: readonly [number, number];
  min: number;
  max: number;
  /** 1 = lowest of the replications (ties share the lower rank). */
  rank: number;
  reps: number;
  /** Where the value lies against the interval for the mean. */
  position: 'below' | 'inside' | 'above';
}

/** Places replication `rep`'s metrics within `batch`. */
export function placeReplication(batch: BatchResult, rep: number, metrics: readonly MetricName[] = TRAINER_METRICS): Placement[] {
  const mine = batch.replications.find((r) => r.rep === rep);
  if (!mine) throw new Error(`replication ${rep} is not in the batch (it has ${batch.replications.length})`);
  return metrics.map((m) => {
    const all = batch.replications.map((r) => r.metrics[m]);
    const value = mine.metrics[m];
    const { mean, ci95 } = batch.metrics[m];
    const eps = 1e-12 * Math.max(1, Math.abs(value));
    return {
      metric: m,
      value,
      mean,
      ci95,
      min: Math.min(...all),
      max: Math.max(...all),
      rank: all.filter((x) => x < value - eps).length + 1,
      reps: all.length,
      position: value < ci95[0] - eps ? 'below' : value > ci95[1] + eps ? 'above' : 'inside',
    };
  });
}

/** Whether the animation's own final metrics equal the batch's replication (same seed, same engine). */
export function sameAsBatch(animated: MetricValues, batch: BatchResult, rep: number): boolean {
  const mine = batch.replications.find((r) => r.rep === rep);
  if (!mine) return false;
  return (Object.keys(animated) as MetricName[]).every((k) => Math.abs(animated[k] - mine.metrics[k]) <= 1e-9 * Math.max(1, Math.abs(mine.metrics[k])));
}

/** "3rd", "11th", "22nd". */
export function ordinal(n: number): string {
  const s = n % 100 >= 11 && n % 100 <= 13 ? 'th' : (({ 1: 'st', 2: 'nd', 3: 'rd' } as Record<number, string>)[n % 10] ?? 'th');
  return `${n}${s}`;
}

/**
 * Where the replication's value sits among the batch, in words: "3rd lowest of 10 (range 1.0 to
 * 4.0)", "the lowest of 10 …", or "the same in every replication" when they all agree (a rank
 * among equal values says nothing). `range` is the range already formatted in the metric's unit.
 */
export function rankWords(p: Pick<Placement, 'rank' | 'reps' | 'min' | 'max'>, range: string): string {
  if (p.min === p.max) return 'the same in every replication';
  const tied = p.rank === 1 ? 'the lowest' : `${ordinal(p.rank)} lowest`;
  return `${tied} of ${p.reps} (range ${range})`;
}
