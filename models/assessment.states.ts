/**
 * Allocation and assessment: a referral waits unallocated until a social worker is under their
 * caseload cap, then has an initial assessment and, where need is high, a core assessment by the
 * same worker. Leaving the stage releases the caseload place.
 */
import { routeTo } from './route.ts';

export const assessmentStage = {
  id: 'assessment',
  meta: { label: 'Assessment', stage: 'assessment' },
  initial: 'awaitingAllocation',
  states: {
    awaitingAllocation: {
      meta: { label: 'Awaiting allocation', queue: true },
      entry: 'requestAllocation',
      on: { ALLOCATED: 'initialAssessment' },
    },
    initialAssessment: {
      meta: { label: 'Initial assessment', decision: true },
      entry: 'startInitialAssessment',
      on: {
        INITIAL_ASSESSMENT_COMPLETED: [
          routeTo('coreAssessment', 'coreAssessment'),
          routeTo('childInNeed', '#caseJourney.services.childInNeed'),
          routeTo('closed', '#caseJourney.closed'),
          routeTo('earlyHelp', '#caseJourney.earlyHelp'),
        ],
      },
    },
    coreAssessment: {
      meta: { label: 'Core assessment', decision: true },
      entry: 'startCoreAssessment',
      on: {
        CORE_ASSESSMENT_COMPLETED: [
          routeTo('childProtectionPlan', '#caseJourney.services.childProtectionPlan'),
          routeTo('childInNeed', '#caseJourney.services.childInNeed'),
          routeTo('closed', '#caseJourney.closed'),
        ],
      },
    },
  },
  exit: 'releaseCaseloadPlace',
} as const;
