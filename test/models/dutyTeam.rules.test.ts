import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { reaches } from '../../models/activity.ts';
import { reviewRoute, type ReviewFacts } from '../../models/dutyTeam.rules.ts';
import type { FrontDoor } from '../../src/scenario/schema.ts';
import { smallScenario } from '../fixtures/small.ts';

/** The duty manager's decision (K10 ¶24-25) as a pure function. */
const centre: FrontDoor = { ...smallScenario.frontDoor, structure: 'contactCentre', reclassificationRequired: true };
const district: FrontDoor = { ...centre, structure: 'districtDuty' };
/** Facts with need perceived at `perceivedNeed` against a threshold applied at `appliedThreshold`. */
const facts = ({
  perceivedNeed = 60,
  appliedThreshold = 55,
  ...f
}: Partial<Omit<ReviewFacts, 'reachesThreshold'>> & { perceivedNeed?: number; appliedThreshold?: number }): ReviewFacts => ({
  reachesThreshold: reaches(perceivedNeed, appliedThreshold),
  isReferral: true,
  screenedAtFrontDoor: true,
  hasOpenCase: false,
  earlyHelpTakenUp: false,
  ...f,
});

describe('duty manager rules', () => {
  it('a case about a child with an open case is linked, whatever its need', () => {
    expect(reviewRoute(centre, facts({ hasOpenCase: true, perceivedNeed: 99 }))).toBe('linked');
  });

  it('a referral is accepted at the applied threshold (inclusive) and not below it', () => {
    expect(reviewRoute(centre, facts({ perceivedNeed: 55 }))).toBe('accepted');
    expect(reviewRoute(centre, facts({ perceivedNeed: 54.99 }))).toBe('noFurtherAction');
    expect(reviewRoute(centre, facts({ perceivedNeed: 54.99, earlyHelpTakenUp: true }))).toBe('earlyHelp');
  });

  it('a contact the centre did not class as a referral goes back for reclassification, but only where the centre requires it', () => {
    expect(reviewRoute(centre, facts({ isReferral: false }))).toBe('returnForReclassification');
    expect(reviewRoute({ ...centre, reclassificationRequired: false }, facts({ isReferral: false }))).toBe('accepted');
    expect(reviewRoute(district, facts({ isReferral: false }))).toBe('accepted');
    expect(reviewRoute({ ...centre, structure: 'singleQualified' }, facts({ isReferral: false }))).toBe('accepted');
    // Not accepted: nothing to reclassify.
    expect(reviewRoute(centre, facts({ isReferral: false, perceivedNeed: 20 }))).toBe('noFurtherAction');
    // A known child the centre passed straight to the manager (screened once) is accepted there.
    expect(reviewRoute(centre, facts({ isReferral: false, screenedAtFrontDoor: false }))).toBe('accepted');
  });

  it('a higher applied threshold never accepts a case that a lower one turned away', () => {
    const door = fc.record({ structure: fc.constantFrom('contactCentre' as const, 'districtDuty' as const), reclassificationRequired: fc.boolean() });
    fc.assert(
      fc.property(
        door,
        fc.double({ min: 0, max: 100, noNaN: true }),
        fc.double({ min: 0, max: 100, noNaN: true }),
        fc.double({ min: 0, max: 40, noNaN: true }),
        fc.boolean(),
        fc.boolean(),
        (d, p, th, raise, isReferral, eh) => {
          const fd = { ...centre, ...d };
          const lo = reviewRoute(fd, facts({ perceivedNeed: p, appliedThreshold: th, isReferral, earlyHelpTakenUp: eh }));
          const hi = reviewRoute(fd, facts({ perceivedNeed: p, appliedThreshold: th + raise, isReferral, earlyHelpTakenUp: eh }));
          const takesOn = (r: string) => r === 'accepted' || r === 'returnForReclassification';
          if (!takesOn(lo)) expect(takesOn(hi)).toBe(false);
        },
      ),
      { numRuns: 300 },
    );
  });
});
