import { describe, expect, it } from 'vitest';
import { runQueueCheck } from './queueing.ts';

/**
 * Validation against queueing theory at light and moderate load: the engine, given a plain
 * M/M/c queue (test/fixtures/small.ts `mmcScenario`), reproduces Erlang C's mean wait in queue,
 * Little's law and the utilisation ρ. Heavy traffic (ρ = 0.95) is in mmcHeavyTraffic.test.ts.
 * Run lengths give a relative standard error of about 1% or less on Wq (spread measured over 12
 * replications of each setting), so the 3% bounds sit about 3 standard errors out or more.
 */
describe('M/M/c against Erlang C', () => {
  it.each([
    // c, ρ, days per replication, replications — about 1 and 2.5 million arrivals.
    [3, 0.6, 6_000, 4],
    [3, 0.8, 11_000, 4],
  ])('M/M/%i at ρ = %f: mean wait in queue within 3% of Erlang C, L = λW within 2%, utilisation within 0.005 of ρ', async (c, rho, days, reps) => {
    const r = await runQueueCheck(c, rho, { days, warmupDays: 50, reps, seed: 2024 });
    expect(Math.abs(r.wqError), `simulated Wq ${r.wq} vs Erlang C ${r.theory.meanWaitInQueue}`).toBeLessThan(0.03);
    for (const e of r.littleErrors) expect(Math.abs(e)).toBeLessThan(0.02);
    expect(Math.abs(r.utilisation - rho)).toBeLessThan(0.005);
  });
});

describe('M/M/1 against theory', () => {
  it('M/M/1 at ρ = 0.75: Wq = ρ/(μ − λ) within 3%, L = λW within 2%, utilisation within 0.005 of ρ', async () => {
    const r = await runQueueCheck(1, 0.75, { days: 14_000, warmupDays: 50, reps: 4, seed: 1917 });
    expect(r.theory.meanWaitInQueue).toBeCloseTo(0.75 / 0.25, 10);
    expect(Math.abs(r.wqError), `simulated Wq ${r.wq} vs ρ/(μ − λ) = 3`).toBeLessThan(0.03);
    for (const e of r.littleErrors) expect(Math.abs(e)).toBeLessThan(0.02);
    expect(Math.abs(r.utilisation - 0.75)).toBeLessThan(0.005);
  });
});
