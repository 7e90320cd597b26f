import { describe, expect, it } from 'vitest';
import { runBatch } from '../../src/sim/batch.ts';
import { SERIES_NAMES } from '../../src/sim/metricDefinitions.ts';
import { SERIES_UNITS } from '../../src/sim/seriesUnits.ts';
import { WARM_START_SETTLED_DAYS, assessSteadiness, measuredWeeks, mser5, slope, yearOnYearChangePerMonth } from '../../src/sim/steadiness.ts';
import { steadinessMessages } from '../../src/sim/steadinessMessages.ts';
import { pressuredScenario } from '../fixtures/pressured.ts';

/** The steady-state detector: unit checks on made-up series, then on a stable and an overloaded county. */

const flatSeries = (level: number, weeks: number, wiggle: (w: number) => number) => Array.from({ length: weeks }, (_, w) => level + wiggle(w));

function fakeReps(make: (rep: number) => number[]) {
  return Array.from({ length: 8 }, (_, rep) => Object.fromEntries(SERIES_NAMES.map((n) => [n, make(rep)])) as Record<(typeof SERIES_NAMES)[number], number[]>);
}

describe('slope and MSER-5', () => {
  it('fits the slope of a straight line exactly, and 0 for a constant', () => {
    expect(slope([1, 3, 5, 7, 9])).toBeCloseTo(2, 12);
    expect(slope([4, 4, 4, 4])).toBe(0);
    expect(slope([7])).toBe(0);
  });

  it('truncates a start-up ramp and nothing from a series that starts steady', () => {
    const ramp = Array.from({ length: 100 }, (_, w) => (w < 30 ? w : 30) + ((w * 7919) % 5) * 0.1);
    const cut = mser5(ramp);
    expect(cut).toBeGreaterThanOrEqual(25);
    expect(cut).toBeLessThanOrEqual(35);
    const steady = Array.from({ length: 100 }, (_, w) => 30 + ((w * 7919) % 5) * 0.1);
    expect(mser5(steady)).toBeLessThanOrEqual(10);
  });

  it('counts only the weeks wholly inside the measured window', () => {
    expect(measuredWeeks(90, 455)).toEqual([13, 65]);
    expect(measuredWeeks(0, 14)).toEqual([0, 2]);
  });
});

describe('trend verdicts', () => {
  it('calls a flat noisy series steady and a growing backlog rising, in words', () => {
    const noisy = (rep: number) => flatSeries(50, 65, (w) => (((w + 1) * (rep + 3) * 7919) % 11) - 5);
    const flat = assessSteadiness(fakeReps(noisy), SERIES_UNITS, 90, 455);
    expect(flat.awaitingAllocation.trend).toBe('steady');
    expect(steadinessMessages(flat, 90).filter((m) => m.includes('cannot keep up'))).toEqual([]);

    const growing = (rep: number) => flatSeries(50, 65, (w) => 3 * w + (((w + 1) * (rep + 3) * 7919) % 11) - 5);
    const grows = assessSteadiness(fakeReps(growing), SERIES_UNITS, 90, 455);
    expect(grows.awaitingAllocation.trend).toBe('rising');
    // 3 a week is about 13 a month.
    expect(grows.awaitingAllocation.slopePerMonth.mean).toBeCloseTo(3 * (365.25 / 12 / 7), 1);
    expect(steadinessMessages(grows, 90)).toContain(
      'Referrals awaiting allocation grow by about 13 a month: this front door cannot keep up, so averages over the run depend on its length.',
    );
  });

  it('does not call a significant but immaterial drift a trend (under 10% of the level over the window)', () => {
    const drift = (rep: number) => flatSeries(1000, 65, (w) => 0.5 * w + (rep % 2));
    const v = assessSteadiness(fakeReps(drift), SERIES_UNITS, 90, 455);
    expect(v.contacts.slopePerMonth.ci95[0]).toBeGreaterThan(0);
    expect(v.contacts.trend).toBe('steady');
  });

  it('says when a warm-up is too short for a series that settles late', () => {
    const late = (rep: number) => flatSeries(0, 65, (w) => (w < 40 ? w : 40) + (rep % 3) * 0.01);
    const v = assessSteadiness(fakeReps(late), SERIES_UNITS, 14, 455);
    expect(v.plansOpen.warmupAdequate).toBe(false);
    expect(v.plansOpen.settlesAfterDays).toBeGreaterThan(14 + 35);
  });
});

describe('a yearly season is not a trend (weeks a year apart are compared)', () => {
  // kent-2010's initial assessments open, in shape: lowest in late summer, highest just after the
  // Christmas bank holidays (run weeks 39-40), the same every year; a run of 455 days whose
  // measured year (weeks 13-65) starts near the trough and ends after the peak.
  const season = (w: number) => 8 * Math.exp(-(((((w % 52) - 40 + 52) % 52) - 0) ** 2) / 18) - 3 * Math.cos((2 * Math.PI * (w - 26)) / 52);
  const noise = (w: number, rep: number) => ((((w + 1) * (rep + 3) * 7919) % 11) - 5) * 0.3;
  const seasonal = (rep: number) => flatSeries(90, 65, (w) => season(w) + noise(w, rep));

  it('a straight line through one measured year reads the season as a rise; year on year it is steady', () => {
    const line = assessSteadiness(fakeReps(seasonal), SERIES_UNITS, 90, 455);
    expect(line.initialAssessmentsOpen.method).toBe('line');
    expect(line.initialAssessmentsOpen.slopePerMonth.ci95[0]).toBeGreaterThan(0);
    const yoy = assessSteadiness(fakeReps(seasonal), SERIES_UNITS, 90, 455, WARM_START_SETTLED_DAYS);
    expect(yoy.initialAssessmentsOpen.method).toBe('yearOnYear');
    expect(yoy.initialAssessmentsOpen.trend).toBe('steady');
    expect(Math.abs(yoy.initialAssessmentsOpen.slopePerMonth.mean)).toBeLessThan(0.2);
  });

  it('growth on top of the season is still found, at its true rate', () => {
    const growing = (rep: number) => flatSeries(20, 65, (w) => season(w) + 0.5 * w + noise(w, rep));
    const v = assessSteadiness(fakeReps(growing), SERIES_UNITS, 90, 455, WARM_START_SETTLED_DAYS);
    expect(v.awaitingAllocation.method).toBe('yearOnYear');
    expect(v.awaitingAllocation.trend).toBe('rising');
    expect(v.awaitingAllocation.slopePerMonth.mean).toBeCloseTo(0.5 * (365.25 / 12 / 7), 1);
  });

  it('pairs week w with week w + 52 from the first settled week, and needs eight pairs', () => {
    const ys = Array.from({ length: 65 }, (_, w) => w);
    // Every pair differs by 52 weeks' growth: 52 per 52 weeks, i.e. 1 a week in months.
    expect(yearOnYearChangePerMonth(ys, 4, 65)).toBeCloseTo(365.25 / 12 / 7, 9);
    expect(yearOnYearChangePerMonth(ys, 5, 65)).toBeCloseTo(365.25 / 12 / 7, 9);
    // From week 6 only seven pairs fit in 65 weeks: too few, so the caller fits a line.
    expect(yearOnYearChangePerMonth(ys, 6, 65)).toBeNull();
    expect(yearOnYearChangePerMonth(ys, 13, 65)).toBeNull();
  });
});

describe('on simulated counties (warm start, 90 days of warm-up, a year measured)', () => {
  const run = { days: 365, warmupDays: 90, reps: 6, seed: 11 };

  it('a county with capacity to spare is steady: no series trends, no notice', () => {
    const stable = pressuredScenario((s) => {
      s.frontDoor.unqualifiedScreeners = 8;
      s.dutyTeams.forEach((t: Record<string, unknown>) => Object.assign(t, { socialWorkerPosts: 30, managers: 4 }));
    });
    const b = runBatch(stable, run);
    const trending = SERIES_NAMES.filter((n) => b.steadiness[n].trend !== 'steady');
    expect(trending, steadinessMessages(b.steadiness, 90).join('\n')).toEqual([]);
  });

  it('a county whose duty teams cannot keep up is told so: the allocation backlog rises', () => {
    const overloaded = pressuredScenario((s) => s.dutyTeams.forEach((t: Record<string, unknown>) => (t.socialWorkerPosts = 2)));
    const b = runBatch(overloaded, run);
    expect(b.steadiness.awaitingAllocation.trend).toBe('rising');
    expect(steadinessMessages(b.steadiness, 90).join('\n')).toMatch(/Referrals awaiting allocation grow by about \d+ a month: this front door cannot keep up/);
  });
});
