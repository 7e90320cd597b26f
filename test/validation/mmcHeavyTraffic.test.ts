import { describe, expect, it } from 'vitest';
import { runQueueCheck } from './queueing.ts';

/**
 * Validation in heavy traffic: M/M/3 at ρ = 0.95. Waits there are dominated by slow random
 * swings of the queue, so the relative variance of a run's mean wait is about 2300 ÷ (number of
 * arrivals) (measured over 20-24 replications with 1, 2, 5 and 10 servers; heavy-traffic theory gives 4ρ²/(1 − ρ)² ÷ arrivals ≈ 1440 ÷
 * arrivals, Whitt 1989, "Planning queueing simulations", Management Science 35(11)). About 20
 * million arrivals (16 replications of 50 years) give a standard error near 1.1%, so the 3%
 * bound sits about 2.8 standard errors out. That is some 45 s of CPU, spread over two worker
 * threads; the generous timeout is for a machine busy with other work.
 */
describe('M/M/c in heavy traffic', () => {
  it('M/M/3 at ρ = 0.95: mean wait in queue within 3% of Erlang C, L = λW within 2%, utilisation within 0.005 of ρ', { timeout: 300_000 }, async () => {
    const r = await runQueueCheck(3, 0.95, { days: 18_500, warmupDays: 200, reps: 16, seed: 1917 });
    expect(Math.abs(r.wqError), `simulated Wq ${r.wq} vs Erlang C ${r.theory.meanWaitInQueue}`).toBeLessThan(0.03);
    for (const e of r.littleErrors) expect(Math.abs(e)).toBeLessThan(0.02);
    expect(Math.abs(r.utilisation - 0.95)).toBeLessThan(0.005);
  });
});
