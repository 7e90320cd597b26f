import { describe, expect, it } from 'vitest';
import { runReplication } from '../../src/sim/batch.ts';
import type { SimRecord } from '../../src/sim/records.ts';
import { WorkingTime } from '../../src/sim/workingCalendar.ts';
import { pressuredScenario } from '../fixtures/pressured.ts';

/**
 * Staff utilisation is defined as "hours [staff] spent screening divided by their available
 * working hours in the window" (metricDefinitions.ts), a share: so only the part of each
 * screening that falls inside the window counts, and the value can never exceed 1. The exact
 * value is computed here from the `screened` records (start time, staff hours) and the working
 * calendar, and the metric must equal it.
 */
function exactBusyShare(records: SimRecord[], by: 'frontDoor' | 'manager', cal: WorkingTime, from: number, to: number, staff: number): number {
  let busy = 0;
  for (const r of records) {
    if (r.kind !== 'screened' || r.by !== by) continue;
    const lo = Math.max(from, r.t);
    const hi = Math.min(to, cal.addWorkingHours(r.t, r.hours));
    if (hi > lo) busy += cal.availableHours(lo, hi);
  }
  return busy / (cal.availableHours(from, to) * staff);
}

// A single qualified front door of two screeners that cannot keep up: they are busy all the time.
const overloadedFrontDoor = pressuredScenario((s) => {
  s.frontDoor.structure = 'singleQualified';
  s.frontDoor.unqualifiedScreeners = 0;
  s.frontDoor.qualifiedScreeners = 2;
  s.frontDoor.meanScreeningHours = 4;
});
// Duty managers screening every contact of their district, one each, overloaded.
const overloadedManagers = pressuredScenario((s) => {
  s.frontDoor.structure = 'districtDuty';
  s.dutyTeams.forEach((t: Record<string, unknown>) => (t.meanManagerScreeningHours = 1.5));
});
const RUN = { days: 60, warmupDays: 14, seed: 1, rep: 0 };

describe('staff utilisation counts only hours worked inside the window', () => {
  // Guards a bug this test found (fixed in 59e1024): the fold added a screening's whole sampled
  // duration to the window when it started in the window, so work done after the run's end was
  // counted and work carried in from the warm-up was not: 1.00877 against an exact 1.00000 here.
  it('front-door screener utilisation equals the exact in-window busy share and never exceeds 1', () => {
    const records: SimRecord[] = [];
    const r = runReplication(overloadedFrontDoor, { ...RUN, onRecord: (x) => records.push(x) });
    const cal = new WorkingTime(overloadedFrontDoor.calendar);
    const exact = exactBusyShare(records, 'frontDoor', cal, RUN.warmupDays * 24, (RUN.warmupDays + RUN.days) * 24, 2);
    expect(exact).toBeLessThanOrEqual(1 + 1e-12);
    expect(r.metrics.screenerUtilisation).toBeLessThanOrEqual(1);
    expect(r.metrics.screenerUtilisation).toBeCloseTo(exact, 9);
  });

  // The same for duty managers (the `screened` records with by: 'manager').
  it('duty manager utilisation equals the exact in-window busy share and never exceeds 1', () => {
    const records: SimRecord[] = [];
    const r = runReplication(overloadedManagers, { ...RUN, onRecord: (x) => records.push(x) });
    const cal = new WorkingTime(overloadedManagers.calendar);
    const managers = overloadedManagers.dutyTeams.reduce((n, t) => n + t.managers, 0);
    const exact = exactBusyShare(records, 'manager', cal, RUN.warmupDays * 24, (RUN.warmupDays + RUN.days) * 24, managers);
    expect(r.metrics.managerUtilisation).toBeLessThanOrEqual(1);
    expect(r.metrics.managerUtilisation).toBeCloseTo(exact, 9);
  });

  it('caseload places held (time-weighted) is a share in [0, 1] even when every place is full', () => {
    const full = pressuredScenario((s) => s.dutyTeams.forEach((t: Record<string, unknown>) => (t.socialWorkerPosts = 1)));
    const r = runReplication(full, RUN);
    expect(r.metrics.caseloadPlacesHeldShare).toBeGreaterThan(0.95);
    expect(r.metrics.caseloadPlacesHeldShare).toBeLessThanOrEqual(1 + 1e-12); // rounding in time-weighted areas
  });

  it('social worker utilisation (share of casework time) is in [0, 1] and near 1 when every worker is swamped for time', () => {
    // One worker a team, and assessments heavy enough that a full caseload wants more hours than
    // the worker has (12 core assessments at 40 hours over 28 days: 1.9 hours an hour against 0.75).
    // With light assessments a full caseload leaves time over: places, not hours, are the limit.
    const full = pressuredScenario((s) => {
      s.dutyTeams.forEach((t: Record<string, unknown>) => (t.socialWorkerPosts = 1));
      Object.assign(s.assessment, { initialAssessmentWorkHours: 10, coreAssessmentWorkHours: 40 });
    });
    const r = runReplication(full, RUN);
    expect(r.metrics.socialWorkerUtilisation).toBeGreaterThan(0.95);
    expect(r.metrics.socialWorkerUtilisation).toBeLessThanOrEqual(1 + 1e-9);
  });
});
