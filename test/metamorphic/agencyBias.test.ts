import { describe, expect, it } from 'vitest';
import { runReplication } from '../../src/sim/batch.ts';
import { pressuredScenario } from '../fixtures/pressured.ts';

/** K10 ¶27: when screeners discount an agency's contacts, fewer of that agency's children are referred. */
function referredShareOf(agency: string, bias: number): number {
  const s = pressuredScenario((x) =>
    x.demand.sources.forEach((a: Record<string, unknown>) => {
      if (a.agency === agency) a.perceivedNeedBias = bias;
    }),
  );
  const agencyIndex = s.demand.sources.findIndex((a) => a.agency === agency);
  const ofAgency = new Set<number>();
  let contacts = 0;
  let referrals = 0;
  runReplication(s, {
    days: 120,
    warmupDays: 0,
    seed: 8,
    rep: 0,
    onRecord: (r) => {
      if (r.kind === 'contact' && r.agency === agencyIndex) {
        ofAgency.add(r.caseId);
        contacts++;
      }
      if (r.kind === 'referral' && ofAgency.has(r.caseId)) referrals++;
    },
  });
  return referrals / contacts;
}

describe('bias in how an agency’s contacts are read', () => {
  it('discounting anonymous contacts refers fewer of them; over-reading refers more (same seed)', () => {
    const [discounted, fair, inflated] = [-15, 0, 15].map((b) => referredShareOf('anonymous', b));
    expect(discounted).toBeLessThan(fair!);
    expect(inflated).toBeGreaterThan(fair!);
  });
});
