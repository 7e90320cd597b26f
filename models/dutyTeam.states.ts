/**
 * The duty team (duty access point): a manager screens contacts about known children again
 * ("screened and reviewed again by the duty team manager", K10 ¶25) and decides on referrals,
 * applying the team's own threshold ("Thresholds are being applied differently", K10 ¶24).
 * The manager's work is the team's `meanManagerScreeningHours`, decided by `reviewRoute`.
 */
import { staffWorkState, waitingState, type CaseFacts, type DecisionContext } from './activity.ts';
import type { ReviewRoute } from './caseJourney.events.ts';
import { reviewRoute } from './dutyTeam.rules.ts';
import { closeAs, decision, referral, routeTo, sentBack } from './route.ts';
import type { Scenario } from '../src/scenario/schema.ts';

/** A duty manager reads the case (a qualified reader, with the agency's information) against the team's threshold as applied this time. */
export function decideReview(d: DecisionContext): ReviewRoute {
  const fd = d.scenario.frontDoor;
  const reachesThreshold = d.reachesThreshold({ staffSd: fd.qualifiedScreeningSd, agencyInformation: 1 }, d.team.threshold, d.team.thresholdInconsistencySd);
  return reviewRoute(fd, {
    reachesThreshold,
    isReferral: d.facts.isReferral,
    screenedAtFrontDoor: d.facts.screenedAtFrontDoor,
    hasOpenCase: !d.facts.screenedAtFrontDoor && d.facts.hasOpenCase,
    earlyHelpTakenUp: d.earlyHelpTakenUp(),
  });
}

/** The manager's work is repeat work when the front door already screened a known child (K10 ¶25), or a second report it did not screen. */
export function reviewRepeat(f: CaseFacts, s: Scenario) {
  if (f.screenedAtFrontDoor && f.known && s.frontDoor.knownChildrenRescreened) return 'rescreen' as const;
  return f.duplicate && !f.screenedAtFrontDoor ? ('duplicate' as const) : null;
}

export const dutyTeamStage = {
  id: 'dutyTeam',
  meta: { label: 'Duty team', stage: 'dutyTeam' },
  initial: 'awaitingDutyReview',
  states: {
    awaitingDutyReview: waitingState(
      'Awaiting duty manager',
      { kind: 'queueForStaff', pool: 'dutyManagers', started: 'REVIEW_STARTED' },
      { REVIEW_STARTED: 'dutyReview' },
    ),
    dutyReview: staffWorkState(
      'Duty manager decision',
      { kind: 'staffWork', meanHours: (_, team) => team.meanManagerScreeningHours, repeat: reviewRepeat, completes: 'REVIEWED', decide: decideReview },
      {
        REVIEWED: [
          routeTo('accepted', '#caseJourney.assessment.awaitingAllocation', decision, referral),
          routeTo('returnForReclassification', '#caseJourney.contactCentre.awaitingReclassification', sentBack),
          routeTo('noFurtherAction', '#caseJourney.closed', decision, closeAs('duty')),
          routeTo('earlyHelp', '#caseJourney.earlyHelp', decision),
          routeTo('linked', '#caseJourney.closed', decision, closeAs('linked')),
        ],
      },
    ),
  },
} as const;
