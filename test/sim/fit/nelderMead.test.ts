import { describe, expect, it } from 'vitest';
import { nelderMead, type BatchObjective } from '../../../src/sim/fit/nelderMead.ts';

const batch =
  (f: (x: number[]) => number): BatchObjective =>
  async (pts) =>
    pts.map(f);

describe('bounded Nelder-Mead', () => {
  it('finds the minimum of a quadratic inside the box', async () => {
    const target = [0.3, 0.7, 0.55];
    const r = await nelderMead(
      batch((x) => x.reduce((a, v, i) => a + (i + 1) * (v - target[i]!) ** 2, 0)),
      { start: [0.9, 0.1, 0.5], maxEvaluations: 400, xTolerance: 1e-4, fTolerance: 1e-9 },
    );
    expect(r.stop).toBe('converged');
    r.x.forEach((v, i) => expect(v).toBeCloseTo(target[i]!, 2));
  });

  it('stops at the bound when the minimum lies outside the box, never stepping out of it', async () => {
    const seen: number[][] = [];
    const r = await nelderMead(async (pts) => (seen.push(...pts), pts.map((x) => (x[0]! - 1.5) ** 2 + (x[1]! + 0.4) ** 2)), {
      start: [0.5, 0.5],
      maxEvaluations: 300,
      xTolerance: 1e-4,
      fTolerance: 1e-9,
    });
    expect(r.x[0]).toBeCloseTo(1, 3);
    expect(r.x[1]).toBeCloseTo(0, 3);
    for (const p of seen) for (const v of p) expect(v >= 0 && v <= 1).toBe(true);
  });

  it('keeps to its evaluation budget, asks for points in batches, and stops when asked', async () => {
    let calls = 0;
    const f = batch((x) => Math.sin(7 * x[0]!) + Math.cos(5 * x[1]!));
    const r = await nelderMead(async (pts) => (calls++, f(pts)), { start: [0.2, 0.2], maxEvaluations: 20, xTolerance: 0, fTolerance: 0 });
    expect(r.stop).toBe('maxEvaluations');
    expect(r.evaluations).toBeLessThanOrEqual(20 + 2);
    expect(calls).toBeLessThan(r.evaluations);
    let asked = 0;
    const c = await nelderMead(f, { start: [0.2, 0.2], shouldStop: () => ++asked > 3 });
    expect(c.stop).toBe('cancelled');
  });
});
