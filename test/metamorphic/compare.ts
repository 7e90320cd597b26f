import { runReplication } from '../../src/sim/batch.ts';
import type { MetricValues } from '../../src/sim/results.ts';
import type { Scenario } from '../../src/scenario/schema.ts';
import { METAMORPHIC_RUN } from '../fixtures/pressured.ts';

/**
 * Metamorphic comparisons run each variant on the same replication seeds (common random numbers:
 * the same arrivals and children, Law §11.2), so a difference between variants is the change's
 * effect rather than noise; the claims compare means over the replications. They start empty:
 * they check the direction of each decision rule on the same arrivals, before children who come
 * back pile up. At steady state, where returns are most of the work, the levers are checked at the
 * app's default run in levers.test.ts (a stricter threshold can *raise* acceptances there, as
 * refused children come back with more need).
 */
export const REPS = 4;

/** Mean over `REPS` replications of each metric (and of accepted-for-assessment counts). */
export function meanMetrics(scenario: Scenario): MetricValues & { accepted: number } {
  const sums: Record<string, number> = {};
  for (let rep = 0; rep < REPS; rep++) {
    const m = runReplication(scenario, { ...METAMORPHIC_RUN, rep, start: 'empty' }).metrics;
    for (const [k, v] of Object.entries(m)) sums[k] = (sums[k] ?? 0) + v / REPS;
    sums.accepted = (sums.accepted ?? 0) + (m.referrals * m.referralToInitialAssessmentRate) / REPS;
  }
  return sums as MetricValues & { accepted: number };
}

/** Whether `xs` never rises from one entry to the next (ties allowed). */
export function nonIncreasing(xs: readonly number[]): boolean {
  return xs.every((x, i) => i === 0 || x <= xs[i - 1]! + 1e-9);
}

/** Whether `xs` never falls from one entry to the next (ties allowed). */
export function nonDecreasing(xs: readonly number[]): boolean {
  return xs.every((x, i) => i === 0 || x >= xs[i - 1]! - 1e-9);
}
