import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { daysBetween } from '../../src/scenario/calendarDates.ts';
import { parseScenario } from '../../src/scenario/parse.ts';
import type { Scenario } from '../../src/scenario/schema.ts';
import { runBatch } from '../../src/sim/batch.ts';
import { backlogAnswer } from '../../src/sim/timelineSummary.ts';
import { warmStateKey } from '../../src/sim/warmStart.ts';

/**
 * The acceptance case of issue 12's timeline: kent-2010 with three duty social workers leaving
 * Duty access point 1 on 1 March 2011 (seeds/timelines/kent-2010-three-leave.json), against the
 * same scenario with no change, on common random numbers (the same seeds): the backlog of
 * referrals awaiting allocation is identical until the leave date, rises after it, and falls back
 * once the posts are filled again after the recruitment lag.
 */

function parse(data: unknown): Scenario {
  const r = parseScenario(data);
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  return r.value;
}

const threeLeaveRaw = JSON.parse(readFileSync(new URL('../../seeds/timelines/kent-2010-three-leave.json', import.meta.url), 'utf8'));
const threeLeave = parse(threeLeaveRaw);
const noChange = parse({ ...threeLeaveRaw, timeline: { ...threeLeaveRaw.timeline, changes: [] } });

describe('three duty social workers leave (kent-2010, paired seeds, the default 90 + 365 days)', () => {
  // Ten replications instead of the app's twenty: the same run length and seeds, half the time.
  const opts = { days: 365, warmupDays: 90, reps: 10, seed: 2010 };
  const withLeave = runBatch(threeLeave, opts);
  const without = runBatch(noChange, opts);
  const leaveDay = opts.warmupDays + daysBetween(threeLeave.timeline.startDate, '2011-03-01');
  const refillDay = leaveDay + threeLeave.workforce.recruitmentLagDays;
  const starts = withLeave.series.weekStartDays;
  const diff = withLeave.series.values.awaitingAllocation.map((e, w) => e.mean - without.series.values.awaitingAllocation[w]!.mean);
  const meanDiff = (from: number, to: number) => {
    const weeks = starts.map((d, w) => [d, w] as const).filter(([d]) => d >= from && d + 7 <= to);
    return weeks.reduce((a, [, w]) => a + diff[w]!, 0) / weeks.length;
  };

  it('is the same run until the leave date (the template and the warm-up ignore the timeline)', () => {
    const before = starts.map((d, w) => [d, w] as const).filter(([d]) => d + 7 <= leaveDay);
    expect(before.length).toBeGreaterThan(30);
    for (const [, w] of before) expect(diff[w]).toBe(0);
    expect(warmStateKey(threeLeave, 2010)).toBe(warmStateKey(noChange, 2010));
  });

  it('the backlog rises after the leave date and falls after the recruitment lag', () => {
    const during = meanDiff(leaveDay + 28, refillDay);
    const after = meanDiff(refillDay + 28, opts.warmupDays + opts.days);
    expect(during).toBeGreaterThan(3);
    // The extra backlog (against the same run without the leave) is at its highest just before
    // the refill and below a quarter of that within six weeks of it (measured: 16.9 on day 322,
    // 1.1 on day 336).
    const weeksIn = (from: number, to: number) =>
      starts
        .map((d, w) => [d, w] as const)
        .filter(([d]) => d >= from && d + 7 <= to)
        .map(([, w]) => diff[w]!);
    const peakExtra = Math.max(...weeksIn(leaveDay, refillDay + 7));
    expect(Math.min(...weeksIn(refillDay, refillDay + 42))).toBeLessThan(peakExtra / 4);
    // Over the rest of the run it stays well below its level during the vacancy. Under the time
    // model a backlog clears only as fast as the team's spare hours allow, so a small excess
    // lingers for some weeks (measured: 2.3 after against 9.5 during; the places model cleared it
    // within a month, and this bound was a quarter).
    expect(after).toBeLessThan(during / 3);
  });

  it('the posts are vacant between the leave date and the refill, and three leavers are counted', () => {
    const inPost = withLeave.series.values.socialWorkersInPost.map((e) => e.mean);
    const base = without.series.values.socialWorkersInPost[0]!.mean;
    starts.forEach((d, w) => {
      if (d >= leaveDay && d + 7 <= refillDay) expect(inPost[w]).toBe(base - 3);
      if (d >= refillDay) expect(inPost[w]).toBe(base);
    });
    expect(withLeave.metrics.socialWorkerLeavers.mean).toBe(3);
    expect(without.metrics.socialWorkerLeavers.mean).toBe(0);
  });

  it('the peak falls between the leave date and the refill, and the recovery soon after the refill', () => {
    const a = backlogAnswer(threeLeave, withLeave);
    expect(a).not.toBeNull();
    const dayOf = (date: string) => opts.warmupDays + daysBetween(threeLeave.timeline.startDate, date);
    expect(dayOf(a!.peak.date)).toBeGreaterThanOrEqual(leaveDay);
    expect(dayOf(a!.peak.date)).toBeLessThanOrEqual(refillDay + 7);
    expect(a!.recovery).not.toBeNull();
    expect(dayOf(a!.recovery!.date)).toBeGreaterThan(refillDay - 7);
    // The raw backlog is compared with its level before the leave, and the same weeks without the
    // leave sit higher than that (after the bank holidays that fall in the vacancy: the run's
    // holidays count from its first day, not the timeline's date), so it takes about twelve weeks
    // after the refill to come back within a quarter of the rise (measured: day 413, the refill on
    // day 331; the extra backlog against the run without the leave has gone within a week).
    expect(dayOf(a!.recovery!.date)).toBeLessThan(refillDay + 12 * 7);
    expect(backlogAnswer(noChange, without)).toBeNull();
  });
});
