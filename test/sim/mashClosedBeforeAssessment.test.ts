import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../src/scenario/parse.ts';
import type { Scenario } from '../../src/scenario/schema.ts';
import { runReplication } from '../../src/sim/batch.ts';
import type { SimRecord } from '../../src/sim/records.ts';
import { small } from '../fixtures/small.ts';

/**
 * Referrals a MASH accepts and then closes before an assessment (frontDoor.mashClosedBeforeAssessmentShare,
 * models/mash.states.ts decideMash): England records about 10% of referrals so
 * (national-figures.md). The share applies to accepted referrals whose need, as the checks after
 * acceptance read it, is below the child-in-need level; with the assessing social worker's error
 * made tiny, that is the children whose true need is below it. Each such referral is a referral
 * (DfE counts it) and a closure before any assessment.
 */

const SHARE = 0.4;
/** Assessing social workers' error, made tiny so the checks read (almost) true need. */
const CHECK_SD = 0.25;

/** The small county behind a MASH, closing `share` of accepted referrals the checks find below the child-in-need level. */
function mashCounty(share: number): Scenario {
  const s = structuredClone(small) as Record<string, any>;
  s.frontDoor = { ...s.frontDoor, structure: 'mash', mashManagers: 3, mashInformationSharedShare: 0.5, mashClosedBeforeAssessmentShare: share };
  s.assessment = { ...s.assessment, qualifiedAssessmentSd: CHECK_SD };
  const p = parseScenario(s);
  if (!p.ok) throw new Error(JSON.stringify(p.problems));
  return p.value;
}

const RUN = { days: 365, warmupDays: 60, seed: 11, rep: 0 };

function runWithRecords(s: Scenario) {
  const records: SimRecord[] = [];
  const result = runReplication(s, { ...RUN, onRecord: (r) => records.push(r) });
  return { result, records };
}

describe('a MASH closing accepted referrals before assessment', () => {
  const s = mashCounty(SHARE);
  const { result, records } = runWithRecords(s);
  const cin = s.need.childInNeedLevel;
  const needOf = new Map<number, number>();
  for (const r of records) if (r.kind === 'contact') needOf.set(r.caseId, r.trueNeed);
  // The MASH's decision on each case that reached it in this run and was accepted as a referral.
  const accepted = records.filter(
    (r): r is Extract<SimRecord, { kind: 'decided' }> =>
      r.kind === 'decided' && (r.route === 'accepted' || r.route === 'closedBeforeAssessment') && needOf.has(r.caseId),
  );
  const closedEarly = (r: { route: string }) => r.route === 'closedBeforeAssessment';

  it('closes the share the parameter implies of accepted referrals below the child-in-need level (within sampling error), and none well above it', () => {
    // Four sds of the check's error either side of the level: the checks read these children right.
    const below = accepted.filter((r) => needOf.get(r.caseId)! < cin - 4 * CHECK_SD);
    const above = accepted.filter((r) => needOf.get(r.caseId)! >= cin + 4 * CHECK_SD);
    expect(below.length).toBeGreaterThan(300);
    expect(above.length).toBeGreaterThan(100);
    const share = below.filter(closedEarly).length / below.length;
    const se = Math.sqrt((SHARE * (1 - SHARE)) / below.length);
    expect(Math.abs(share - SHARE), `closed ${share} of ${below.length}`).toBeLessThan(3 * se);
    expect(above.filter(closedEarly)).toEqual([]);
  });

  it('records each as a referral and as a closure before any assessment (the duty stage), never allocated', () => {
    const early = new Set(accepted.filter(closedEarly).map((r) => r.caseId));
    expect(early.size).toBeGreaterThan(100);
    const referred = new Set(records.filter((r) => r.kind === 'referral').map((r) => r.caseId));
    const closedAt = new Map(records.flatMap((r) => (r.kind === 'closed' ? [[r.caseId, r.stage] as const] : [])));
    const allocated = new Set(records.filter((r) => r.kind === 'allocated').map((r) => r.caseId));
    for (const id of early) {
      expect(referred.has(id), `case ${id} is a referral`).toBe(true);
      expect(closedAt.get(id), `case ${id} closed before assessment`).toBe('duty');
      expect(allocated.has(id), `case ${id} was never allocated`).toBe(false);
    }
  });

  it('counts them in the referral and closure measures: referrals ending before assessment are about their share of referrals', () => {
    const inWindow = (r: { t: number }) => r.t >= RUN.warmupDays * 24;
    const referrals = records.filter((r) => r.kind === 'referral' && inWindow(r)).length;
    const early = accepted.filter((r) => closedEarly(r) && inWindow(r)).length;
    const dutyClosures = records.filter((r) => r.kind === 'closed' && r.stage === 'duty' && inWindow(r)).length;
    expect(result.metrics.referrals).toBe(referrals);
    expect(dutyClosures).toBe(early);
    // Not assessed = closed before assessment, plus the few still waiting for allocation at the end.
    const notAssessed = 1 - result.metrics.referralToInitialAssessmentRate;
    expect(notAssessed).toBeGreaterThanOrEqual((early / referrals) * 0.95);
    expect(notAssessed).toBeLessThan(early / referrals + 0.03);
    expect(early / referrals).toBeGreaterThan(0.05);
  });

  it('closes none with the share at 0 (the default), so every accepted referral goes to allocation', () => {
    const base = runWithRecords(mashCounty(0));
    expect(base.records.filter((r) => r.kind === 'decided' && r.route === 'closedBeforeAssessment')).toEqual([]);
    expect(base.records.filter((r) => r.kind === 'closed' && r.stage === 'duty')).toEqual([]);
    expect(1 - base.result.metrics.referralToInitialAssessmentRate).toBeLessThan(0.03);
  });
});
