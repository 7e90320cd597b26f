import { describe, expect, it } from 'vitest';
import { runBatch } from '../../src/sim/batch.ts';
import { BatchResult } from '../../src/sim/results.ts';
import { smallScenario } from '../fixtures/small.ts';

/** The documented results contract (zod) accepts what runBatch makes and refuses what it should not. */
const batch = runBatch(smallScenario, { days: 42, warmupDays: 7, reps: 2, seed: 5 });
const broken = (f: (b: Record<string, any>) => void) => {
  const b = structuredClone(batch) as Record<string, any>;
  f(b);
  return BatchResult.safeParse(b).success;
};

describe('BatchResult', () => {
  it('parses a real runBatch result', () => {
    const r = BatchResult.safeParse(batch);
    expect(r.success, r.success ? '' : JSON.stringify(r.error.issues.slice(0, 3))).toBe(true);
    expect(batch.replications).toHaveLength(2);
    // Weekly series cover the warm-up (7 days) and the 42 days measured.
    expect(batch.series.weekStartDays).toEqual([0, 7, 14, 21, 28, 35, 42]);
    expect(batch.start).toBe('warm');
    expect(Object.keys(batch.steadiness)).toContain('awaitingAllocation');
  });

  it('survives a JSON round trip (what the CLI writes can be read back)', () => {
    const r = BatchResult.safeParse(JSON.parse(JSON.stringify(batch)));
    expect(r.success, r.success ? '' : JSON.stringify(r.error.issues.slice(0, 3))).toBe(true);
  });

  it('rejects broken results: a missing or extra metric, NaN, a wrong version, a malformed interval, no replications', () => {
    expect(broken((b) => delete b.metrics.contacts)).toBe(false);
    expect(broken((b) => (b.metrics.madeUp = { mean: 1, ci95: [0, 2] }))).toBe(false);
    expect(broken((b) => (b.replications[0].metrics.referrals = NaN))).toBe(false);
    expect(broken((b) => (b.version = 1))).toBe(false); // version 1 measured days differently
    expect(broken((b) => delete b.steadiness)).toBe(false);
    expect(broken((b) => (b.metrics.referrals.ci95 = [1, 2, 3]))).toBe(false);
    expect(broken((b) => (b.reps = 0))).toBe(false);
    expect(broken((b) => (b.replications[0].rep = -1))).toBe(false);
    expect(broken((b) => delete b.series.values.contacts)).toBe(false);
    expect(broken(() => {})).toBe(true);
  });
});
