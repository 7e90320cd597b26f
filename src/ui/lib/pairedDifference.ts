import { estimate } from '../../sim/stats.ts';

/**
 * The difference between two scenarios run on the same seeds (common random numbers): the mean
 * of the per-replication differences (b − a) with a paired Student-t 95% interval. Pairing
 * removes the noise both runs share, so it is narrower than comparing two separate intervals.
 * It says nothing about whether the difference matters in practice.
 */
export interface PairedDifference {
  /** Number of replication pairs. */
  n: number;
  /** Mean of b − a over replications. */
  mean: number;
  /** 95% confidence interval of the mean difference; `null` with fewer than 2 pairs. */
  ci95: [number, number] | null;
  /** True when the interval lies wholly above or wholly below zero. */
  excludesZero: boolean;
}

/**
 * Paired difference of `b` minus `a`, matched by position (replication); throws on unequal
 * lengths. The interval is the engine's own (`estimate` in src/sim/stats.ts), so a comparison and
 * a batch summary use the same Student t.
 */
export function pairedDifference(a: readonly number[], b: readonly number[]): PairedDifference {
  if (a.length !== b.length) throw new Error(`paired difference needs equal replications, got ${a.length} and ${b.length}`);
  const n = a.length;
  if (n === 0) throw new Error('paired difference needs at least one replication');
  const diffs = a.map((x, i) => (b[i] as number) - x);
  const { mean, ci95 } = estimate(diffs);
  if (n < 2) return { n, mean, ci95: null, excludesZero: false };
  return { n, mean, ci95, excludesZero: ci95[0] > 0 || ci95[1] < 0 };
}
