import { describe, expect, it } from 'vitest';
import { normal } from '../../src/sim/distributions.ts';
import { createStream } from '../../src/sim/rng.ts';
import { estimate, mean, sampleSd, tQuantile975 } from '../../src/sim/stats.ts';
import { tQuantile } from '../fixtures/hillTQuantile.ts';

/** Student-t intervals across replications (Law §4.5). */
describe('tQuantile975', () => {
  it('agrees with an independent algorithm (Hill 1970) to one part in a million for every df from 1 to 2000', () => {
    for (let df = 1; df <= 2000; df++) expect(Math.abs(tQuantile975(df) / tQuantile(0.975, df) - 1), `df ${df}`).toBeLessThan(1e-6);
  });

  // Published t(0.975, df) (NIST/SEMATECH e-Handbook Table 1.3.6.7.2; Abramowitz and Stegun Table 26.10).
  const table: [number, number][] = [
    [1, 12.706],
    [2, 4.303],
    [3, 3.182],
    [4, 2.776],
    [5, 2.571],
    [9, 2.262],
    [10, 2.228],
    [19, 2.093],
    [29, 2.045],
    [30, 2.042],
    [40, 2.021],
    [60, 2.0],
    [100, 1.984],
    [120, 1.98],
    [1000, 1.962],
  ];
  it.each(table)('df = %i gives %f (to 3 decimals)', (df, t) => {
    expect(Math.abs(tQuantile975(df) - t)).toBeLessThan(0.0015);
  });

  it('falls as df grows and tends to the normal 1.96', () => {
    let prev = Infinity;
    for (let df = 1; df <= 500; df++) {
      const t = tQuantile975(df);
      expect(t).toBeLessThan(prev);
      prev = t;
    }
    expect(tQuantile975(1e9)).toBeCloseTo(1.959964, 5);
  });

  it('is infinite below one degree of freedom', () => {
    expect(tQuantile975(0)).toBe(Infinity);
  });
});

describe('estimate', () => {
  it('gives the mean with a t interval: 1..5 → 3 ± t(0.975, 4) × 1.581/√5, t = 2.7764451051977934', () => {
    const e = estimate([1, 2, 3, 4, 5]);
    expect(e.mean).toBe(3);
    const half = 2.7764451051977934 * (Math.sqrt(2.5) / Math.sqrt(5));
    expect(e.ci95[0]).toBeCloseTo(3 - half, 10);
    expect(e.ci95[1]).toBeCloseTo(3 + half, 10);
  });

  it('cut to the range a measure can take: no count below 0, no share outside [0, 1]', () => {
    // The example: 0.5 overdue assessments [-0.27, 1.27] is a count, so it starts at 0.
    const counts = [0, 0, 0, 2, 0, 1, 0, 0, 1, 1];
    const open = estimate(counts);
    expect(open.ci95[0]).toBeLessThan(0);
    const cut = estimate(counts, [0, Infinity]);
    expect(cut.ci95).toEqual([0, open.ci95[1]]);
    expect(cut.mean).toBe(open.mean);
    const shares = estimate([0.98, 1, 1, 0.9, 1], [0, 1]);
    expect(shares.ci95[1]).toBe(1);
    expect(shares.ci95[0]).toBeGreaterThan(0.8);
  });

  it('every interval a batch reports lies in its measure’s range', async () => {
    const { runBatch } = await import('../../src/sim/batch.ts');
    const { METRICS, METRIC_NAMES, metricRange } = await import('../../src/sim/metricDefinitions.ts');
    const { smallScenario } = await import('../fixtures/small.ts');
    const b = runBatch(smallScenario, { days: 60, warmupDays: 14, reps: 3, seed: 4, start: 'empty' });
    for (const n of METRIC_NAMES) {
      const [lo, hi] = metricRange(METRICS[n].unit);
      expect(b.metrics[n].ci95[0], n).toBeGreaterThanOrEqual(lo);
      expect(b.metrics[n].ci95[1], n).toBeLessThanOrEqual(hi);
    }
  }, 120_000);

  it('one value gives a zero-width interval; none gives 0', () => {
    expect(estimate([7])).toEqual({ mean: 7, ci95: [7, 7] });
    expect(mean([])).toBe(0);
    expect(sampleSd([4])).toBe(0);
  });

  it('covers the true mean about 95% of the time (4000 intervals from 5 normal draws each)', () => {
    const s = createStream(31, 'screening');
    let covered = 0;
    const n = 4000;
    for (let i = 0; i < n; i++) {
      const e = estimate(Array.from({ length: 5 }, () => normal(s, 10, 3)));
      if (e.ci95[0] <= 10 && 10 <= e.ci95[1]) covered++;
    }
    // Standard error of the coverage is 0.0034.
    expect(Math.abs(covered / n - 0.95)).toBeLessThan(0.015);
  });
});
