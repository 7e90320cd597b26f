/**
 * The front door (contact centre or single front door): screening, and the reclassification
 * loop of Kent 2010 ("between 10 and 12% of contacts are returned to the contact centre for
 * re-classification as a referral", K10 ¶25). Targets outside the stage use the journey's ids.
 */
import { routeTo } from './route.ts';

export const contactCentreStage = {
  id: 'contactCentre',
  meta: { label: 'Contact centre', stage: 'contactCentre' },
  initial: 'awaitingScreening',
  states: {
    awaitingScreening: {
      meta: { label: 'Awaiting screening', queue: true },
      entry: 'requestScreener',
      on: { SCREENING_STARTED: 'screening' },
    },
    screening: {
      meta: { label: 'Screening', decision: true },
      entry: 'startScreening',
      exit: 'releaseScreener',
      on: {
        SCREENED: [
          routeTo('fastTrack', '#caseJourney.assessment.awaitingAllocation', 'recordReferral'),
          routeTo('forwardForDecision', '#caseJourney.dutyTeam.awaitingDutyReview'),
          routeTo('referral', '#caseJourney.dutyTeam.awaitingDutyReview', 'recordReferral'),
          routeTo('accepted', '#caseJourney.assessment.awaitingAllocation', 'recordReferral'),
          routeTo('signposted', '#caseJourney.closed'),
          routeTo('earlyHelp', '#caseJourney.earlyHelp'),
          routeTo('linked', '#caseJourney.closed'),
        ],
      },
    },
    awaitingReclassification: {
      meta: { label: 'Returned for reclassification', queue: true, rework: true },
      entry: 'requestScreenerForReclassification',
      on: { RECLASSIFICATION_STARTED: 'reclassifying' },
    },
    reclassifying: {
      meta: { label: 'Reclassifying as a referral', rework: true },
      entry: 'startReclassification',
      exit: 'releaseScreener',
      on: {
        RECLASSIFIED: { target: '#caseJourney.assessment.awaitingAllocation', actions: 'recordReferral' },
      },
    },
  },
} as const;
