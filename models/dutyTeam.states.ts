/**
 * The duty team (duty access point): a manager screens contacts about known children again
 * ("screened and reviewed again by the duty team manager", K10 ¶25) and decides on referrals,
 * applying the team's own threshold ("Thresholds are being applied differently", K10 ¶24).
 */
import { routeTo } from './route.ts';

export const dutyTeamStage = {
  id: 'dutyTeam',
  meta: { label: 'Duty team', stage: 'dutyTeam' },
  initial: 'awaitingDutyReview',
  states: {
    awaitingDutyReview: {
      meta: { label: 'Awaiting duty manager', queue: true },
      entry: 'requestManager',
      on: { REVIEW_STARTED: 'dutyReview' },
    },
    dutyReview: {
      meta: { label: 'Duty manager decision', decision: true },
      entry: 'startDutyReview',
      exit: 'releaseManager',
      on: {
        REVIEWED: [
          routeTo('accepted', '#caseJourney.assessment.awaitingAllocation', 'recordReferral'),
          routeTo('returnForReclassification', '#caseJourney.contactCentre.awaitingReclassification'),
          routeTo('noFurtherAction', '#caseJourney.closed'),
          routeTo('earlyHelp', '#caseJourney.earlyHelp'),
          routeTo('linked', '#caseJourney.closed'),
        ],
      },
    },
  },
} as const;
