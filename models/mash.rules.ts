import type { FrontDoor, NeedLevels } from '../src/scenario/schema.ts';
import type { MashDecisionRoute, MashScreeningRoute, Urgency } from './caseJourney.events.ts';

/**
 * A multi-agency safeguarding hub (MASH), the front door most English authorities moved to after
 * 2011 (Home Office, *Multi Agency Working and Information Sharing Project: final report*, 2014):
 * police, health, education and social care co-located. A contact is screened and rated by how
 * urgently partners must check their records (red, amber, green), partners check them within that
 * window, and a qualified manager decides once, with what was shared in hand.
 */

/** What a MASH screener knows when rating a contact. */
export interface MashScreeningFacts {
  /** Need as the screener perceives it from the referral alone (before partners' research). */
  perceivedNeed: number;
  /** Another case about this child is open: the contact goes to it (no research). */
  hasOpenCase: boolean;
}

/**
 * The screener's rating: red at child protection level, amber at the referral threshold, green at
 * moderate need (a concern about wellbeing that partners' records may clarify); below that the
 * contact needs no research and is signposted (information and advice only).
 */
export function mashScreeningRoute(fd: FrontDoor, need: NeedLevels, f: MashScreeningFacts): MashScreeningRoute {
  if (f.hasOpenCase) return 'linked';
  if (f.perceivedNeed >= need.childProtectionLevel) return 'red';
  if (f.perceivedNeed >= fd.referralThreshold) return 'amber';
  if (f.perceivedNeed >= need.moderateLevel) return 'green';
  return 'signposted';
}

/** Hours within which partners check their records, by the rating. */
export function researchWindowHours(fd: FrontDoor, urgency: Urgency): number {
  return urgency === 'red' ? fd.redResearchWindowHours : urgency === 'amber' ? fd.amberResearchWindowHours : fd.greenResearchWindowHours;
}

/** What the MASH manager knows when deciding. */
export interface MashDecisionFacts {
  /** Need as perceived with partners' information reaches the front door's threshold as applied. */
  reachesThreshold: boolean;
  /** Early help would be offered and taken up if the contact is not accepted. */
  earlyHelpTakenUp: boolean;
  /**
   * Once accepted, the referral closes with no further action before an assessment starts
   * (mash.states.ts decideMash, `mashClosedBeforeAssessmentShare`). Councils record about one
   * referral in ten so (national-figures.md, Community Care 2017: "Referrals ending in NFA (no
   * assessment) | 10%"): information gathered after acceptance and before an assessment starts
   * (the family, the school, the GP spoken to) shows that no assessment is needed, or the family
   * has moved, or another authority or service holds the case. Optional: false when not asked.
   */
  closedBeforeAssessment?: boolean;
}

/**
 * The one decision: accepted for assessment by the child's district team, early help, or no
 * further action; an accepted referral may yet close before its assessment (it is a referral all
 * the same, so it counts in the DfE referral and re-referral figures).
 */
export function mashDecisionRoute(f: MashDecisionFacts): MashDecisionRoute {
  if (f.reachesThreshold) return f.closedBeforeAssessment ? 'closedBeforeAssessment' : 'accepted';
  return f.earlyHelpTakenUp ? 'earlyHelp' : 'noFurtherAction';
}
