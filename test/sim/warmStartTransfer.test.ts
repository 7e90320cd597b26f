import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../src/scenario/parse.ts';
import type { Scenario } from '../../src/scenario/schema.ts';
import { createRun } from '../../src/sim/engine.ts';
import type { SimRecord } from '../../src/sim/records.ts';
import { buildWarmState } from '../../src/sim/warmStart.ts';
import type { TransferStock } from '../../src/sim/warmState.ts';
import { decodeWarmState, encodeWarmState } from '../../src/sim/warmStateCodec.ts';
import { small } from '../fixtures/small.ts';

/**
 * The warm start carries the long-term queue (issue 12 item 2): cases held on duty awaiting
 * transfer are captured with how long they have waited and rejoin the queue, holding a duty
 * place, in the order they asked; plans a replication draws beyond the long-term places wait
 * too instead of being dropped. Before, every replication started with no one waiting and lost
 * its surplus plans, so the queue built up over ~100 days and plans crept up through the year.
 */

/** The small test county with long-term teams near their caps (16 workers × 16 plans: some cases wait). */
function capped(longTermSocialWorkers = 16): Scenario {
  const s = structuredClone(small) as Record<string, any>;
  s.services = { ...s.services, longTermCapacity: 'caseloadCaps' };
  s.dutyTeams = s.dutyTeams.map((t: Record<string, unknown>) => ({ ...t, longTermSocialWorkers, longTermCaseloadCap: 16 }));
  const p = parseScenario(s);
  if (!p.ok) throw new Error(JSON.stringify(p.problems));
  return p.value;
}

const SEED = 5;

describe('warm start: the long-term queue', () => {
  const scenario = capped();
  const warm = buildWarmState(scenario, SEED);
  const waiting = warm.entities.filter((e): e is TransferStock => e.kind === 'transfer');

  it('captures cases awaiting transfer with their wait so far, and the codec keeps them', () => {
    expect(waiting.length / warm.snapshots).toBeGreaterThan(5);
    for (const e of waiting) {
      expect(e.readyAge).toBeGreaterThanOrEqual(0);
      expect(e.acceptedAge).toBeGreaterThanOrEqual(e.readyAge);
      expect(['childInNeed', 'childProtectionPlan']).toContain(e.plan);
    }
    expect(decodeWarmState(structuredClone(encodeWarmState(warm)))).toEqual(warm);
  });

  it('a capture → inject round trip keeps the number awaiting transfer (within Poisson noise)', () => {
    const mean = waiting.length / warm.snapshots;
    const counts: number[] = [];
    for (let rep = 0; rep < 12; rep++) {
      const run = createRun(scenario, { days: 30, seed: 100 + rep, warmStart: warm });
      counts.push(run.stocks(0).filter((e) => e.kind === 'transfer').length);
    }
    const injected = counts.reduce((a, b) => a + b, 0) / counts.length;
    // Each replication's count varies about the template's mean (its Poisson draws of cases waiting,
    // plus plans drawn beyond the places, less cases a free place takes at once): the mean of twelve
    // lies within three standard errors of it (before, every replication started with none waiting).
    const sd = Math.sqrt(counts.reduce((a, x) => a + (x - injected) ** 2, 0) / (counts.length - 1));
    expect(Math.min(...counts)).toBeGreaterThan(0);
    expect(Math.abs(injected - mean)).toBeLessThan((3 * sd) / Math.sqrt(counts.length));
  });

  it('waiting cases rejoin in the order they asked, each holding a duty place, and plans beyond the places wait rather than vanish', () => {
    // The template of 16 long-term workers a team started with 14: each replication draws more plans than the places.
    const fewer = capped(14);
    const transferState = waiting[0]!.state;
    const planStates = new Set(warm.entities.flatMap((e) => (e.kind === 'service' && e.episode === 'plan' ? [e.state] : [])));
    const records: SimRecord[] = [];
    const run = createRun(fewer, { days: 120, seed: 9, warmStart: warm, onRecord: (r) => records.push(r) });
    const atStart = run.stocks(0);
    const carried = records.filter((r) => r.kind === 'carriedOver' && (planStates.has(r.state) || r.state === transferState)).length;
    const held = atStart.filter((e) => e.kind === 'transfer' || (e.kind === 'service' && e.episode === 'plan')).length;
    // Every plan or waiting case carried over is on a plan or waiting (none dropped) …
    expect(held).toBe(carried);
    // … and more wait than in the template, whose teams had more places.
    const queued = atStart.filter((e) => e.kind === 'transfer').length;
    expect(queued).toBeGreaterThan(waiting.length / warm.snapshots + 0.25 * (16 - 14) * 16 * fewer.dutyTeams.length);
    run.runToEnd();
    // Cases captured waiting leave in the order they asked (within a team and lane, first come
    // first served): the hours they had waited at the start (recorded wait less time since) fall.
    const transferred = records.filter((r): r is Extract<SimRecord, { kind: 'transferred' }> => r.kind === 'transferred');
    const childInNeed = new Set(records.flatMap((r) => (r.kind === 'carriedOver' && r.state === transferState ? [r.caseId] : [])));
    const planOf = new Map(warm.entities.flatMap((e) => (e.kind === 'transfer' ? [[e.readyAge, e.plan] as const] : [])));
    let checked = 0;
    for (let team = 0; team < fewer.dutyTeams.length; team++) {
      const ages = transferred.filter((r) => r.team === team && childInNeed.has(r.caseId) && r.waitHours - r.t > 1e-6).map((r) => r.waitHours - r.t);
      const byLane = (plan: string) => ages.filter((a) => [...planOf.entries()].some(([age, p]) => Math.abs(age - a) < 1e-6 && p === plan));
      for (const lane of [byLane('childInNeed'), byLane('childProtectionPlan')]) {
        for (let i = 1; i < lane.length; i++) expect(lane[i]!).toBeLessThanOrEqual(lane[i - 1]! + 1e-6);
        checked += lane.length;
      }
    }
    expect(checked).toBeGreaterThan(5);
  });
});
