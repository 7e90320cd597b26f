import { describe, expect, it } from 'vitest';
import type { ParameterRange } from '../../src/scenario/sensitivity.ts';
import { summariseBatch } from '../../src/sim/batch.ts';
import type { BatchResult, ReplicationResult } from '../../src/sim/results.ts';
import { analyseSensitivity, pairedEffect } from '../../src/sim/sensitivity.ts';
import { fakeReplication } from '../fixtures/results.ts';
import { fixtureScenario } from '../fixtures/scenario.ts';

describe('the paired effect of a variant', () => {
  it('is the mean of the per-replication differences with a paired Student-t interval (worked by hand)', () => {
    // differences 1, 2, 0, 3: mean 1.5, sd √(5/3) = 1.2910, se 0.6455, t(0.975, 3) = 3.1824 → ±2.0543
    const e = pairedEffect([1, 2, 3, 4], [2, 4, 3, 7], 'count');
    expect(e.n).toBe(4);
    expect(e.mean).toBeCloseTo(1.5, 12);
    expect(e.ci95[0]).toBeCloseTo(1.5 - (3.182446305284263 * Math.sqrt(5 / 3)) / 2, 12);
    expect(e.ci95[1]).toBeCloseTo(1.5 + (3.182446305284263 * Math.sqrt(5 / 3)) / 2, 12);
  });

  it('removes noise the two runs share: equal shifts give a zero-width interval however noisy the base', () => {
    const base = [10, 50, 3, 80, 27];
    const e = pairedEffect(
      base,
      base.map((x) => x + 2),
      'cases',
    );
    expect(e.mean).toBeCloseTo(2, 12);
    expect(e.ci95[0]).toBeCloseTo(2, 12);
    expect(e.ci95[1]).toBeCloseTo(2, 12);
  });

  it('keeps a difference of shares within −100 to +100 points', () => {
    const e = pairedEffect([0, 0.01], [0.99, 0.1], 'share');
    expect(e.ci95[0]).toBeGreaterThanOrEqual(-1);
    expect(e.ci95[1]).toBeLessThanOrEqual(1);
    expect(e.ci95[1]).toBe(1);
  });

  it('refuses unpaired lists', () => {
    expect(() => pairedEffect([1, 2], [1], 'count')).toThrow(/equal replications/);
    expect(() => pairedEffect([], [], 'count')).toThrow(/at least one/);
  });
});

const opts = { days: 56, warmupDays: 14, reps: 4, seed: 9 };
/** A fabricated batch whose every measure is `level` times the fixture's (shared wobble per replication, so pairs differ exactly). */
function batchAt(level: number, change: (r: ReplicationResult) => ReplicationResult = (r) => r, o = opts): BatchResult {
  return summariseBatch(
    fixtureScenario(),
    o,
    Array.from({ length: o.reps }, (_, rep) => change(fakeReplication(rep, o.seed, level))),
  );
}
const range = (path: string, base: number, low: number, high: number): ParameterRange => ({ path, base, low, high, cut: false });

describe('the analysis of a sensitivity run', () => {
  const base = batchAt(1);
  const ranges = [range('a.small', 1, 0.5, 1.5), range('a.large', 2, 1, 3), range('a.zero', 0, 0, 0.1)];
  const variants = [
    { path: 'a.small', side: 'low' as const, batch: batchAt(0.99) },
    { path: 'a.small', side: 'high' as const, batch: batchAt(1.01) },
    { path: 'a.large', side: 'low' as const, batch: batchAt(0.8) },
    { path: 'a.large', side: 'high' as const, batch: batchAt(1.3) },
    { path: 'a.zero', side: 'high' as const, batch: batchAt(1.05) },
  ];

  it('sorts parameters by swing, largest first, and pairs each variant with the base by replication', () => {
    const a = analyseSensitivity(base, ranges, variants, ['reReferralRate', 'contacts']);
    for (const m of a.measures) {
      expect(m.rows.map((r) => r.path)).toEqual(['a.large', 'a.zero', 'a.small']);
      const swings = m.rows.map((r) => r.swing);
      expect([...swings].sort((x, y) => y - x)).toEqual(swings);
      const large = m.rows[0]!;
      const expected = base.replications.map((r, i) => variants[3]!.batch.replications[i]!.metrics[m.metric] - r.metrics[m.metric]);
      expect(large.high.effect.mean).toBeCloseTo(expected.reduce((x, y) => x + y, 0) / expected.length, 12);
      expect(large.low.effect.mean).toBeLessThan(0);
      expect(large.swing).toBeCloseTo(large.high.effect.mean - large.low.effect.mean, 12);
    }
  });

  it('counts a side equal to the base as no change, without a batch', () => {
    const a = analyseSensitivity(base, ranges, variants, ['reReferralRate']);
    const zero = a.measures[0]!.rows.find((r) => r.path === 'a.zero')!;
    expect(zero.low).toMatchObject({ value: 0, run: false, effect: { mean: 0, ci95: [0, 0] } });
    expect(zero.high.run).toBe(true);
  });

  it('refuses a variant run on other seeds or replications (no common random numbers), and a missing batch', () => {
    const other = { ...opts, seed: 10 };
    expect(() => analyseSensitivity(base, ranges, [...variants.slice(0, 4), { path: 'a.zero', side: 'high', batch: batchAt(1.05, undefined, other) }])).toThrow(
      /same|seed/,
    );
    expect(() => analyseSensitivity(base, ranges, variants.slice(1))).toThrow(/no batch for a\.small at its low value/);
  });
});
