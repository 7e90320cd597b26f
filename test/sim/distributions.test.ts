import { describe, expect, it } from 'vitest';
import { exponential, gamma, normal, pickWeighted, standardNormal } from '../../src/sim/distributions.ts';
import { createStream } from '../../src/sim/rng.ts';

/** Samplers: means and variances over large samples, within a few standard errors. */
function moments(draw: () => number, n: number): { mean: number; variance: number } {
  let sum = 0;
  let sq = 0;
  for (let i = 0; i < n; i++) {
    const x = draw();
    sum += x;
    sq += x * x;
  }
  const mean = sum / n;
  return { mean, variance: (sq - n * mean * mean) / (n - 1) };
}

const N = 200_000;

describe('exponential', () => {
  it('has mean m and variance m² (200 000 draws; relative standard errors 0.22% and 0.63%)', () => {
    const s = createStream(1, 'durations');
    const { mean, variance } = moments(() => exponential(s, 3), N);
    expect(Math.abs(mean / 3 - 1)).toBeLessThan(0.01);
    expect(Math.abs(variance / 9 - 1)).toBeLessThan(0.03);
  });

  it('is never negative, and a mean of 0 gives 0', () => {
    const s = createStream(2, 'durations');
    for (let i = 0; i < 10_000; i++) expect(exponential(s, 0.5)).toBeGreaterThanOrEqual(0);
    expect(exponential(s, 0)).toBe(0);
  });
});

describe('gamma (Marsaglia and Tsang)', () => {
  it.each([0.5, 1, 2, 5, 20])('with shape %f has the requested mean and variance mean²/shape', (shape) => {
    const s = createStream(3, 'durations', Math.round(shape * 10));
    const m = 6;
    const { mean, variance } = moments(() => gamma(s, shape, m), N);
    const v = (m * m) / shape;
    // Relative standard error of the mean is 1/sqrt(shape·N): at most 0.32% here.
    expect(Math.abs(mean / m - 1)).toBeLessThan(0.012);
    expect(Math.abs(variance / v - 1)).toBeLessThan(0.05);
  });

  it('is never negative, and a mean of 0 gives 0', () => {
    const s = createStream(4, 'durations');
    for (let i = 0; i < 10_000; i++) expect(gamma(s, 0.7, 2)).toBeGreaterThanOrEqual(0);
    expect(gamma(s, 2, 0)).toBe(0);
  });
});

describe('normal (Marsaglia polar method)', () => {
  it('has the requested mean and standard deviation', () => {
    const s = createStream(5, 'screening');
    const { mean, variance } = moments(() => normal(s, 50, 12), N);
    expect(Math.abs(mean - 50)).toBeLessThan(0.1); // standard error 0.027
    expect(Math.abs(Math.sqrt(variance) / 12 - 1)).toBeLessThan(0.01);
  });

  it('puts about 95% of draws within 1.96 standard deviations, and the two normals of a pair are uncorrelated', () => {
    const s = createStream(6, 'screening');
    let inside = 0;
    let cross = 0;
    for (let i = 0; i < N; i += 2) {
      const a = standardNormal(s);
      const b = standardNormal(s);
      if (Math.abs(a) < 1.959964) inside++;
      if (Math.abs(b) < 1.959964) inside++;
      cross += a * b;
    }
    expect(Math.abs(inside / N - 0.95)).toBeLessThan(0.003);
    expect(Math.abs(cross / (N / 2))).toBeLessThan(0.015); // standard error 0.0032
  });

  it('uses the same uniforms whatever the mean and spread, so two scenarios’ streams stay aligned', () => {
    const a = createStream(7, 'screening');
    const b = createStream(7, 'screening');
    for (let i = 0; i < 1001; i++) {
      normal(a, 10, 3);
      normal(b, -4, 0);
      expect(a.draws).toBe(b.draws);
    }
    expect(a.next()).toBe(b.next());
    expect(standardNormal(a)).toBe(standardNormal(b));
  });

  it('with no spread returns the mean exactly', () => {
    expect(normal(createStream(9, 'screening'), 42, 0)).toBe(42);
  });
});

describe('pickWeighted', () => {
  it('picks each index in proportion to its weight and never picks a zero weight', () => {
    const s = createStream(10, 'children');
    const w = [1, 0, 3, 6];
    const counts = [0, 0, 0, 0];
    for (let i = 0; i < 100_000; i++) counts[pickWeighted(s, w, 10)]!++;
    expect(counts[1]).toBe(0);
    expect(Math.abs(counts[0]! / 1e5 - 0.1)).toBeLessThan(0.005);
    expect(Math.abs(counts[2]! / 1e5 - 0.3)).toBeLessThan(0.007);
    expect(Math.abs(counts[3]! / 1e5 - 0.6)).toBeLessThan(0.007);
  });

  it('throws when every weight is zero', () => {
    expect(() => pickWeighted(createStream(1, 'children'), [0, 0], 0)).toThrow(/all weights are zero/);
  });
});
