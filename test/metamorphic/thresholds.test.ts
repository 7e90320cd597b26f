import { beforeAll, describe, expect, it } from 'vitest';
import { pressuredScenario } from '../fixtures/pressured.ts';
import { meanMetrics, nonDecreasing, nonIncreasing } from './compare.ts';

/**
 * A higher duty-team threshold (same seeds, mean over replications). Assessment teams are given
 * enough posts that allocation never backs up: under a backlog, a lower threshold also raises
 * premature closures (K10 ¶27), which is a second effect these claims do not isolate.
 */
const thresholds = [45, 55, 65, 75];
let results: ReturnType<typeof meanMetrics>[] = [];
const runAll = () =>
  thresholds.map((th) =>
    meanMetrics(
      pressuredScenario((s) =>
        s.dutyTeams.forEach((t: Record<string, unknown>) => {
          t.threshold = th;
          t.socialWorkerPosts = 8;
        }),
      ),
    ),
  );
const show = (xs: number[], d = 3) => `thresholds ${thresholds.join(', ')} → ${xs.map((x) => x.toFixed(d)).join(', ')}`;

describe('a higher team threshold', () => {
  beforeAll(() => {
    results = runAll();
  });

  it('never raises the number of referrals accepted for assessment, nor the referral-to-assessment rate', () => {
    const accepted = results.map((r) => r.accepted);
    const rate = results.map((r) => r.referralToInitialAssessmentRate);
    expect(nonIncreasing(accepted), show(accepted, 1)).toBe(true);
    expect(nonIncreasing(rate), show(rate)).toBe(true);
    expect(accepted[0]).toBeGreaterThan(accepted[accepted.length - 1]! * 2);
  });

  it('raises the share of duty and assessment closures that leave child-in-need-level need unmet', () => {
    const unmet = results.map((r) => r.closedWithUnmetNeedRate);
    expect(nonDecreasing(unmet), show(unmet)).toBe(true);
    expect(unmet[unmet.length - 1]).toBeGreaterThan(unmet[0]!);
  });

  it('brings more children back: contacts (first contacts plus returns) never fall', () => {
    const contacts = results.map((r) => r.contacts);
    expect(nonDecreasing(contacts), show(contacts, 1)).toBe(true);
  });
});
