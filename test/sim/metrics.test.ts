import { describe, expect, it } from 'vitest';
import { runReplication } from '../../src/sim/batch.ts';
import { METRIC_NAMES } from '../../src/sim/metricDefinitions.ts';
import { createAccumulator, finishMetrics, metricsFromRecords } from '../../src/sim/metrics.ts';
import type { SimRecord, TeamLevels, TeamWindow } from '../../src/sim/records.ts';
import { smallScenario } from '../fixtures/small.ts';

/** Metrics are a fold over records: streamed while running, or replayed from kept records. */
describe('the metrics fold', () => {
  it('streamed metrics equal metrics replayed from the kept records (county, teams and weekly series)', () => {
    const records: SimRecord[] = [];
    const opts = { days: 120, warmupDays: 30, seed: 77, rep: 3 };
    const result = runReplication(smallScenario, { ...opts, onRecord: (r) => records.push(r) });
    const replayed = metricsFromRecords(smallScenario, opts.warmupDays + opts.days, opts.warmupDays, records);
    expect(replayed.metrics).toEqual(result.metrics);
    expect(replayed.teams).toEqual(result.teams.map((t) => t.metrics));
    expect(replayed.series).toEqual(result.series);
    // Not a vacuous match: the run produced work at every stage.
    expect(result.metrics.contacts).toBeGreaterThan(1000);
    expect(result.metrics.referrals).toBeGreaterThan(100);
    expect(records.some((r) => r.kind === 'assessed')).toBe(true);
  });

  it('refuses to finish before the run’s final levels and window records', () => {
    const acc = createAccumulator(smallScenario, 7, 0);
    expect(() => finishMetrics(acc)).toThrow(/has not finished/);
  });

  it('computes each definition from records by hand, counting only records after the warm-up', () => {
    const teams = smallScenario.dutyTeams.length;
    const levels = (l: Partial<TeamLevels>): TeamLevels[] =>
      Array.from({ length: teams }, (_, i) => ({
        awaitingAllocation: 0,
        awaitingAllocationArea: 0,
        initialAssessmentsOpen: 0,
        initialAssessmentsOverdue: 0,
        coreAssessmentsOpen: 0,
        coreAssessmentsOverdue: 0,
        awaitingTransfer: 0,
        plansOpen: 0,
        awaitingDecision: 0,
        ...(i === 0 ? l : {}),
      }));
    const win = (w: Partial<TeamWindow>): TeamWindow[] =>
      Array.from({ length: teams }, (_, i) => ({
        awaitingAllocationArea: 0,
        assessmentsHeldArea: 0,
        awaitingTransferArea: 0,
        plansHeldArea: 0,
        caseloadPlaces: 10,
        filledPosts: 5,
        longTermWorkers: 0,
        managerAvailableHours: 100,
        caseworkHoursWorked: 30,
        caseworkHoursAvailable: 120,
        ...(i === 0 ? w : {}),
      }));
    const contact = (t: number, caseId: number, back: Partial<SimRecord & { kind: 'contact' }> = {}): SimRecord => ({
      kind: 'contact',
      t,
      caseId,
      child: caseId,
      team: 0,
      agency: 0,
      sincePreviousContactHours: Infinity,
      sinceLastClosureHours: Infinity,
      lastClosureUnmet: false,
      duplicate: false,
      trueNeed: 50,
      known: false,
      ...back,
    });
    const records: SimRecord[] = [
      contact(10, 0), // in the warm-up (first 24 hours): not counted
      { kind: 'referral', t: 11, caseId: 0, child: 0, team: 0, sincePreviousReferralHours: Infinity },
      contact(30, 1),
      contact(40, 2, { sinceLastClosureHours: 100, lastClosureUnmet: true }), // came back 100 hours after a closure
      contact(50, 3, { sinceLastClosureHours: 10, duplicate: true }), // a second agency's report: not a return
      { kind: 'decided', t: 31, caseId: 1, team: 0, route: 'referral', waitHours: 1, inTimescale: true },
      { kind: 'referral', t: 35, caseId: 1, child: 1, team: 0, sincePreviousReferralHours: Infinity },
      { kind: 'acceptedForAssessment', t: 36, caseId: 1, team: 0, fastTrack: false },
      { kind: 'allocated', t: 40, caseId: 1, team: 0, waitHours: 4, newlyQualified: false },
      { kind: 'referral', t: 45, caseId: 2, child: 2, team: 0, sincePreviousReferralHours: 100 },
      { kind: 'decided', t: 60, caseId: 3, team: 0, route: 'signposted', waitHours: 10, inTimescale: false },
      { kind: 'closed', t: 61, caseId: 3, child: 3, team: 0, stage: 'frontDoor', unmetNeed: true, trueNeed: 70 },
      { kind: 'closed', t: 62, caseId: 2, child: 2, team: 0, stage: 'duty', unmetNeed: true, trueNeed: 70 },
      { kind: 'closed', t: 63, caseId: 1, child: 1, team: 0, stage: 'assessment', unmetNeed: false, trueNeed: 30 },
      { kind: 'screened', t: 64, caseId: 2, team: 0, by: 'manager', hours: 0.5, doneAt: 64.5, qualified: true, repeat: 'rescreen' },
      { kind: 'levels', t: 168, week: 0, teams: levels({ awaitingAllocation: 2, awaitingAllocationArea: 336 }) },
      {
        kind: 'window',
        t: 168,
        fromHours: 24,
        toHours: 168,
        frontDoorAvailableHours: 50,
        teams: win({ awaitingAllocationArea: 288, assessmentsHeldArea: 720, plansHeldArea: 1440, longTermWorkers: 4 }),
      },
    ];
    const { metrics: m, series } = metricsFromRecords(smallScenario, 7, 1, records);
    expect(m.contacts).toBe(3);
    expect(m.referrals).toBe(2);
    expect(m.contactToReferralRate).toBeCloseTo(2 / 3, 12);
    expect(m.reReferralRate).toBe(0.5);
    expect(m.referralToInitialAssessmentRate).toBe(0.5);
    expect(m.meanWaitToAllocationHours).toBe(4);
    expect(m.meanWaitToDecisionHours).toBe(5.5);
    expect(m.decisionInTimescaleRate).toBe(0.5);
    // Every stage counts, the front door included: two of three closures without services left need unmet.
    expect(m.closedWithUnmetNeedRate).toBeCloseTo(2 / 3, 12);
    expect(m.closedWithoutServices).toBe(3);
    expect([m.unmetNeedClosuresAtFrontDoor, m.unmetNeedClosuresAtDuty, m.unmetNeedClosuresAfterAssessment]).toEqual([1, 1, 0]);
    // One return after closure (the duplicate report is not one), over three closures.
    expect(m.returnAfterClosureRate).toBeCloseTo(1 / 3, 12);
    expect(m.returnAfterClosureUnmetShare).toBe(1);
    // Referral to initial assessment counts assessments started (allocated), not acceptances.
    expect(m.referralToInitialAssessmentRate).toBe(0.5);
    // Two referrals waiting for allocation at the end over three contacts in the window.
    expect(m.queuedWorkShare).toBeCloseTo(2 / 3, 12);
    expect(m.doubleScreenedRate).toBeCloseTo(1 / 3, 12);
    expect(m.repeatWorkHours).toBe(0.5);
    expect(m.awaitingAllocationMean).toBe(2); // 288 case-hours over a 144-hour window
    expect(m.awaitingAllocationEnd).toBe(2);
    // Utilisation is casework hours worked over hours available, summed over teams; places held is the policy limit's use.
    expect(m.socialWorkerUtilisation).toBeCloseTo(0.25, 12);
    expect(m.caseloadPlacesHeldShare).toBeCloseTo(720 / (10 * teams * 144), 12);
    // DfE caseload: children held (assessments on duty, plans in the long-term team) per case-holding post.
    expect(m.caseloadPerWorker).toBeCloseTo((720 + 1440) / 144 / (5 * teams + 4), 12);
    expect(m.assessmentsPerDutyWorker).toBeCloseTo(720 / 144 / (5 * teams), 12);
    // Weekly series cover the warm-up too.
    expect(series.contacts[0]).toBe(4);
    expect(series.referrals[0]).toBe(3);
    expect(series.returnsAfterClosure[0]).toBe(1);
    expect(series.awaitingAllocation[0]).toBe(2); // 336 case-hours over the 168-hour week
    for (const n of METRIC_NAMES) expect(Number.isFinite(m[n]), n).toBe(true);
  });
});
