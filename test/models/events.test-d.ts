/**
 * Type tests for the events the engine sends the case journey machine (checked by `tsc -b`,
 * not run by vitest): completion events carry exactly the routes their stage can take, start
 * events carry nothing, and the machine accepts no other event.
 */
import { expectTypeOf } from 'vitest';
import { transition, type EventFromLogic } from 'xstate';
import { caseJourneyMachine } from '../../models/caseJourney.machine.ts';
import type {
  CaseEvent,
  CaseEventType,
  CoreAssessmentRoute,
  EngineAction,
  EntryRoute,
  InitialAssessmentRoute,
  MashDecisionRoute,
  MashScreeningRoute,
  PlanRoute,
  ReviewRoute,
  ScreeningRoute,
} from '../../models/caseJourney.events.ts';
import { start } from '../fixtures/journey.ts';

type Payload<T extends CaseEventType> = Omit<Extract<CaseEvent, { type: T }>, 'type'>;

// The machine's event type is the engine's CaseEvent, no wider and no narrower.
expectTypeOf<EventFromLogic<typeof caseJourneyMachine>>().toEqualTypeOf<CaseEvent>();

expectTypeOf<CaseEventType>().toEqualTypeOf<
  | 'CONTACT_RECEIVED'
  | 'SCREENING_STARTED'
  | 'SCREENED'
  | 'REVIEW_STARTED'
  | 'REVIEWED'
  | 'RECLASSIFICATION_STARTED'
  | 'TRANSFERRED'
  | 'RECLASSIFIED'
  | 'ALLOCATED'
  | 'INITIAL_ASSESSMENT_COMPLETED'
  | 'CORE_ASSESSMENT_COMPLETED'
  | 'PLAN_ENDED'
  | 'EARLY_HELP_ENDED'
  | 'MASH_SCREENED'
  | 'RESEARCHED'
  | 'MASH_DECISION_STARTED'
  | 'MASH_DECIDED'
>();

// Completion events carry the sampled outcome as `route`, typed by stage.
expectTypeOf<Payload<'CONTACT_RECEIVED'>>().toEqualTypeOf<{ route: EntryRoute }>();
expectTypeOf<Payload<'SCREENED'>>().toEqualTypeOf<{ route: ScreeningRoute }>();
expectTypeOf<Payload<'REVIEWED'>>().toEqualTypeOf<{ route: ReviewRoute }>();
expectTypeOf<Payload<'INITIAL_ASSESSMENT_COMPLETED'>>().toEqualTypeOf<{ route: InitialAssessmentRoute }>();
expectTypeOf<Payload<'CORE_ASSESSMENT_COMPLETED'>>().toEqualTypeOf<{ route: CoreAssessmentRoute }>();
expectTypeOf<Payload<'TRANSFERRED'>>().toEqualTypeOf<{ route: PlanRoute }>();
expectTypeOf<Payload<'MASH_SCREENED'>>().toEqualTypeOf<{ route: MashScreeningRoute }>();
expectTypeOf<Payload<'MASH_DECIDED'>>().toEqualTypeOf<{ route: MashDecisionRoute }>();

// Start and end events carry nothing.
expectTypeOf<Payload<'SCREENING_STARTED'>>().toEqualTypeOf<{}>();
expectTypeOf<Payload<'REVIEW_STARTED'>>().toEqualTypeOf<{}>();
expectTypeOf<Payload<'RECLASSIFICATION_STARTED'>>().toEqualTypeOf<{}>();
expectTypeOf<Payload<'RECLASSIFIED'>>().toEqualTypeOf<{}>();
expectTypeOf<Payload<'ALLOCATED'>>().toEqualTypeOf<{}>();
expectTypeOf<Payload<'PLAN_ENDED'>>().toEqualTypeOf<{}>();
expectTypeOf<Payload<'EARLY_HELP_ENDED'>>().toEqualTypeOf<{}>();
expectTypeOf<Payload<'RESEARCHED'>>().toEqualTypeOf<{}>();
expectTypeOf<Payload<'MASH_DECISION_STARTED'>>().toEqualTypeOf<{}>();

// The route unions are exactly the outcomes each stage has.
expectTypeOf<EntryRoute>().toEqualTypeOf<'screen' | 'dutyScreen' | 'direct' | 'mash'>();
expectTypeOf<MashScreeningRoute>().toEqualTypeOf<'red' | 'amber' | 'green' | 'signposted' | 'linked'>();
expectTypeOf<MashDecisionRoute>().toEqualTypeOf<'accepted' | 'earlyHelp' | 'noFurtherAction' | 'closedBeforeAssessment'>();
expectTypeOf<ScreeningRoute>().toEqualTypeOf<'fastTrack' | 'forwardForDecision' | 'referral' | 'accepted' | 'signposted' | 'earlyHelp' | 'linked'>();
expectTypeOf<ReviewRoute>().toEqualTypeOf<'accepted' | 'returnForReclassification' | 'noFurtherAction' | 'earlyHelp' | 'linked'>();
expectTypeOf<InitialAssessmentRoute>().toEqualTypeOf<'coreAssessment' | 'childInNeed' | 'closed' | 'earlyHelp'>();
expectTypeOf<CoreAssessmentRoute>().toEqualTypeOf<'childProtectionPlan' | 'childInNeed' | 'closed'>();
expectTypeOf<PlanRoute>().toEqualTypeOf<'childInNeed' | 'childProtectionPlan'>();

// An initial assessment cannot go straight to a child protection plan, nor screening to a plan.
expectTypeOf<'childProtectionPlan'>().not.toExtend<InitialAssessmentRoute>();
expectTypeOf<'childInNeed'>().not.toExtend<ScreeningRoute>();

// Engine actions are plain names (strings the engine switches on).
expectTypeOf<EngineAction>().toExtend<string>();
expectTypeOf<'closeCase'>().toExtend<EngineAction>();

// The machine's transition function refuses malformed events at compile time.
const s = start().snapshot;
transition(caseJourneyMachine, s, { type: 'SCREENED', route: 'referral' });
// @ts-expect-error a screening outcome that does not exist
transition(caseJourneyMachine, s, { type: 'SCREENED', route: 'closed' });
// @ts-expect-error a completion event must carry its route
transition(caseJourneyMachine, s, { type: 'REVIEWED' });
// @ts-expect-error start events carry no route
transition(caseJourneyMachine, s, { type: 'ALLOCATED', route: 'accepted' });
// @ts-expect-error an event the machine does not know
transition(caseJourneyMachine, s, { type: 'CASE_REOPENED' });
// @ts-expect-error a transfer is to a plan, not to closure
transition(caseJourneyMachine, s, { type: 'TRANSFERRED', route: 'closed' });
// @ts-expect-error a core assessment outcome is not an initial assessment outcome
transition(caseJourneyMachine, s, { type: 'INITIAL_ASSESSMENT_COMPLETED', route: 'childProtectionPlan' });
