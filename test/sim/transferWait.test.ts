import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../src/scenario/parse.ts';
import type { Scenario } from '../../src/scenario/schema.ts';
import { runReplication } from '../../src/sim/batch.ts';
import type { SimRecord } from '../../src/sim/records.ts';
import { small } from '../fixtures/small.ts';

/**
 * The wait for a long-term team (issue 12 item 2, K10 ¶31): where long-term teams' caseload caps
 * are modelled, a case with a plan decided is held on duty until a place is free. Its wait is a
 * measure, the cases held are a weekly series, and the two agree by Little's law.
 */
/** The small test county with long-term teams near their caps (17 workers × 16 plans a team holds the county's plans with little to spare). */
function scenario(longTermSocialWorkers: number): Scenario {
  const s = structuredClone(small) as Record<string, any>;
  s.services = { ...s.services, longTermCapacity: 'caseloadCaps' };
  s.dutyTeams = s.dutyTeams.map((t: Record<string, unknown>) => ({ ...t, longTermSocialWorkers, longTermCaseloadCap: 16 }));
  const p = parseScenario(s);
  if (!p.ok) throw new Error(JSON.stringify(p.problems));
  return p.value;
}

describe('the wait for a long-term team', () => {
  it('is measured per transfer, and the cases held awaiting transfer agree with it (Little’s law, L = λW)', () => {
    const transfers: Extract<SimRecord, { kind: 'transferred' }>[] = [];
    const warmupDays = 60;
    const days = 300;
    const r = runReplication(scenario(17), { days, warmupDays, seed: 4, rep: 0, onRecord: (x) => x.kind === 'transferred' && transfers.push(x) });
    const inWindow = transfers.filter((x) => x.t >= warmupDays * 24);
    const meanWait = inWindow.reduce((a, x) => a + x.waitHours, 0) / inWindow.length;
    expect(inWindow.length).toBeGreaterThan(50);
    expect(r.metrics.meanWaitToTransferHours).toBeCloseTo(meanWait, 6);
    expect(r.metrics.meanWaitToTransferHours).toBeGreaterThan(24);
    // L = λW over the window: arrivals to the queue per hour × mean wait (edge effects of a year's window: within 15%).
    const lambda = inWindow.length / (days * 24);
    expect(r.metrics.awaitingTransferMean).toBeGreaterThan(0.85 * lambda * meanWait);
    expect(r.metrics.awaitingTransferMean).toBeLessThan(1.15 * lambda * meanWait);
    expect(Math.max(...r.series.awaitingTransfer)).toBeGreaterThan(0);
  });

  it('is shorter with more long-term social workers, and absent where their capacity is not modelled', () => {
    const run = { days: 300, warmupDays: 60, seed: 4, rep: 0 };
    const few = runReplication(scenario(16), run).metrics;
    const more = runReplication(scenario(18), run).metrics;
    expect(more.meanWaitToTransferHours).toBeLessThan(few.meanWaitToTransferHours);
    const plain = parseScenario(small);
    if (!plain.ok) throw new Error('the small county does not parse');
    const unlimited = runReplication(plain.value, run);
    expect(unlimited.metrics.meanWaitToTransferHours).toBe(0);
    expect(unlimited.series.awaitingTransfer.every((v) => v === 0)).toBe(true);
  });
});
