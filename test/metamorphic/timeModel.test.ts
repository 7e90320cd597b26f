import { describe, expect, it } from 'vitest';
import { runReplication } from '../../src/sim/batch.ts';
import type { SimRecord } from '../../src/sim/records.ts';
import type { Scenario } from '../../src/scenario/schema.ts';
import { WorkingTime } from '../../src/sim/workingCalendar.ts';
import { METAMORPHIC_RUN, pressuredScenario } from '../fixtures/pressured.ts';
import { meanMetrics, nonDecreasing } from './compare.ts';

/**
 * Issue 12, items 1 and 3: overdue assessments are caused by a shortage of social workers' time,
 * not drawn, and deadlines change when assessments close. The county here holds assessments whose
 * unhurried length sits well inside their timescales, with caseload caps too high to bind, so any
 * overdue assessment comes from workers' time running short.
 */
function timed(posts: number, change: (s: Record<string, any>) => void = () => {}): Scenario {
  return pressuredScenario((s) => {
    Object.assign(s.assessment, {
      meanInitialAssessmentWorkingDays: 3,
      meanCoreAssessmentWorkingDays: 15,
      durationShape: 4,
      initialAssessmentWorkHours: 6,
      coreAssessmentWorkHours: 20,
    });
    s.dutyTeams.forEach((t: Record<string, unknown>) => Object.assign(t, { socialWorkerPosts: posts, caseloadCap: 40, newlyQualifiedCaseloadCap: 40 }));
    change(s);
  });
}

const overdue = (m: { initialAssessmentInTimescaleRate: number; coreAssessmentInTimescaleRate: number }) => [
  1 - m.initialAssessmentInTimescaleRate,
  1 - m.coreAssessmentInTimescaleRate,
];

describe("overdue assessments follow from social workers' time", () => {
  it('rise as fewer workers share the same assessments, and fall to near zero with ample staff', () => {
    const posts = [24, 12, 10, 8];
    const shares = posts.map((p) => overdue(meanMetrics(timed(p))));
    const label = posts.map((p, i) => `${p} posts: IA ${(shares[i]![0]! * 100).toFixed(1)}%, CA ${(shares[i]![1]! * 100).toFixed(1)}%`).join('; ');
    expect(nonDecreasing(shares.map((s) => s[0]!)), label).toBe(true);
    expect(nonDecreasing(shares.map((s) => s[1]!)), label).toBe(true);
    // Ample staff: almost nothing overdue, for initial and core assessments alike.
    expect(shares[0]![0], label).toBeLessThan(0.02);
    expect(shares[0]![1], label).toBeLessThan(0.02);
    // Not vacuous: the short-staffed county runs late on a large share.
    expect(shares[posts.length - 1]![1], label).toBeGreaterThan(0.2);
  });

  it('utilisation (share of casework time worked) rises as the same work falls on fewer workers', () => {
    const utilisation = [24, 12, 8].map((p) => meanMetrics(timed(p)).socialWorkerUtilisation);
    expect(nonDecreasing(utilisation), utilisation.map((u) => u.toFixed(2)).join(', ')).toBe(true);
    expect(utilisation[2]).toBeGreaterThan(utilisation[0]! * 2);
  });
});

/**
 * Core assessments' completion day, in working days from their start, for scenario `s`: the
 * counts completing in the three working days before the 35-day deadline, the three before
 * that, and the three after.
 */
function completionDays(s: Scenario): { earlier: number; before: number; after: number } {
  const cal = new WorkingTime(s.calendar);
  const out = { earlier: 0, before: 0, after: 0 };
  for (let rep = 0; rep < 3; rep++) {
    const started = new Map<number, number>();
    const records: SimRecord[] = [];
    runReplication(s, { ...METAMORPHIC_RUN, rep, start: 'empty', onRecord: (r) => records.push(r) });
    for (const r of records) {
      if (r.kind !== 'assessed') continue;
      if (r.which === 'initial' && r.route === 'coreAssessment') started.set(r.caseId, r.t);
      if (r.which !== 'core' || !started.has(r.caseId)) continue;
      const days = cal.availableHours(started.get(r.caseId)!, r.t) / cal.hoursPerWorkingDay;
      if (days > 29 && days <= 32) out.earlier++;
      else if (days > 32 && days <= 35) out.before++;
      else if (days > 35 && days <= 38) out.after++;
    }
  }
  return out;
}

describe('deadlines change when assessments close', () => {
  // Core assessments that take 30 working days unhurried, with time a little short (ten posts: utilisation about 0.8).
  const county = (priority: number) =>
    timed(10, (s) =>
      Object.assign(s.assessment, { meanCoreAssessmentWorkingDays: 30, durationShape: 2, deadlinePriority: priority, deadlineFocusWorkingDays: 3 }),
    );

  it('completions bunch in the working days before the statutory day and drop after it; deadlinePriority 0 removes the hump', () => {
    const on = completionDays(county(1));
    const off = completionDays(county(0));
    const label = `priority 1: ${JSON.stringify(on)}; priority 0: ${JSON.stringify(off)}`;
    expect(on.before + on.after, label).toBeGreaterThan(100); // enough completions to tell
    // A hump: the last three days before the deadline hold more than the three before them, and
    // far more than the three after.
    expect(on.before, label).toBeGreaterThan(on.earlier * 1.3);
    expect(on.before, label).toBeGreaterThan(on.after * 1.8);
    // …and the drop across the deadline is far steeper than without the pull (321/155 = 2.1 against 144/119 = 1.2 on these seeds).
    expect(on.before / on.after, label).toBeGreaterThan((off.before / off.after) * 1.5);
    // Without the deadline's pull the counts run smoothly across the statutory day.
    expect(off.before, label).toBeLessThan(off.after * 1.5);
    expect(off.before, label).toBeLessThan(off.earlier * 1.2);
  });
});
