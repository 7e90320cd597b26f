import type { ParameterRange } from '../scenario/sensitivity.ts';
import { METRICS, type MetricName, type MetricUnit } from './metricDefinitions.ts';
import type { BatchResult, Estimate } from './results.ts';
import { estimate } from './stats.ts';

/**
 * A one-at-a-time sensitivity analysis summarised from batches run on common random numbers:
 * for each assumed parameter and each measure, the effect of moving the parameter to its low
 * and high value, as the mean of the per-replication differences from the base (variant − base,
 * paired by replication) with a paired Student-t 95% interval (Law, *Simulation Modeling and
 * Analysis*, 5th ed., §10.2.1 and §11.2 on common random numbers). Rows are sorted by swing, the
 * distance between the low and high effects: a tornado. It does not say which values are likely.
 */

/** The measures a sensitivity analysis reports first (the app's select, the CLI's table). */
export const SENSITIVITY_MEASURES = [
  'reReferralRate',
  'returnAfterClosureRate',
  'closedWithUnmetNeedRate',
  'awaitingAllocationMean',
  'initialAssessmentInTimescaleRate',
] as const satisfies readonly MetricName[];

/** A mean difference with its 95% interval over `n` replication pairs. */
export interface Effect {
  n: number;
  mean: number;
  ci95: [number, number];
}

/**
 * The paired difference `variant − base`, matched by position (replication), with a Student-t
 * 95% interval cut to the differences the measure allows (a difference of two shares lies in
 * [−1, 1]; counts are not cut). Throws on unequal or empty lists.
 */
export function pairedEffect(base: readonly number[], variant: readonly number[], unit: MetricUnit): Effect {
  if (base.length !== variant.length) throw new Error(`paired effect needs equal replications, got ${base.length} and ${variant.length}`);
  if (!base.length) throw new Error('paired effect needs at least one replication');
  const span: [number, number] = unit === 'share' ? [-1, 1] : [-Infinity, Infinity];
  const { mean, ci95 } = estimate(
    base.map((b, i) => variant[i]! - b),
    span,
  );
  return { n: base.length, mean, ci95 };
}

/** One side (low or high) of a parameter, for one measure. */
export interface SideEffect {
  /** The parameter's value on this side. */
  value: number;
  /** False when the value equals the base's (e.g. a rate of 0 cannot go lower): nothing was run and the effect is 0. */
  run: boolean;
  /** The measure with the parameter at this value (mean across replications and its interval). */
  variant: Estimate;
  /** Variant − base, paired by replication. */
  effect: Effect;
}

/** One tornado row: one parameter, one measure. */
export interface TornadoRow {
  path: string;
  /** The parameter's value in the scenario. */
  base: number;
  low: SideEffect;
  high: SideEffect;
  /** |high effect − low effect|: the width of the bar. */
  swing: number;
}

/** One measure's tornado. */
export interface MeasureSensitivity {
  metric: MetricName;
  /** The measure in the base scenario. */
  base: Estimate;
  /** Sorted by swing, largest first (ties keep the parameters' order). */
  rows: TornadoRow[];
}

/** A variant's batch, with the parameter and side it belongs to. */
export interface VariantBatch {
  path: string;
  side: 'low' | 'high';
  batch: BatchResult;
}

/** Weekly series that trend upward through the measured days in a variant but not in the base. */
export interface Unsteady {
  path: string;
  side: 'low' | 'high';
  series: string[];
}

/** The whole analysis. */
export interface SensitivityAnalysis {
  scenario: { id: string; name: string };
  days: number;
  warmupDays: number;
  reps: number;
  seed: number;
  ranges: ParameterRange[];
  measures: MeasureSensitivity[];
  unsteady: Unsteady[];
}

/**
 * Summarises a base batch and its variants' batches into one tornado per measure. Every batch
 * must share the base's seed, days and replications (common random numbers); throws otherwise.
 */
export function analyseSensitivity(
  base: BatchResult,
  ranges: readonly ParameterRange[],
  variants: readonly VariantBatch[],
  metrics: readonly MetricName[] = SENSITIVITY_MEASURES,
): SensitivityAnalysis {
  const reps = base.replications.map((r) => r.rep);
  for (const v of variants) {
    const b = v.batch;
    if (b.seed !== base.seed || b.days !== base.days || b.warmupDays !== base.warmupDays || b.replications.map((r) => r.rep).join() !== reps.join()) {
      throw new Error(`${v.path} (${v.side}) was not run on the base's seed, days and replications, so it cannot be paired with it`);
    }
  }
  const find = (path: string, side: 'low' | 'high') => variants.find((v) => v.path === path && v.side === side)?.batch;
  const measures = metrics.map((metric): MeasureSensitivity => {
    const unit = METRICS[metric].unit;
    const baseValues = base.replications.map((r) => r.metrics[metric]);
    const side = (range: ParameterRange, which: 'low' | 'high'): SideEffect => {
      const batch = find(range.path, which);
      if (!batch) {
        if (range[which] !== range.base) throw new Error(`no batch for ${range.path} at its ${which} value ${range[which]}`);
        return { value: range[which], run: false, variant: base.metrics[metric], effect: { n: reps.length, mean: 0, ci95: [0, 0] } };
      }
      return {
        value: range[which],
        run: true,
        variant: batch.metrics[metric],
        effect: pairedEffect(
          baseValues,
          batch.replications.map((r) => r.metrics[metric]),
          unit,
        ),
      };
    };
    const rows = ranges.map((range): TornadoRow => {
      const low = side(range, 'low');
      const high = side(range, 'high');
      return { path: range.path, base: range.base, low, high, swing: Math.abs(high.effect.mean - low.effect.mean) };
    });
    // Array.prototype.sort is stable, so equal swings keep the parameters' order.
    rows.sort((a, b) => b.swing - a.swing);
    return { metric, base: base.metrics[metric], rows };
  });
  const baseRising = new Set(
    Object.entries(base.steadiness)
      .filter(([, s]) => s.trend === 'rising')
      .map(([k]) => k),
  );
  const unsteady = variants
    .map((v) => ({
      path: v.path,
      side: v.side,
      series: Object.entries(v.batch.steadiness)
        .filter(([k, s]) => s.trend === 'rising' && !baseRising.has(k))
        .map(([k]) => k),
    }))
    .filter((u) => u.series.length > 0);
  return { scenario: base.scenario, days: base.days, warmupDays: base.warmupDays, reps: base.reps, seed: base.seed, ranges: [...ranges], measures, unsteady };
}
