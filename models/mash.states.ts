/**
 * The MASH front door (mash.rules.ts): screened and RAG-rated by the front door's screeners,
 * partners' research within the rating's window, then one decision by a MASH manager, who reads
 * the contact with part of the agency's information error and bias removed by what partners
 * shared (`mashInformationSharedShare`). Accepted contacts go to their district team's allocation.
 */
import { activityState, staffWorkState, waitingState, type DecisionContext } from './activity.ts';
import type { MashDecisionRoute, MashScreeningRoute } from './caseJourney.events.ts';
import { mashDecisionRoute, mashScreeningRoute, researchWindowHours } from './mash.rules.ts';
import { closeAs, decision, note, referral, routeTo } from './route.ts';

/** A screener rates the contact from the referral alone (their error and the agency's information). */
export function decideMashScreening(d: DecisionContext): MashScreeningRoute {
  const fd = d.scenario.frontDoor;
  const perceivedNeed = d.perceivedNeed({ staffSd: d.staff.qualified ? fd.qualifiedScreeningSd : fd.unqualifiedScreeningSd, agencyInformation: 1 });
  return mashScreeningRoute(fd, d.scenario.need, { perceivedNeed, hasOpenCase: d.facts.hasOpenCase });
}

/** The manager reads the contact with partners' information, against the front door's threshold as applied this time. */
export function decideMash(d: DecisionContext): MashDecisionRoute {
  const fd = d.scenario.frontDoor;
  const reachesThreshold = d.reachesThreshold(
    { staffSd: fd.qualifiedScreeningSd, agencyInformation: 1 - fd.mashInformationSharedShare },
    fd.referralThreshold,
    fd.mashThresholdInconsistencySd,
  );
  return mashDecisionRoute({ reachesThreshold, earlyHelpTakenUp: d.earlyHelpTakenUp() });
}

export const mashStage = {
  id: 'mash',
  meta: { label: 'MASH', stage: 'mash' },
  initial: 'awaitingScreening',
  states: {
    awaitingScreening: waitingState(
      'Awaiting MASH screening',
      { kind: 'queueForStaff', pool: 'frontDoorScreeners', started: 'SCREENING_STARTED' },
      { SCREENING_STARTED: 'screening' },
    ),
    screening: staffWorkState(
      'Screening and RAG rating',
      {
        kind: 'staffWork',
        meanHours: (s) => s.frontDoor.meanScreeningHours,
        repeat: (f) => (f.duplicate ? 'duplicate' : null),
        completes: 'MASH_SCREENED',
        decide: decideMashScreening,
      },
      {
        MASH_SCREENED: [
          routeTo('red', 'research', note({ urgency: 'red' })),
          routeTo('amber', 'research', note({ urgency: 'amber' })),
          routeTo('green', 'research', note({ urgency: 'green' })),
          routeTo('signposted', '#caseJourney.closed', decision, closeAs('frontDoor')),
          routeTo('linked', '#caseJourney.closed', decision, closeAs('linked')),
        ],
      },
    ),
    research: activityState(
      'Partners checking their records',
      { kind: 'delay', withinHours: (s, f) => researchWindowHours(s.frontDoor, f.noted.urgency), completes: 'RESEARCHED' },
      { RESEARCHED: 'awaitingDecision' },
    ),
    awaitingDecision: waitingState(
      'Awaiting MASH manager',
      { kind: 'queueForStaff', pool: 'mashManagers', started: 'MASH_DECISION_STARTED', urgent: (f) => f.noted.urgency === 'red' },
      { MASH_DECISION_STARTED: 'deciding' },
    ),
    deciding: staffWorkState(
      'MASH manager decision',
      { kind: 'staffWork', meanHours: (s) => s.frontDoor.meanMashDecisionHours, repeat: () => null, completes: 'MASH_DECIDED', decide: decideMash },
      {
        MASH_DECIDED: [
          routeTo('accepted', '#caseJourney.assessment.awaitingAllocation', decision, referral),
          routeTo('earlyHelp', '#caseJourney.earlyHelp', decision),
          routeTo('noFurtherAction', '#caseJourney.closed', decision, closeAs('frontDoor')),
        ],
      },
    ),
  },
} as const;
