import { describe, expect, it } from 'vitest';
import { runBatch } from '../../src/sim/batch.ts';
import { SERIES_NAMES } from '../../src/sim/metricDefinitions.ts';
import { SERIES_UNITS } from '../../src/sim/seriesUnits.ts';
import { assessSteadiness, measuredWeeks, mser5, slope } from '../../src/sim/steadiness.ts';
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
