import { describe, expect, it } from 'vitest';
import { METRIC_NAMES, METRICS, type MetricName } from '../../src/sim/metricDefinitions.ts';
import type { BatchResult, ReplicationResult } from '../../src/sim/results.ts';
import { summariseBatch } from '../../src/sim/summarise.ts';
import { DAYS_PER_MONTH } from '../../src/sim/workingCalendar.ts';
import { changesLine, summariseChanges } from '../../src/ui/lib/findings/changes.ts';
import { compareFindings, measureFindings, mechanism } from '../../src/ui/lib/findings/findings.ts';
import { betterDirection, stageOf } from '../../src/ui/lib/findings/mechanism.ts';
import { sweepFindings } from '../../src/ui/lib/findings/sweepFindings.ts';
import { fakeReplication } from '../fixtures/results.ts';
import { fixtureScenario } from '../fixtures/scenario.ts';

/**
 * Findings from runs whose answer is known: fabricated replications where one measure is moved by
 * an exact amount in every replication (a clear difference of exactly that size), one is moved by
 * noise that averages to zero (no clear difference), and the rest are identical.
 */

const OPTS = { days: 365 + DAYS_PER_MONTH * 2, warmupDays: DAYS_PER_MONTH * 2, reps: 10, seed: 7 };
const scenario = fixtureScenario();

function batch(edit: (r: ReplicationResult) => void = () => {}): BatchResult {
  const reps = Array.from({ length: OPTS.reps }, (_, rep) => {
    const r = structuredClone(fakeReplication(rep, OPTS.seed));
    edit(r);
    return r;
  });
  return summariseBatch(scenario, OPTS, reps);
}

const shift = (metric: MetricName, by: (rep: number) => number) => (r: ReplicationResult) => {
  r.metrics[metric] += by(r.rep);
};

describe('findings from runs whose answer is known', () => {
  it('identical runs: no clear difference in any measure, and the words say so', () => {
    const f = compareFindings({ label: 'A', batch: batch() }, { label: 'B', batch: batch() });
    expect(f.clear).toEqual([]);
    expect(f.unclear).toHaveLength(METRIC_NAMES.length);
    expect(f.headline).toMatch(/no clear difference in any of the \d+ measures/);
    expect(f.mechanism).toBeNull();
  });

  it('a measure moved by exactly −0.05 in every replication is found, lower, better, with that size', () => {
    const f = compareFindings({ label: 'A', batch: batch() }, { label: 'B', batch: batch(shift('reReferralRate', () => -0.05)) });
    expect(f.clear.map((x) => x.metric)).toEqual(['reReferralRate']);
    const x = f.clear[0]!;
    expect(x.direction).toBe('lower');
    expect(x.judgement).toBe('better');
    expect(x.difference.mean).toBeCloseTo(-0.05, 12);
    expect(x.text).toMatch(/^Re-referral rate: down from .*−5\.0 pp.*: better\.$/);
    expect(f.headline).toMatch(/^B against A: 1 of \d+ measures differ clearly \(1 better\)/);
    expect(f.tally).toMatch(/^Against A: 1 of \d+ measures differ clearly/);
  });

  it('noise that averages to zero is never called a difference', () => {
    // ±0.02 alternating: mean 0, interval straddles zero.
    const f = measureFindings(batch(), batch(shift('doubleScreenedRate', (rep) => (rep % 2 ? 0.02 : -0.02))));
    expect(f.clear).toEqual([]);
    expect(f.unclear).toContain('doubleScreenedRate');
  });

  it('a small shift inside the noise is not clear, the same shift without noise is', () => {
    const noisy = measureFindings(batch(), batch(shift('repeatWorkHoursPerMonth', (rep) => 0.001 + (rep % 2 ? 1 : -1))));
    expect(noisy.clear).toEqual([]);
    const exact = measureFindings(batch(), batch(shift('repeatWorkHoursPerMonth', () => 0.001)));
    expect(exact.clear.map((x) => x.metric)).toEqual(['repeatWorkHoursPerMonth']);
    expect(exact.clear[0]!.judgement).toBe('worse');
  });

  it('counts over the window are given per month', () => {
    const f = measureFindings(batch(), batch(shift('divertedToEarlyHelp', () => 120)));
    const x = f.clear[0]!;
    expect(x.perMonth).toBe(true);
    expect(x.difference.mean).toBeCloseTo(120 / (365 / DAYS_PER_MONTH), 9); // 365 days in the window
    expect(x.text).toMatch(/a month/);
  });

  it('the mechanism chains the clear changes stage by stage, ending with an outcome', () => {
    const b = batch((r) => {
      r.metrics.divertedToEarlyHelp += 168;
      r.metrics.caseloadPerWorker -= 0.5;
      r.metrics.coreAssessmentsOverdueEnd -= 10;
    });
    const f = compareFindings({ label: 'Kent', batch: batch() }, { label: 'CAF', batch: b });
    const words = (m: MetricName) => METRICS[m].label.toLowerCase().replace(/[()]/g, '\\$&');
    expect(f.mechanism).toMatch(
      new RegExp(
        `^Diverted to early help up from .* a month; then ${words('caseloadPerWorker')} down from .*; so ${words('coreAssessmentsOverdueEnd')} down from`,
      ),
    );
  });

  it('the chain ends on the first headline outcome in the results’ order, not on the largest change', () => {
    const b = batch((r) => {
      r.metrics.divertedToEarlyHelp += 168;
      r.metrics.reReferralRate -= 0.02;
      // A far larger relative change in an outcome the results do not lead with.
      r.metrics.awaitingAllocationEnd = 0;
    });
    const base = batch((r) => {
      r.metrics.awaitingAllocationEnd = 40;
    });
    const f = compareFindings({ label: 'Kent', batch: base }, { label: 'CAF', batch: b });
    expect(f.clear.map((x) => x.metric)).toContain('awaitingAllocationEnd');
    expect(f.mechanism).toMatch(/; so re-referral rate down from /);
  });

  it('a mechanism is never told from measures that are not clear', () => {
    const f = measureFindings(batch(), batch(shift('divertedToEarlyHelp', (rep) => (rep % 2 ? 50 : -50))));
    expect(mechanism(f.clear)).toBeNull();
  });

  it('refuses runs on different seeds (the differences would not be paired)', () => {
    const other = summariseBatch(
      scenario,
      { ...OPTS, seed: 8 },
      Array.from({ length: OPTS.reps }, (_, rep) => fakeReplication(rep, 8)),
    );
    expect(() => measureFindings(batch(), other)).toThrow(/same seeds/);
  });

  it('reads better directions from the definitions, neutral for an unknown measure; unknown measures are outcomes', () => {
    expect(betterDirection('reReferralRate')).toBe('lower');
    expect(betterDirection('initialAssessmentInTimescaleRate')).toBe('higher');
    expect(betterDirection('aMeasureAddedLater')).toBe('neutral');
    expect(stageOf('aMeasureAddedLater')).toBe('outcome');
  });
});

describe('what a scenario changes, in a line', () => {
  it('groups team settings and says how many teams', () => {
    const a = fixtureScenario();
    a.dutyTeams.forEach((t) => (t.earlyHelpCoverage = 0.2));
    const b = structuredClone(a);
    b.dutyTeams.forEach((t) => (t.earlyHelpCoverage = 0.6));
    b.frontDoor.referralThreshold = 70;
    b.name = 'renamed';
    const groups = summariseChanges(a, b, (p) => (p.endsWith('earlyHelpCoverage') ? 'Duty team 1: Early help coverage' : p));
    expect(groups.map((g) => g.text)).toEqual([
      `Early help coverage: 0.2 → 0.6 in every duty team`,
      `frontDoor.referralThreshold: ${a.frontDoor.referralThreshold} → 70`,
    ]);
    expect(changesLine(groups, 1)).toMatch(/; and 1 more change$/);
    expect(changesLine([], 3)).toBe('same settings as the baseline');
  });
});

describe('sweep findings from runs whose answer is known', () => {
  it('a measure that steps down only between the 2nd and 3rd values is found, with that step named', () => {
    const values = [4, 8, 12, 16];
    const batches = values.map((v) => batch(shift('coreAssessmentsOverdueEnd', () => (v >= 12 ? -20 : 0))));
    const f = sweepFindings(values, batches, 'Social worker posts in each duty team', String);
    expect(f.clear.map((x) => x.metric)).toEqual(['coreAssessmentsOverdueEnd']);
    expect(f.clear[0]!.steepest).toEqual({ from: 8, to: 12 });
    expect(f.clear[0]!.text).toMatch(/Most of the change comes between 8 and 12\./);
    expect(f.headline).toMatch(/^From 4 to 16 \(social worker posts in each duty team\): 1 of \d+ measures change clearly/);
  });

  it('a flat sweep says no clear difference', () => {
    const f = sweepFindings([1, 2], [batch(), batch()], 'Demand', String);
    expect(f.clear).toEqual([]);
    expect(f.headline).toMatch(/no clear difference in any/);
  });
});
