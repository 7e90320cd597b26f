import { describe, expect, it } from 'vitest';
import { getPreset } from '../../src/scenario/presets.ts';
import { runReplication } from '../../src/sim/batch.ts';
import { summariseBatch } from '../../src/sim/summarise.ts';

/**
 * The warm start carries the long-term queue (test/sim/warmStartTransfer.test.ts checks the
 * capture and the placing): a capped scenario measured from day 0, with no warm-up, has no trend
 * in its cases awaiting transfer or its plans, and MSER-5 (src/sim/steadiness.ts) finds nothing
 * to cut. Before, every replication started with nobody waiting and dropped the plans it drew
 * beyond the long-term places, so the queue built up inside the measured year.
 */
describe('warm start: the long-term queue is steady from the first day', () => {
  it('a capped scenario’s cases awaiting transfer and plans are steady from day 0 of the measured window', () => {
    // Kent 2010 with each district's long-term team sized to its plans at ρ ≈ 0.9 (about five cases held county-wide).
    const kent = structuredClone(getPreset('kent-2010')!);
    const workers = [18, 16, 11, 17, 17, 34, 16, 17, 17, 17, 16];
    kent.services.longTermCapacity = 'caseloadCaps';
    kent.dutyTeams.forEach((t, i) => ((t.longTermSocialWorkers = workers[i]!), (t.longTermCaseloadCap = 20)));
    const opts = { days: 365, warmupDays: 0, seed: 2010 };
    const reps = Array.from({ length: 8 }, (_, rep) => runReplication(kent, { ...opts, rep }));
    const batch = summariseBatch(kent, { ...opts, reps: reps.length }, reps);
    for (const series of ['awaitingTransfer', 'plansOpen'] as const) {
      const s = batch.steadiness[series];
      expect(s.trend, series).toBe('steady');
      expect(s.warmupAdequate, series).toBe(true);
    }
    // The queue is there from the first weeks, not built up over months (before, it started empty).
    const weekly = batch.series.values.awaitingTransfer.map((e) => e.mean);
    const first = weekly.slice(0, 6).reduce((a, b) => a + b, 0) / 6;
    const level = batch.steadiness.awaitingTransfer.level;
    expect(level).toBeGreaterThan(2);
    expect(first).toBeGreaterThan(0.5 * level);
  });
});
