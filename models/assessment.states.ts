/**
 * Allocation and assessment: a referral waits unallocated until a social worker is under their
 * caseload cap, then has an initial assessment and, where need is high, a core assessment by the
 * same worker. A case that needs a plan waits, still held by that worker, until a long-term team
 * can take it (K10 ¶31: long-term teams' mixed caseloads). Leaving the stage releases the
 * caseload place. Assessments last the scenario's mean working days (gamma, stretched by team
 * pressure) and are decided by the rules in assessment.rules.ts.
 */
import { activityState, waitingState, type DecisionContext } from './activity.ts';
import { coreAssessmentRoute, initialAssessmentRoute, prematureClosureChance } from './assessment.rules.ts';
import type { CoreAssessmentRoute, InitialAssessmentRoute } from './caseJourney.events.ts';
import { closeAs, note, routeTo } from './route.ts';

/** The assessing social worker's reading: their own error only (they see the child, not the referral). */
function assessedNeed(d: DecisionContext): number {
  const a = d.scenario.assessment;
  return d.perceivedNeed({ staffSd: d.staff.newlyQualified ? a.newlyQualifiedAssessmentSd : a.qualifiedAssessmentSd, agencyInformation: 0 });
}

/** An initial assessment's outcome: perceived need, premature closure under pressure (K10 ¶27), early help. */
export function decideInitialAssessment(d: DecisionContext): InitialAssessmentRoute {
  const perceivedNeed = assessedNeed(d);
  const closedPrematurely = d.chance(prematureClosureChance(d.scenario.assessment, d.pressure()));
  return initialAssessmentRoute(d.scenario.assessment, d.scenario.need, { perceivedNeed, closedPrematurely, earlyHelpTakenUp: d.earlyHelpTakenUp() });
}

/** A core assessment's outcome, read afresh by the same worker. */
export function decideCoreAssessment(d: DecisionContext): CoreAssessmentRoute {
  return coreAssessmentRoute(d.scenario.need, assessedNeed(d));
}

export const assessmentStage = {
  id: 'assessment',
  meta: { label: 'Assessment', stage: 'assessment' },
  initial: 'awaitingAllocation',
  states: {
    awaitingAllocation: waitingState(
      'Awaiting allocation',
      { kind: 'queueForPlace', pool: 'socialWorkerPlaces', started: 'ALLOCATED', urgent: (f) => f.noted.fastTrack },
      { ALLOCATED: 'initialAssessment' },
    ),
    initialAssessment: activityState(
      'Initial assessment',
      {
        kind: 'assessmentWork',
        timescale: 'initial',
        meanWorkingDays: (s) => s.assessment.meanInitialAssessmentWorkingDays,
        workHours: (s) => s.assessment.initialAssessmentWorkHours,
        completes: 'INITIAL_ASSESSMENT_COMPLETED',
        decide: decideInitialAssessment,
      },
      {
        INITIAL_ASSESSMENT_COMPLETED: [
          routeTo('coreAssessment', 'coreAssessment'),
          routeTo('childInNeed', 'awaitingTransfer', note({ plan: 'childInNeed' })),
          routeTo('closed', '#caseJourney.closed', closeAs('assessment')),
          routeTo('earlyHelp', '#caseJourney.earlyHelp'),
        ],
      },
    ),
    coreAssessment: activityState(
      'Core assessment',
      {
        kind: 'assessmentWork',
        timescale: 'core',
        meanWorkingDays: (s) => s.assessment.meanCoreAssessmentWorkingDays,
        workHours: (s) => s.assessment.coreAssessmentWorkHours,
        completes: 'CORE_ASSESSMENT_COMPLETED',
        decide: decideCoreAssessment,
      },
      {
        CORE_ASSESSMENT_COMPLETED: [
          routeTo('childProtectionPlan', 'awaitingTransfer', note({ plan: 'childProtectionPlan' })),
          routeTo('childInNeed', 'awaitingTransfer', note({ plan: 'childInNeed' })),
          routeTo('closed', '#caseJourney.closed', closeAs('assessment')),
        ],
      },
    ),
    awaitingTransfer: waitingState(
      'Awaiting transfer to a long-term team',
      {
        kind: 'queueForPlace',
        pool: 'longTermPlaces',
        started: 'TRANSFERRED',
        route: (f) => f.noted.plan,
        urgent: (f) => f.noted.plan === 'childProtectionPlan',
      },
      {
        TRANSFERRED: [routeTo('childInNeed', '#caseJourney.services.childInNeed'), routeTo('childProtectionPlan', '#caseJourney.services.childProtectionPlan')],
      },
    ),
  },
  exit: { type: 'releasePlace', params: { pool: 'socialWorkerPlaces' } },
} as const;
