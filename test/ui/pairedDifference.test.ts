import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { pairedDifference } from '../../src/ui/lib/pairedDifference.ts';
import { normalQuantile, tQuantile } from '../fixtures/hillTQuantile.ts';

describe('t and normal quantiles', () => {
  // Reference values from R's qt()/qnorm() (also jStat.studentt.inv).
  const cases: [number, number, number][] = [
    [0.975, 1, 12.706204736174698],
    [0.975, 2, 4.302652729749464],
    [0.975, 3, 3.182446305284263],
    [0.975, 4, 2.7764451051977934],
    [0.975, 9, 2.2621571582187063],
    [0.975, 19, 2.093024054408263],
    [0.975, 29, 2.045229642132703],
    [0.975, 1000, 1.9623390808264078],
    [0.995, 5, 4.032142983557536],
    [0.9, 10, 1.3721836411103356],
  ];
  it.each(cases)('t quantile p=%s df=%s is %s within a relative 1e-5 (Hill 1970 accuracy)', (p, df, expected) => {
    expect(Math.abs(tQuantile(p, df) / expected - 1)).toBeLessThan(1e-5);
    expect(Math.abs(tQuantile(1 - p, df) / -expected - 1)).toBeLessThan(1e-5);
  });
  it('normal quantile matches qnorm', () => {
    expect(normalQuantile(0.975)).toBeCloseTo(1.959963984540054, 8);
    expect(normalQuantile(0.01)).toBeCloseTo(-2.326347874040841, 8);
  });
  it('refuses impossible arguments', () => {
    expect(() => tQuantile(1, 5)).toThrow(/0 < p < 1/);
    expect(() => tQuantile(0.5, 0)).toThrow(/df/);
  });
});

describe('paired difference', () => {
  it('gives the textbook interval for a small example', () => {
    // d = [1, 2, 3, 4, 5]: mean 3, sd 1.5811, t(0.975,4) = 2.7764 -> half-width 1.9632
    const d = pairedDifference([0, 0, 0, 0, 0], [1, 2, 3, 4, 5]);
    expect(d.mean).toBe(3);
    expect(d.ci95?.[0]).toBeCloseTo(3 - 1.96324, 4);
    expect(d.ci95?.[1]).toBeCloseTo(3 + 1.96324, 4);
    expect(d.excludesZero).toBe(true);
  });

  it('does not claim a difference when the interval straddles zero', () => {
    expect(pairedDifference([1, 2, 3], [2, 1, 3.5]).excludesZero).toBe(false);
  });

  it('has no interval, and claims nothing, with a single replication', () => {
    expect(pairedDifference([1], [3])).toEqual({ n: 1, mean: 2, ci95: null, excludesZero: false });
  });

  it('is narrower than the unpaired picture when runs share their noise (common random numbers)', () => {
    const noise = [5, -3, 8, -6, 2, 0, -4, 7];
    const a = noise.map((e) => 10 + e);
    const b = noise.map((e, i) => 11 + e + (i % 2 ? 0.1 : -0.1));
    const d = pairedDifference(a, b);
    expect(d.excludesZero).toBe(true);
    expect(d.mean).toBeCloseTo(1, 10);
  });

  it('is antisymmetric: swapping the scenarios negates the difference and its interval', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.double({ min: -1e3, max: 1e3, noNaN: true }), fc.double({ min: -1e3, max: 1e3, noNaN: true })), { minLength: 2, maxLength: 30 }),
        (pairs) => {
          const a = pairs.map((p) => p[0]);
          const b = pairs.map((p) => p[1]);
          const ab = pairedDifference(a, b);
          const ba = pairedDifference(b, a);
          expect(ba.mean).toBeCloseTo(-ab.mean, 6);
          expect(ba.ci95?.[0]).toBeCloseTo(-(ab.ci95?.[1] ?? 0), 6);
          expect(ba.excludesZero).toBe(ab.excludesZero);
        },
      ),
    );
  });

  it('refuses unequal replication counts', () => {
    expect(() => pairedDifference([1, 2], [1])).toThrow(/equal replications/);
  });
});
