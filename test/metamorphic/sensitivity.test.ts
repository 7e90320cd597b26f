import { describe, expect, it } from 'vitest';
import { sensitivityVariants } from '../../src/scenario/sensitivity.ts';
import { runBatch } from '../../src/sim/batch.ts';
import { analyseSensitivity } from '../../src/sim/sensitivity.ts';
import { pressuredScenario } from '../fixtures/pressured.ts';

/**
 * The sensitivity analysis on common random numbers, on a small three-team county: children
 * whose need was left unmet coming back more often means more children come back after a
 * closure, and less often fewer; both effects are clear on a handful of replications because
 * each variant is paired with the base on the same seeds.
 */
describe('sensitivity on common random numbers', () => {
  it('raising how often children with unmet need come back raises the share who come back after closure; lowering it lowers it', () => {
    const scenario = pressuredScenario();
    const plan = sensitivityVariants(scenario, ['reReferral.unmetNeedReturnsPerYear']);
    if (!plan.ok) throw new Error(JSON.stringify(plan.problems));
    const opts = { days: 182, warmupDays: 28, reps: 4, seed: 12 };
    const base = runBatch(scenario, opts);
    const variants = plan.value.variants.map((v) => ({ path: v.path, side: v.side, batch: runBatch(v.scenario, opts) }));
    const a = analyseSensitivity(base, plan.value.ranges, variants, ['returnAfterClosureRate']);
    const row = a.measures[0]!.rows[0]!;
    expect(row.low.value).toBeLessThan(row.base);
    expect(row.high.value).toBeGreaterThan(row.base);
    expect(row.low.effect.ci95[1], `low: ${JSON.stringify(row.low.effect)}`).toBeLessThan(0);
    expect(row.high.effect.ci95[0], `high: ${JSON.stringify(row.high.effect)}`).toBeGreaterThan(0);
    // Pairing on the same seeds: the paired interval is narrower than the two batches' own intervals side by side.
    const width = (ci: readonly [number, number]) => ci[1] - ci[0];
    const high = variants.find((v) => v.side === 'high')!.batch.metrics.returnAfterClosureRate;
    expect(width(row.high.effect.ci95)).toBeLessThan(width(high.ci95) + width(base.metrics.returnAfterClosureRate.ci95));
  }, 120_000);
});
