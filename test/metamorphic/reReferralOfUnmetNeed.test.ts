import { describe, expect, it } from 'vitest';
import { runReplication } from '../../src/sim/batch.ts';
import { HOURS_PER_MONTH } from '../../src/sim/workingCalendar.ts';
import { pressuredScenario } from '../fixtures/pressured.ts';

/**
 * Issue 2: a higher threshold raises re-referrals of unmet need. A re-referral "of unmet need"
 * is a referral within the re-referral window whose child's previous closure left need at
 * child-in-need level or above unmet (the `closed` record's unmetNeed), computed from records.
 * (Re-referrals overall are not monotone in a county-wide threshold: a low threshold sends more
 * children into assessments that then close them; see thresholds.test.ts.)
 */
function reReferralsOfUnmetNeed(threshold: number): number {
  const s = pressuredScenario((x) =>
    x.dutyTeams.forEach((t: Record<string, unknown>) => {
      t.threshold = threshold;
      t.socialWorkerPosts = 8;
    }),
  );
  const window = s.reReferral.windowMonths * HOURS_PER_MONTH;
  let count = 0;
  for (let rep = 0; rep < 2; rep++) {
    const lastClosureUnmet = new Map<number, boolean>();
    runReplication(s, {
      days: 365,
      warmupDays: 0,
      seed: 3,
      rep,
      onRecord: (r) => {
        if (r.kind === 'closed' && r.stage !== 'linked') lastClosureUnmet.set(r.child, r.unmetNeed);
        if (r.kind === 'referral' && r.sincePreviousReferralHours <= window && lastClosureUnmet.get(r.child)) count++;
      },
    });
  }
  return count;
}

describe('a higher team threshold', () => {
  it('raises re-referrals of children whose need was left unmet (same seeds, thresholds 45, 55, 65, 75)', () => {
    const counts = [45, 55, 65, 75].map(reReferralsOfUnmetNeed);
    for (let i = 1; i < counts.length; i++) expect(counts[i], `thresholds 45-75 → ${counts.join(', ')}`).toBeGreaterThan(counts[i - 1]!);
  }, 120_000);
});
