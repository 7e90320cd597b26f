/**
 * The front door (contact centre or single front door): screening, and the reclassification
 * loop of Kent 2010 ("between 10 and 12% of contacts are returned to the contact centre for
 * re-classification as a referral", K10 ¶25). Targets outside the stage use the journey's ids.
 * Each state declares its activity (models/activity.ts): screeners from the front door's pool,
 * work of `meanScreeningHours`, decided by `screeningRoute` (contactCentre.rules.ts).
 */
import { staffWorkState, waitingState, type DecisionContext } from './activity.ts';
import type { ScreeningRoute } from './caseJourney.events.ts';
import { screeningRoute } from './contactCentre.rules.ts';
import { closeAs, decision, note, referral, routeTo } from './route.ts';

const ALLOCATION = '#caseJourney.assessment.awaitingAllocation';

/** A screener reads the contact (their error and the agency's information) and applies the front door's rule. */
export function decideScreening(d: DecisionContext): ScreeningRoute {
  const fd = d.scenario.frontDoor;
  const perceivedNeed = d.perceivedNeed({ staffSd: d.staff.qualified ? fd.qualifiedScreeningSd : fd.unqualifiedScreeningSd, agencyInformation: 1 });
  return screeningRoute(fd, d.scenario.need, {
    perceivedNeed,
    known: d.facts.known,
    hasOpenCase: d.facts.hasOpenCase,
    earlyHelpTakenUp: d.earlyHelpTakenUp(),
  });
}

const screeningHours = (s: { frontDoor: { meanScreeningHours: number } }) => s.frontDoor.meanScreeningHours;

export const contactCentreStage = {
  id: 'contactCentre',
  meta: { label: 'Contact centre', stage: 'contactCentre' },
  initial: 'awaitingScreening',
  states: {
    awaitingScreening: waitingState(
      'Awaiting screening',
      { kind: 'queueForStaff', pool: 'frontDoorScreeners', started: 'SCREENING_STARTED' },
      { SCREENING_STARTED: 'screening' },
    ),
    screening: staffWorkState(
      'Screening',
      { kind: 'staffWork', meanHours: screeningHours, repeat: (f) => (f.duplicate ? 'duplicate' : null), completes: 'SCREENED', decide: decideScreening },
      {
        SCREENED: [
          routeTo('fastTrack', ALLOCATION, decision, note({ fastTrack: true }), referral),
          routeTo('forwardForDecision', '#caseJourney.dutyTeam.awaitingDutyReview'),
          routeTo('referral', '#caseJourney.dutyTeam.awaitingDutyReview', referral),
          routeTo('accepted', ALLOCATION, decision, referral),
          routeTo('signposted', '#caseJourney.closed', decision, closeAs('frontDoor')),
          routeTo('earlyHelp', '#caseJourney.earlyHelp', decision),
          routeTo('linked', '#caseJourney.closed', decision, closeAs('linked')),
        ],
      },
    ),
    awaitingReclassification: waitingState(
      'Returned for reclassification',
      { kind: 'queueForStaff', pool: 'frontDoorScreeners', started: 'RECLASSIFICATION_STARTED', urgent: () => true },
      { RECLASSIFICATION_STARTED: 'reclassifying' },
      { rework: true },
    ),
    reclassifying: staffWorkState(
      'Reclassifying as a referral',
      { kind: 'staffWork', meanHours: screeningHours, repeat: () => 'reclassification', completes: 'RECLASSIFIED' },
      { RECLASSIFIED: { target: ALLOCATION, actions: [{ type: 'recordDecision', params: { route: 'reclassified' } }, referral] } },
      { rework: true },
    ),
  },
} as const;
