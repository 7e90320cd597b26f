/**
 * Events the engine sends to the case journey machine. Completion events carry the outcome the
 * engine sampled (the machine decides where that leads; the engine owns time and chance).
 */

/** How a new contact enters the pathway, set by the front-door structure. */
export const ENTRY_ROUTES = ['screen', 'dutyScreen', 'direct'] as const;
export type EntryRoute = (typeof ENTRY_ROUTES)[number];

/** Outcomes of front-door screening. */
export const SCREENING_ROUTES = [
  'fastTrack', // child protection concern: straight to the duty team for allocation (K10 ¶25)
  'forwardForDecision', // contact about a known child: screened again by the duty team manager (K10 ¶25)
  'referral', // classified as a referral for action: to the duty team manager's decision
  'accepted', // a front door that decides once accepts the referral for assessment
  'signposted', // information or signposting: closed at the front door
  'earlyHelp', // signposted to early help that is available and taken up
  'linked', // about a child with an open case: added to that case, closed
] as const;
export type ScreeningRoute = (typeof SCREENING_ROUTES)[number];

/** Outcomes of a duty manager's review. */
export const REVIEW_ROUTES = ['accepted', 'returnForReclassification', 'noFurtherAction', 'earlyHelp', 'linked'] as const;
export type ReviewRoute = (typeof REVIEW_ROUTES)[number];

/** Outcomes of an initial assessment. */
export const INITIAL_ASSESSMENT_ROUTES = ['coreAssessment', 'childInNeed', 'closed', 'earlyHelp'] as const;
export type InitialAssessmentRoute = (typeof INITIAL_ASSESSMENT_ROUTES)[number];

/** Outcomes of a core assessment. */
export const CORE_ASSESSMENT_ROUTES = ['childProtectionPlan', 'childInNeed', 'closed'] as const;
export type CoreAssessmentRoute = (typeof CORE_ASSESSMENT_ROUTES)[number];

/** The plan a case is transferred to a long-term team for. */
export const PLAN_ROUTES = ['childInNeed', 'childProtectionPlan'] as const;
export type PlanRoute = (typeof PLAN_ROUTES)[number];

export type CaseEvent =
  | { type: 'CONTACT_RECEIVED'; route: EntryRoute }
  | { type: 'SCREENING_STARTED' }
  | { type: 'SCREENED'; route: ScreeningRoute }
  | { type: 'REVIEW_STARTED' }
  | { type: 'REVIEWED'; route: ReviewRoute }
  | { type: 'RECLASSIFICATION_STARTED' }
  | { type: 'RECLASSIFIED' }
  | { type: 'ALLOCATED' }
  | { type: 'INITIAL_ASSESSMENT_COMPLETED'; route: InitialAssessmentRoute }
  | { type: 'CORE_ASSESSMENT_COMPLETED'; route: CoreAssessmentRoute }
  | { type: 'TRANSFERRED'; route: PlanRoute }
  | { type: 'PLAN_ENDED' }
  | { type: 'EARLY_HELP_ENDED' };

export type CaseEventType = CaseEvent['type'];

/**
 * Instructions the machine gives the engine on entering or leaving a state. The engine
 * interprets them (queues, staff, durations); the machine never touches time or chance.
 */
export const ENGINE_ACTIONS = [
  'requestScreener',
  'requestManager',
  'requestScreenerForReclassification',
  'requestAllocation',
  'requestTransfer',
  'startScreening',
  'startDutyReview',
  'startReclassification',
  'startInitialAssessment',
  'startCoreAssessment',
  'startChildInNeedPlan',
  'startChildProtectionPlan',
  'startEarlyHelp',
  'releaseScreener',
  'releaseManager',
  'releaseCaseloadPlace',
  'releaseLongTermPlace',
  'recordReferral',
  'closeCase',
] as const;
export type EngineAction = (typeof ENGINE_ACTIONS)[number];
