import type { FrontDoor } from '../src/scenario/schema.ts';
import type { ReviewRoute } from './caseJourney.events.ts';

/** What a duty manager knows when screening a contact or deciding on a referral. */
export interface ReviewFacts {
  /** Need as the manager perceives it reaches the team's threshold as applied this time (threshold plus inconsistency; activity.ts `reaches`). */
  reachesThreshold: boolean;
  /** The case is already a referral (classified by the front door); otherwise it is a contact. */
  isReferral: boolean;
  /** A front-door screener looked at it first (only then can the front door insist on classifying it). */
  screenedAtFrontDoor: boolean;
  /** Another case about this child is open (only checked where the team screens its own contacts). */
  hasOpenCase: boolean;
  /** Early help would be offered and taken up if the case is not accepted. */
  earlyHelpTakenUp: boolean;
}

/**
 * The duty manager's decision (K10 ¶24-25): accept for assessment when perceived need reaches
 * the team's threshold as applied; a contact the centre did not class as a referral must first
 * be returned for reclassification where the front door requires it ("between 10 and 12% of
 * contacts are returned to the contact centre for re-classification as a referral").
 */
export function reviewRoute(fd: FrontDoor, f: ReviewFacts): ReviewRoute {
  if (f.hasOpenCase) return 'linked';
  if (f.reachesThreshold) {
    const mustReclassify = fd.structure === 'contactCentre' && fd.reclassificationRequired && !f.isReferral && f.screenedAtFrontDoor;
    return mustReclassify ? 'returnForReclassification' : 'accepted';
  }
  return f.earlyHelpTakenUp ? 'earlyHelp' : 'noFurtherAction';
}
