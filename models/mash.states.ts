/**
 * The MASH front door (mash.rules.ts): screened and RAG-rated by the front door's screeners,
 * partners' research within the rating's window, then one decision by a MASH manager, who reads
 * the contact with part of the agency's information error and bias removed by what partners
 * shared (`mashInformationSharedShare`). Accepted contacts go to their district team's allocation,
 * bar a share of those the checks after acceptance find below the child-in-need level, which
 * close as referrals before any assessment (`mashClosedBeforeAssessmentShare`).
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

/**
 * The manager reads the contact with partners' information, against the front door's threshold
 * as applied this time. An accepted referral may then close before its assessment: with chance
 * `mashClosedBeforeAssessmentShare` when the checks after acceptance, read as the assessing
 * social worker would read them (their own error, none of the referring agency's), find need
 * below the child-in-need level. So the closure follows from need, not from a coin alone: the
 * referrals that close are those an assessment would most likely have closed too, and a child in
 * need is closed so only when the checks misread them. Asked only when the share is above 0, and
 * after every other draw, so a scenario without it draws exactly what it drew before.
 */
export function decideMash(d: DecisionContext): MashDecisionRoute {
  const fd = d.scenario.frontDoor;
  const reachesThreshold = d.reachesThreshold(
    { staffSd: fd.qualifiedScreeningSd, agencyInformation: 1 - fd.mashInformationSharedShare },
    fd.referralThreshold,
    fd.mashThresholdInconsistencySd,
  );
  const earlyHelpTakenUp = d.earlyHelpTakenUp();
  const share = fd.mashClosedBeforeAssessmentShare;
  const closedBeforeAssessment =
    reachesThreshold &&
    share > 0 &&
    d.chance(share) &&
    !d.reachesThreshold({ staffSd: d.scenario.assessment.qualifiedAssessmentSd, agencyInformation: 0 }, d.scenario.need.childInNeedLevel, 0);
  return mashDecisionRoute({ reachesThreshold, earlyHelpTakenUp, closedBeforeAssessment });
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
          // A referral all the same (DfE counts it), closed at the decision on a referral before any assessment.
          routeTo('closedBeforeAssessment', '#caseJourney.closed', decision, referral, closeAs('duty')),
        ],
      },
    ),
  },
} as const;
