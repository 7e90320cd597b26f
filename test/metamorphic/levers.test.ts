import { describe, expect, it } from 'vitest';
import { getPreset } from '../../src/scenario/presets.ts';
import type { Scenario } from '../../src/scenario/schema.ts';
import { runReplication } from '../../src/sim/batch.ts';
import { METRICS, UNRELIABLE_QUEUED_SHARE, type MetricName } from '../../src/sim/metricDefinitions.ts';
import type { MetricValues } from '../../src/sim/results.ts';
import { estimate } from '../../src/sim/stats.ts';

/**
 * Every lever a user pulls moves the headline measures the way the evidence says, at the app's
 * default run (a warm start, 90 days of warm-up, 365 days measured, seed 2010) on kent-2010, on
 * paired seeds (common random numbers: the same children arrive in both runs, Law §11.2). The
 * claims are on the paired differences: the mean must move the right way, and for the lever's
 * main measure the 95% interval of the difference must exclude no change.
 */

const RUN = { days: 365, warmupDays: 90, seed: 2010 } as const;
const REPS = 6;
const kent = getPreset('kent-2010')!;

function variant(edit: (s: Scenario) => void): Scenario {
  const s = structuredClone(kent);
  edit(s);
  return s;
}

function runs(s: Scenario): MetricValues[] {
  return Array.from({ length: REPS }, (_, rep) => runReplication(s, { ...RUN, rep }).metrics);
}

const baseline = (() => {
  let cached: MetricValues[] | null = null;
  return () => (cached ??= runs(kent));
})();

/** Paired difference (variant − baseline) of one measure, with its 95% interval. */
function diff(after: MetricValues[], name: MetricName) {
  const before = baseline();
  const d = after.map((m, i) => m[name] - before[i]![name]);
  return estimate(d);
}

function say(after: MetricValues[], names: MetricName[]): string {
  const before = baseline();
  const mean = (ms: MetricValues[], n: MetricName) => ms.reduce((a, m) => a + m[n], 0) / ms.length;
  return names.map((n) => `${n}: ${mean(before, n).toFixed(3)} → ${mean(after, n).toFixed(3)}`).join('; ');
}

/** The lever's main measure moved the right way beyond noise. */
function clearly(after: MetricValues[], name: MetricName, direction: 'up' | 'down'): void {
  const e = diff(after, name);
  const ok = direction === 'up' ? e.ci95[0] > 0 : e.ci95[1] < 0;
  expect(ok, `${name} should go ${direction}: paired difference ${e.mean.toFixed(4)} [${e.ci95[0].toFixed(4)}, ${e.ci95[1].toFixed(4)}]`).toBe(true);
}

/** A measure did not move the wrong way (its mean difference is not on the wrong side beyond noise). */
function notWrongWay(after: MetricValues[], name: MetricName, wrong: 'up' | 'down'): void {
  const e = diff(after, name);
  const bad = wrong === 'up' ? e.ci95[0] > 0 : e.ci95[1] < 0;
  expect(bad, `${name} must not go ${wrong}: paired difference ${e.mean.toFixed(4)} [${e.ci95[0].toFixed(4)}, ${e.ci95[1].toFixed(4)}]`).toBe(false);
}

describe('levers move the headline measures the right way at the default run (kent-2010, paired seeds)', () => {
  it('fewer duty social workers: longer waits for allocation, fewer initial assessments in timescale, no fall in children coming back', () => {
    const after = runs(variant((s) => s.dutyTeams.forEach((t) => (t.socialWorkerPosts = Math.max(1, Math.round(t.socialWorkerPosts * 0.75))))));
    clearly(after, 'meanWaitToAllocationHours', 'up');
    clearly(after, 'initialAssessmentInTimescaleRate', 'down');
    notWrongWay(after, 'returnAfterClosureRate', 'down');
  });

  it('more vacancies (13% to 25%): longer waits for allocation, fewer initial assessments in timescale, no fall in children coming back', () => {
    const after = runs(variant((s) => s.dutyTeams.forEach((t) => (t.vacancyRate = 0.25))));
    clearly(after, 'meanWaitToAllocationHours', 'up');
    clearly(after, 'initialAssessmentInTimescaleRate', 'down');
    notWrongWay(after, 'returnAfterClosureRate', 'down');
  });

  it('a stricter duty threshold (5 points): more closures without services, more children coming back, no fall in re-referral', () => {
    const after = runs(variant((s) => s.dutyTeams.forEach((t) => (t.threshold = Math.min(100, t.threshold + 5)))));
    clearly(after, 'closedWithoutServices', 'up');
    clearly(after, 'returnAfterClosureRate', 'up');
    notWrongWay(after, 'reReferralRate', 'down');
  });

  it('a stricter front-door threshold (5 points): more closures without services, more children coming back', () => {
    const after = runs(variant((s) => (s.frontDoor.referralThreshold = Math.min(100, s.frontDoor.referralThreshold + 5))));
    clearly(after, 'closedWithoutServices', 'up');
    clearly(after, 'returnAfterClosureRate', 'up');
  });

  it('more demand (1.5 times): longer waits, and no ratio over decided work reads better unless it is flagged unreliable', () => {
    const after = runs(variant((s) => s.demand.sources.forEach((a) => (a.contactsPerMonth *= 1.5))));
    clearly(after, 'meanWaitToAllocationHours', 'up');
    clearly(after, 'meanWaitToDecisionHours', 'up');
    const queued = after.reduce((a, m) => a + m.queuedWorkShare, 0) / after.length;
    if (queued < UNRELIABLE_QUEUED_SHARE) {
      for (const name of Object.keys(METRICS) as MetricName[]) {
        const def = METRICS[name];
        if (!def.decisionBased || def.better === 'neutral') continue;
        notWrongWay(after, name, def.better === 'lower' ? 'down' : 'up');
      }
    }
  });

  it('known children screened once instead of twice: less repeat work, and known children still meet their team’s threshold', () => {
    const after = runs(variant((s) => (s.frontDoor.knownChildrenRescreened = false)));
    clearly(after, 'repeatWorkHoursPerMonth', 'down');
    clearly(after, 'doubleScreenedRate', 'down');
    // Same threshold for known children (the team's): closures without services move by less than 5%.
    const before = baseline();
    const mean = (ms: MetricValues[]) => ms.reduce((a, m) => a + m.closedWithoutServices, 0) / ms.length;
    expect(Math.abs(mean(after) / mean(before) - 1), say(after, ['closedWithoutServices'])).toBeLessThan(0.05);
  });
});
