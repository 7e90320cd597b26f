import { describe, expect, it } from 'vitest';
import { addDays, daysBetween } from '../../src/scenario/calendarDates.ts';
import { parseScenario } from '../../src/scenario/parse.ts';
import type { Scenario } from '../../src/scenario/schema.ts';
import { runReplication } from '../../src/sim/batch.ts';
import { createRun } from '../../src/sim/engine.ts';
import type { SimRecord } from '../../src/sim/records.ts';
import { Caseloads, countyStaffing } from '../../src/sim/staff.ts';
import { small } from '../fixtures/small.ts';

/**
 * The timeline and the changing workforce (issue 12 items 4-5) on the small test county: demand
 * by calendar month and steps, dated staffing and threshold changes, turnover, agency workers.
 * The kent-2010 acceptance case is in timelineAcceptance.test.ts (slow tier).
 */

function parse(data: unknown): Scenario {
  const r = parseScenario(data);
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  return r.value;
}

/** A short run of the small test county from empty, keeping its records. */
function records(s: Scenario, days: number, warmupDays = 0): SimRecord[] {
  const out: SimRecord[] = [];
  createRun(s, { days, warmupDays, seed: 7, onRecord: (r) => out.push(r) }).runToEnd();
  return out;
}

/** New concerns (not returns or duplicates) in each measured day. */
function newContactsByDay(rs: readonly SimRecord[], warmupDays: number, days: number): number[] {
  const byDay = Array.from({ length: days }, () => 0);
  for (const r of rs) {
    if (r.kind !== 'contact' || r.duplicate || Number.isFinite(r.sincePreviousContactHours)) continue;
    const d = Math.floor(r.t / 24) - warmupDays;
    if (d >= 0 && d < days) byDay[d]!++;
  }
  return byDay;
}

const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);

describe('demand over the calendar', () => {
  it('seasonality: with August at 0 no new concern arrives in August, and July is as before', () => {
    const august = [1, 1, 1, 1, 1, 1, 1, 0, 1, 1, 1, 1];
    const s = parse({ ...small, demand: { ...small.demand, sources: small.demand.sources.map((x) => ({ ...x, monthlyFactors: august })) } });
    const byDay = newContactsByDay(records(s, 200), 0, 200);
    const day = (date: string) => daysBetween(s.timeline.startDate, date);
    expect(sum(byDay.slice(day('2010-08-01'), day('2010-09-01')))).toBe(0);
    expect(sum(byDay.slice(day('2010-07-01'), day('2010-08-01')))).toBeGreaterThan(1000);
    expect(sum(byDay.slice(day('2010-09-01'), day('2010-10-01')))).toBeGreaterThan(1000);
  });

  it('a demand step doubles new concerns from its date, and the thinning bound holds (never fewer than the rate asks)', () => {
    const s = parse({ ...small, timeline: { startDate: '2010-04-01', changes: [{ change: 'demand', date: '2010-06-01', factor: 2 }] } });
    const byDay = newContactsByDay(records(s, 120, 30), 30, 90);
    const step = daysBetween('2010-04-01', '2010-06-01');
    const perDay = (from: number, to: number) => sum(byDay.slice(from, to)) / (to - from);
    const ratio = perDay(step, 90) / perDay(0, step);
    expect(ratio).toBeGreaterThan(1.8);
    expect(ratio).toBeLessThan(2.2);
  });

  it('a demand step placed in the warm-up is refused: dated changes are in the measured days', () => {
    const r = parseScenario({ ...small, timeline: { startDate: '2010-04-01', changes: [{ change: 'demand', date: '2010-03-01', factor: 2 }] } });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems[0]!.path).toBe('timeline.changes.0.date');
  });
});

describe('the workforce over time', () => {
  it('turnover: about the annual rate of filled posts leave in a year, and their posts are filled again after the lag', () => {
    const s = parse({ ...small, workforce: { annualTurnoverRate: 0.16, recruitmentLagDays: 60 } });
    const filled = countyStaffing(s.dutyTeams).reduce((a, t) => a + t.filled, 0);
    const leavers: number[] = [];
    for (let rep = 0; rep < 6; rep++) {
      const r = runReplication(s, { days: 365, warmupDays: 30, seed: 3, rep, start: 'empty' });
      leavers.push(r.metrics.socialWorkerLeavers);
      // Leavers' posts stand vacant for the lag: about rate × posts × lag / year of them at once.
      const inPost = r.series.socialWorkersInPost;
      expect(Math.min(...inPost)).toBeGreaterThan(filled - 12);
      expect(Math.max(...inPost)).toBeLessThanOrEqual(filled);
    }
    const mean = sum(leavers) / leavers.length;
    expect(mean).toBeGreaterThan(0.16 * filled * 0.7);
    expect(mean).toBeLessThan(0.16 * filled * 1.3);
  });

  it('newly qualified workers leave the protected cap within the protection months: after that no allocation goes to one', () => {
    // Every worker newly qualified at the start, so every early allocation goes to one.
    const allNew = { ...small, dutyTeams: small.dutyTeams.map((t) => ({ ...t, newlyQualifiedShare: 1 })) };
    const s = parse({ ...allNew, workforce: { newlyQualifiedProtectionMonths: 2 } });
    const rs = records(s, 150, 0);
    const nqAllocations = (from: number, to: number) =>
      rs.filter((r) => r.kind === 'allocated' && r.newlyQualified && r.t >= from * 24 && r.t < to * 24).length;
    expect(nqAllocations(0, 20)).toBeGreaterThan(20);
    expect(nqAllocations(62, 150)).toBe(0);
    // Without maturing, newly qualified workers keep taking cases.
    expect(records(parse(allNew), 150, 0).filter((r) => r.kind === 'allocated' && r.newlyQualified && r.t >= 62 * 24).length).toBeGreaterThan(20);
  });

  it('agency workers start after the start-up lag, stay their weeks, and their working hours are counted', () => {
    const s = parse({
      ...small,
      calendar: { ...small.calendar, bankHolidayDaysOfYear: [] },
      workforce: { agencyStartLagDays: 14, agencyHourlyCost: 50 },
      timeline: { startDate: '2010-04-01', changes: [{ change: 'agencyWorkersStart', date: '2010-04-12', team: 'Team 2', count: 2, weeks: 4 }] },
    });
    const rs = records(s, 100, 0);
    const staffing = rs.filter((r): r is Extract<SimRecord, { kind: 'staffing' }> => r.kind === 'staffing');
    const start = daysBetween('2010-04-01', '2010-04-12') + 14;
    expect(staffing.map((r) => [r.t / 24, r.team, r.left, r.agencyInPost])).toEqual([
      [start, 1, false, 1],
      [start, 1, false, 2],
      [start + 28, 1, true, 1],
      [start + 28, 1, true, 0],
    ]);
    const r = runReplication(s, { days: 100, warmupDays: 0, seed: 7, rep: 0, start: 'empty' });
    // Two workers for four weeks of five 7.5-hour days.
    expect(r.metrics.agencyWorkerHours).toBeCloseTo(2 * 20 * 7.5, 6);
  });

  it('a threshold change applies from its date: a team with threshold 100 accepts no referral its duty manager screens', () => {
    const s = parse({
      ...small,
      frontDoor: { ...small.frontDoor, childProtectionFastTrack: false },
      timeline: { startDate: '2010-04-01', changes: [{ change: 'threshold', date: '2010-05-01', team: 'all', threshold: 100 }] },
    });
    const rs = records(s, 90, 0);
    const changeAt = daysBetween('2010-04-01', '2010-05-01') * 24;
    const accepted = (from: number, to: number) => rs.filter((r) => r.kind === 'acceptedForAssessment' && r.t >= from && r.t < to).length;
    expect(accepted(0, changeAt)).toBeGreaterThan(100);
    // Reading need can still land above 100 only by error; the scale ends at 100.
    expect(accepted(changeAt + 48, 90 * 24)).toBeLessThan(accepted(0, changeAt) / 20);
  });
});

describe('Caseloads as the workforce changes', () => {
  it('a joiner adds their cap; a leaver takes their free places and frees none when their cases close; a maturing worker gains places', () => {
    const c = new Caseloads(2, 1, 4, 2);
    expect(c.places).toBe(6);
    const w = c.addWorker(4, false);
    expect(w).toBe(2);
    expect(c.places).toBe(10);
    const held = Array.from({ length: 10 }, () => c.acquire());
    expect(held.filter((x) => x === 2)).toHaveLength(4);
    expect(c.acquire()).toBe(-1);
    c.retire(2);
    expect(c.places).toBe(6);
    expect(c.inPost(2)).toBe(false);
    c.release(2);
    expect(c.held).toBe(9);
    expect(c.acquire()).toBe(-1); // the leaver's place went with them
    c.raiseCap(0, 4, false);
    expect(c.places).toBe(8);
    expect([c.acquire(), c.acquire(), c.acquire()]).toEqual([0, 0, -1]);
    expect(() => c.retire(2)).toThrow(/not in post/);
  });
});

describe('calendar dates', () => {
  it('counts days across months, leap years and centuries', () => {
    expect(daysBetween('2010-04-01', '2011-03-01')).toBe(334);
    expect(daysBetween('2012-02-28', '2012-03-01')).toBe(2);
    expect(daysBetween('2100-02-28', '2100-03-01')).toBe(1);
    expect(addDays('2010-04-01', 334)).toBe('2011-03-01');
    expect(addDays('2000-01-01', -1)).toBe('1999-12-31');
  });
});
