import type { FrontDoor, NeedLevels } from '../src/scenario/schema.ts';
import type { ScreeningRoute } from './caseJourney.events.ts';

/** What a front-door screener knows when deciding on a contact. */
export interface ScreeningFacts {
  /** Need as the screener perceives it (true need plus screener and information error). */
  perceivedNeed: number;
  /** The child is currently or historically known to social care. */
  known: boolean;
  /** Another case about this child is open (this contact adds to it). */
  hasOpenCase: boolean;
  /** Early help would be offered and taken up if the contact is signposted. */
  earlyHelpTakenUp: boolean;
}

/**
 * The front door's decision on a contact (K10 ¶25): child protection concerns are forwarded
 * immediately; contacts about known children go to the duty manager to be screened again;
 * others are classified as referrals for action or signposted, to early help where it works.
 */
export function screeningRoute(fd: FrontDoor, need: NeedLevels, f: ScreeningFacts): ScreeningRoute {
  if (f.hasOpenCase) return 'linked';
  if (fd.childProtectionFastTrack && f.perceivedNeed >= need.childProtectionLevel) return 'fastTrack';
  if (fd.structure === 'contactCentre') {
    const referral = f.perceivedNeed >= fd.referralThreshold;
    // "All referrals and contacts about children who are known are then screened and reviewed
    // again by the duty team manager" (K10 ¶25): known children are classified like anyone
    // else, then all go to the manager, the referrals among them as referrals.
    if (f.known && fd.knownChildrenRescreened) return referral ? 'referral' : 'forwardForDecision';
    if (referral) return 'referral';
  } else if (f.perceivedNeed >= fd.referralThreshold) {
    return 'accepted';
  }
  return f.earlyHelpTakenUp ? 'earlyHelp' : 'signposted';
}

/** Combined error (sd) of two independent errors: the screener's and the information's. */
export function combinedSd(a: number, b: number): number {
  return Math.sqrt(a * a + b * b);
}
