import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { combinedSd, screeningRoute, type ScreeningFacts } from '../../models/contactCentre.rules.ts';
import type { ScreeningRoute } from '../../models/caseJourney.events.ts';
import type { FrontDoor } from '../../src/scenario/schema.ts';
import { smallScenario } from '../fixtures/small.ts';

/** The front door's screening decision (K10 ¶25) as a pure function. */
const need = smallScenario.need; // child protection at 80, child in need at 60
const centre: FrontDoor = {
  ...smallScenario.frontDoor,
  structure: 'contactCentre',
  referralThreshold: 55,
  childProtectionFastTrack: true,
  knownChildrenRescreened: true,
};
const single: FrontDoor = { ...centre, structure: 'singleQualified', unqualifiedScreeners: 0 };
const facts = (f: Partial<ScreeningFacts>): ScreeningFacts => ({ perceivedNeed: 50, known: false, hasOpenCase: false, earlyHelpTakenUp: false, ...f });

describe('screening rules', () => {
  it('a contact about a child with an open case is linked to it, whatever its need', () => {
    for (const p of [0, 55, 100]) expect(screeningRoute(centre, need, facts({ perceivedNeed: p, hasOpenCase: true, known: true }))).toBe('linked');
  });

  it('child protection concerns are fast-tracked when the front door does so, from the child protection level up (inclusive)', () => {
    expect(screeningRoute(centre, need, facts({ perceivedNeed: 80 }))).toBe('fastTrack');
    expect(screeningRoute(centre, need, facts({ perceivedNeed: 79.99 }))).toBe('referral');
    expect(screeningRoute(centre, need, facts({ perceivedNeed: 95, known: true }))).toBe('fastTrack');
    expect(screeningRoute({ ...centre, childProtectionFastTrack: false }, need, facts({ perceivedNeed: 95 }))).toBe('referral');
  });

  it('a contact centre classifies known children like anyone, then passes all of them to the duty manager (K10 ¶25), unless rescreening is switched off', () => {
    expect(screeningRoute(centre, need, facts({ perceivedNeed: 70, known: true }))).toBe('referral');
    expect(screeningRoute(centre, need, facts({ perceivedNeed: 10, known: true }))).toBe('forwardForDecision');
    const noRescreen = { ...centre, knownChildrenRescreened: false };
    expect(screeningRoute(noRescreen, need, facts({ perceivedNeed: 70, known: true }))).toBe('referral');
    expect(screeningRoute(noRescreen, need, facts({ perceivedNeed: 10, known: true }))).toBe('signposted');
  });

  it('a contact centre classifies a referral at the threshold (inclusive); a single front door accepts it outright', () => {
    expect(screeningRoute(centre, need, facts({ perceivedNeed: 55 }))).toBe('referral');
    expect(screeningRoute(centre, need, facts({ perceivedNeed: 54.99 }))).toBe('signposted');
    expect(screeningRoute(single, need, facts({ perceivedNeed: 55 }))).toBe('accepted');
    expect(screeningRoute(single, need, facts({ perceivedNeed: 55, known: true }))).toBe('accepted');
  });

  it('below the threshold a contact is signposted, to early help where it is taken up', () => {
    expect(screeningRoute(centre, need, facts({ perceivedNeed: 40 }))).toBe('signposted');
    expect(screeningRoute(centre, need, facts({ perceivedNeed: 40, earlyHelpTakenUp: true }))).toBe('earlyHelp');
    expect(screeningRoute(single, need, facts({ perceivedNeed: 40, earlyHelpTakenUp: true }))).toBe('earlyHelp');
  });

  // Depth of the response: closing < early help < referral for a decision < accepted < fast track.
  const depth: Record<ScreeningRoute, number> = { signposted: 0, earlyHelp: 0, linked: -1, forwardForDecision: 1, referral: 1, accepted: 2, fastTrack: 3 };
  const frontDoors = fc.record({
    structure: fc.constantFrom('contactCentre' as const, 'singleQualified' as const),
    referralThreshold: fc.double({ min: 0, max: 100, noNaN: true }),
    childProtectionFastTrack: fc.boolean(),
    knownChildrenRescreened: fc.boolean(),
  });
  const unknownFacts = fc.record({ perceivedNeed: fc.double({ min: -20, max: 120, noNaN: true }), earlyHelpTakenUp: fc.boolean() });

  it('a higher perceived need never gets a shallower response (unknown child, no open case)', () => {
    fc.assert(
      fc.property(frontDoors, unknownFacts, fc.double({ min: 0, max: 50, noNaN: true }), (fd, f, more) => {
        const door = { ...centre, ...fd };
        const lo = screeningRoute(door, need, facts(f));
        const hi = screeningRoute(door, need, facts({ ...f, perceivedNeed: f.perceivedNeed + more }));
        expect(depth[hi]).toBeGreaterThanOrEqual(depth[lo]);
      }),
      { numRuns: 300 },
    );
  });

  it('a higher referral threshold never turns a contact that was not referred into a referral', () => {
    fc.assert(
      fc.property(frontDoors, unknownFacts, fc.boolean(), fc.double({ min: 0, max: 50, noNaN: true }), (fd, f, known, raise) => {
        const door = { ...centre, ...fd };
        const before = screeningRoute(door, need, facts({ ...f, known }));
        const after = screeningRoute({ ...door, referralThreshold: fd.referralThreshold + raise }, need, facts({ ...f, known }));
        if (before === 'signposted' || before === 'earlyHelp') expect(after).toBe(before);
      }),
      { numRuns: 300 },
    );
  });

  it('combinedSd adds independent errors in quadrature', () => {
    expect(combinedSd(3, 4)).toBe(5);
    expect(combinedSd(0, 7)).toBe(7);
    expect(combinedSd(0, 0)).toBe(0);
  });
});
