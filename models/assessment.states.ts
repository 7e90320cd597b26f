/**
 * Allocation and assessment: a referral waits unallocated until a social worker is under their
 * caseload cap, then has an initial assessment and, where need is high, a core assessment by the
 * same worker. A case that needs a plan waits, still held by that worker, until a long-term team
 * can take it (K10 ¶31: long-term teams' mixed caseloads). Leaving the stage releases the
 * caseload place.
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
          routeTo('childInNeed', 'awaitingTransfer'),
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
          routeTo('childProtectionPlan', 'awaitingTransfer'),
          routeTo('childInNeed', 'awaitingTransfer'),
          routeTo('closed', '#caseJourney.closed'),
        ],
      },
    },
    awaitingTransfer: {
      meta: { label: 'Awaiting transfer to a long-term team', queue: true },
      entry: 'requestTransfer',
      on: {
        TRANSFERRED: [
          routeTo('childInNeed', '#caseJourney.services.childInNeed'),
          routeTo('childProtectionPlan', '#caseJourney.services.childProtectionPlan'),
        ],
      },
    },
  },
  exit: 'releaseCaseloadPlace',
} as const;
