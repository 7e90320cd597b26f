import type { BatchResult } from '../../../sim/results.ts';
import { measureFindings, mechanism, metricDifference, type Finding } from './findings.ts';

/**
 * Findings for a sweep: every point ran on the same seeds, so the lowest and highest values are
 * compared as a paired difference, and for each clear measure the step between neighbouring values
 * that moved it most is named (only when that step is itself clear). Pure.
 */

/** One measure that moves clearly across the swept range. */
export interface SweepFinding extends Finding {
  /** The neighbouring values between which the measure moved most, when that step is clear. */
  steepest: { from: number; to: number } | null;
}

/** The findings of a sweep. */
export interface SweepFindings {
  headline: string;
  mechanism: string | null;
  clear: SweepFinding[];
  unclearCount: number;
}

/**
 * Findings across a sweep of `paramLabel` over `values` (ascending or not: the lowest and the
 * highest value are compared). `formatX` writes a swept value as people write it.
 */
export function sweepFindings(values: readonly number[], batches: readonly BatchResult[], paramLabel: string, formatX: (v: number) => string): SweepFindings {
  if (values.length !== batches.length || values.length < 2)
    throw new Error(`a sweep needs a result for each of at least 2 values, got ${values.length} values and ${batches.length} results`);
  const order = values.map((v, i) => [v, i] as const).sort((a, b) => a[0] - b[0]);
  const [lowV, lowI] = order[0]!;
  const [highV, highI] = order[order.length - 1]!;
  const low = batches[lowI]!;
  const high = batches[highI]!;
  const { clear, unclear } = measureFindings(low, high);
  const withSteps: SweepFinding[] = clear.map((f) => {
    let steepest: SweepFinding['steepest'] = null;
    let biggest = 0;
    for (let k = 1; k < order.length; k++) {
      const d = metricDifference(batches[order[k - 1]![1]]!, batches[order[k]![1]]!, f.metric);
      if (d.excludesZero && Math.abs(d.mean) > biggest) {
        biggest = Math.abs(d.mean);
        steepest = { from: order[k - 1]![0], to: order[k]![0] };
      }
    }
    const step = steepest && order.length > 2 ? ` Most of the change comes between ${formatX(steepest.from)} and ${formatX(steepest.to)}.` : '';
    return { ...f, steepest, text: f.text + step };
  });
  const range = `From ${formatX(lowV)} to ${formatX(highV)} (${paramLabel.charAt(0).toLowerCase()}${paramLabel.slice(1)})`;
  const total = clear.length + unclear.length;
  const headline =
    clear.length === 0
      ? `${range}: no clear difference in any of the ${total} measures (every paired 95% interval includes zero).`
      : `${range}: ${clear.length} of ${total} measures change clearly; no clear difference in the other ${unclear.length}.`;
  return { headline, mechanism: mechanism(clear), clear: withSteps, unclearCount: unclear.length };
}
