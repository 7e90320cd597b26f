import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../src/scenario/parse.ts';
import { runReplication } from '../../src/sim/batch.ts';
import { mmcScenario } from '../fixtures/small.ts';

/**
 * The initial-assessment clock starts at the referral (DfE), so a wait for allocation counts
 * against the timescale; the scenario may start it at allocation instead. On a queue where
 * every referral waits days for a worker and each assessment takes half a day, the two clocks
 * give opposite answers, on the same seed.
 */
function queue(clock: 'referral' | 'allocation') {
  const raw = mmcScenario(1.5, 2, 1) as Record<string, any>;
  raw.assessment.initialAssessmentClockStartsAt = clock;
  raw.assessment.initialAssessmentTimescaleWorkingDays = 1; // 24 hours in 'always' mode
  raw.assessment.meanInitialAssessmentWorkingDays = 1 / 12; // an hour of a 12-hour working day
  // Overload: 36 referrals a day for a worker who finishes about 12 a day; waits grow to days.
  raw.calendar = { mode: 'workingDays', hoursPerDay: 12, workingDaysPerWeek: 7, bankHolidayDaysOfYear: [] };
  const p = parseScenario(raw);
  if (!p.ok) throw new Error(JSON.stringify(p.problems));
  return p.value;
}

describe('initial-assessment timescale clock', () => {
  it('from the referral, waiting for allocation counts; from allocation, it does not', () => {
    const run = { days: 60, warmupDays: 10, seed: 9, rep: 0, start: 'empty' as const };
    const fromReferral = runReplication(queue('referral'), run).metrics;
    const fromAllocation = runReplication(queue('allocation'), run).metrics;
    // Same seed, same arrivals and the same allocations: only the clock differs.
    expect(fromAllocation.meanWaitToAllocationHours).toBeCloseTo(fromReferral.meanWaitToAllocationHours, 9);
    expect(fromReferral.meanWaitToAllocationHours).toBeGreaterThan(24);
    expect(fromAllocation.initialAssessmentInTimescaleRate).toBeGreaterThan(0.99);
    expect(fromReferral.initialAssessmentInTimescaleRate).toBeLessThan(fromAllocation.initialAssessmentInTimescaleRate - 0.05);
  });
});
