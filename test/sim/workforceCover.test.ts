import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../src/scenario/parse.ts';
import type { Scenario } from '../../src/scenario/schema.ts';
import { runBatch } from '../../src/sim/batch.ts';
import { createRun } from '../../src/sim/engine.ts';
import { offeredLoad } from '../../src/sim/flow/capacity.ts';
import type { SimRecord } from '../../src/sim/records.ts';
import { agencyWorkersBought, Caseloads, countyStaffing, coverPicks } from '../../src/sim/staff.ts';
import { workingHoursPerYear } from '../../src/sim/workingCalendar.ts';
import { pressuredScenario } from '../fixtures/pressured.ts';
import { small } from '../fixtures/small.ts';

/**
 * The workforce's agency budget, sickness absence and workload-driven turnover (issue 12 item 4;
 * src/sim/engine/workforce.ts): places on the hand-built caseload, then runs whose answer is
 * known (the budget's workers in post, the share of time off sick), then paired comparisons.
 */

function parse(data: unknown): Scenario {
  const r = parseScenario(data);
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  return r.value;
}

const withWorkforce = (w: Record<string, number>, change: (s: Record<string, any>) => void = () => {}) => {
  const s = structuredClone(small) as Record<string, any>;
  s.workforce = { ...s.workforce, ...w };
  change(s);
  return parse(s);
};

describe('a worker off sick (Caseloads.away / back)', () => {
  it('takes no new case, keeps the cases held, and brings their places back on return', () => {
    const c = new Caseloads(2, 0, 2, 1);
    expect(c.places).toBe(4);
    const a = c.acquire();
    c.away(a);
    expect(c.places).toBe(2);
    const other = 1 - a;
    // Only the colleague takes cases now: two places, then none.
    expect([c.acquire(), c.acquire(), c.acquire()]).toEqual([other, other, -1]);
    c.release(a); // the absent worker's case closes: the place waits for them
    expect(c.acquire()).toBe(-1);
    c.back(a);
    expect(c.places).toBe(4);
    expect(c.acquire()).toBe(a);
    expect(c.acquire()).toBe(a);
    expect(c.acquire()).toBe(-1);
  });

  it('a worker who leaves while off sick loses their places once', () => {
    const c = new Caseloads(2, 0, 3, 1);
    c.away(0);
    c.retire(0);
    expect(c.places).toBe(3);
    c.back(0);
    expect(c.places).toBe(3);
    expect(c.inPost(0)).toBe(false);
  });
});

describe('the agency budget', () => {
  it('buys whole workers: the budget over a year of working hours at the hourly cost', () => {
    // 7.5 hours × (5 × 365.25 / 7 − 8 bank holidays) = 1,896.4 hours a year.
    const hours = workingHoursPerYear({ mode: 'workingDays', hoursPerDay: 7.5, workingDaysPerWeek: 5, bankHolidayDaysOfYear: [1, 2, 3, 4, 5, 6, 7, 8] });
    expect(hours).toBeCloseTo(7.5 * ((5 * 365.25) / 7 - 8), 9);
    expect(agencyWorkersBought(1_000_000, 40, hours)).toBe(13);
    expect(agencyWorkersBought(40 * hours * 3, 40, hours)).toBe(3);
    expect(agencyWorkersBought(40 * hours * 3 - 1, 40, hours)).toBe(2);
    expect(agencyWorkersBought(1_000_000, 0, hours)).toBe(0);
  });

  it('places its workers one at a time where most posts are uncovered, ties to the first team', () => {
    expect(coverPicks([2, 3, 0], 4)).toEqual([1, 0, 1, 0]);
    expect(coverPicks([2, 3, 0], 9)).toEqual([1, 0, 1, 0, 1]);
    expect(coverPicks([0.7, 1.2], 3, 0.5)).toEqual([1, 0]);
  });

  it('refuses a budget without an hourly cost, naming the field', () => {
    const r = parseScenario({ ...structuredClone(small), workforce: { agencyBudgetPerYear: 100_000 } });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems.map((p) => p.path)).toContainEqual('workforce.agencyHourlyCost');
  });

  it('keeps as many agency workers in post as it buys, up to the vacant posts, from the first day', () => {
    const base = withWorkforce({}, (s) => s.dutyTeams.forEach((t: Record<string, unknown>) => (t.vacancyRate = 0.25)));
    const vacant = base.dutyTeams.reduce((n, t) => n + t.socialWorkerPosts, 0) - countyStaffing(base.dutyTeams).reduce((n, t) => n + t.filled, 0);
    const hours = workingHoursPerYear(base.calendar);
    for (const bought of [2, vacant + 5]) {
      const s = parse({ ...structuredClone(base), workforce: { ...base.workforce, agencyHourlyCost: 50, agencyBudgetPerYear: 50 * hours * bought } });
      const staffing: Extract<SimRecord, { kind: 'staffing' }>[] = [];
      createRun(s, { days: 120, warmupDays: 0, seed: 3, onRecord: (r) => r.kind === 'staffing' && staffing.push(r) }).runToEnd();
      const agency = new Map<number, number>();
      for (const r of staffing) agency.set(r.team, r.agencyInPost);
      const total = [...agency.values()].reduce((a, b) => a + b, 0);
      expect(total).toBe(Math.min(bought, vacant));
      expect(staffing.every((r) => r.t === 0)).toBe(true);
    }
  });

  it('with turnover, covers leavers’ posts after the start lag and gives a post back to each permanent recruit', () => {
    const s = withWorkforce({
      annualTurnoverRate: 0.5,
      recruitmentLagDays: 60,
      agencyStartLagDays: 10,
      agencyHourlyCost: 50,
      agencyBudgetPerYear: 50 * 2000 * 40,
    });
    const posts = s.dutyTeams.map((t) => t.socialWorkerPosts);
    let over = 0;
    let agencyLeft = 0;
    createRun(s, {
      days: 365,
      warmupDays: 0,
      seed: 5,
      onRecord: (r) => {
        if (r.kind !== 'staffing') return;
        // A recruit may arrive the moment before their agency cover goes: one over at most.
        if (r.inPost > posts[r.team]! + 1) over++;
        if (r.left) agencyLeft++;
      },
    }).runToEnd();
    expect(over).toBe(0);
    expect(agencyLeft).toBeGreaterThan(0);
  });

  it('leaves fewer referrals waiting for allocation in a pressured county with vacancies (paired seeds)', () => {
    const run = { days: 365, warmupDays: 90, reps: 4, seed: 21 };
    const vacancies = (s: Record<string, any>) => s.dutyTeams.forEach((t: Record<string, unknown>) => (t.vacancyRate = 1 / 6));
    const without = runBatch(pressuredScenario(vacancies), run);
    const withBudget = runBatch(
      pressuredScenario((s) => {
        vacancies(s);
        s.workforce = { agencyHourlyCost: 50, agencyBudgetPerYear: 50 * 1900 * 4 };
      }),
      run,
    );
    expect(withBudget.metrics.agencyWorkerHours.mean).toBeGreaterThan(0);
    expect(withBudget.metrics.awaitingAllocationMean.mean).toBeLessThan(without.metrics.awaitingAllocationMean.mean * 0.8);
  });
});

describe('sickness absence', () => {
  it('takes its share of working time (hours lost ÷ hours of workers in post)', () => {
    const s = withWorkforce({ sicknessAbsenceShare: 0.1, sicknessSpellWorkingDays: 5 });
    const b = runBatch(s, { days: 365, warmupDays: 90, reps: 4, seed: 9 });
    const workers = s.dutyTeams.reduce((n, t) => n + Math.round(t.socialWorkerPosts * (1 - t.vacancyRate)), 0);
    const share = b.metrics.sicknessHoursLost.mean / ((workers * (workingHoursPerYear(s.calendar) * 365)) / 365.25);
    expect(share).toBeGreaterThan(0.085);
    expect(share).toBeLessThan(0.115);
  });

  it('lengthens the wait for allocation in a pressured county (paired seeds), and the capacity check sees it', () => {
    const run = { days: 365, warmupDays: 90, reps: 4, seed: 22 };
    const well = pressuredScenario();
    const sick = pressuredScenario((s) => (s.workforce = { sicknessAbsenceShare: 0.15 }));
    expect(runBatch(sick, run).metrics.meanWaitToAllocationHours.mean).toBeGreaterThan(runBatch(well, run).metrics.meanWaitToAllocationHours.mean);
    const places = (s: Scenario) => offeredLoad(s).find((l) => l.id.endsWith(':places'))!;
    expect(places(sick).rho).toBeCloseTo(places(well).rho / 0.85, 6);
  });
});

describe('turnover that follows workload', () => {
  it('an overloaded county loses more social workers than the same county with flat turnover (paired seeds)', () => {
    const run = { days: 365, warmupDays: 90, reps: 4, seed: 23 };
    const overloaded = (k: number) =>
      pressuredScenario((s) => {
        s.dutyTeams.forEach((t: Record<string, unknown>) => (t.socialWorkerPosts = 4));
        s.workforce = { annualTurnoverRate: 0.2, recruitmentLagDays: 60, turnoverPerPressure: k };
      });
    const flat = runBatch(overloaded(0), run).metrics.socialWorkerLeavers.mean;
    const driven = runBatch(overloaded(2), run).metrics.socialWorkerLeavers.mean;
    expect(driven).toBeGreaterThan(flat * 1.3);
  });
});
