/**
 * Events the engine sends to the case journey machine, and the actions the machine gives back.
 * Completion events carry the outcome the engine sampled (the machine decides where that leads;
 * the engine owns time and chance). Each is written once here: `CaseEvent`, `ALL_EVENTS`, the
 * engine's event numbers, the machine's action implementations and the engine's `act` switch
 * are all derived from `CASE_EVENTS` and `ENGINE_ACTIONS`.
 */

/** How a new contact enters the pathway, set by the front-door structure (caseJourney.rules.ts). */
export const ENTRY_ROUTES = ['screen', 'dutyScreen', 'direct', 'mash'] as const;
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

/** Outcomes of MASH screening: the urgency partners' research is rated (RAG), or no research. */
export const MASH_SCREENING_ROUTES = ['red', 'amber', 'green', 'signposted', 'linked'] as const;
export type MashScreeningRoute = (typeof MASH_SCREENING_ROUTES)[number];

/**
 * Outcomes of the MASH manager's one decision, with partners' information in hand; a referral
 * accepted and then closed before an assessment starts (`closedBeforeAssessment`, mash.rules.ts)
 * is decided with it.
 */
export const MASH_DECISION_ROUTES = ['accepted', 'earlyHelp', 'noFurtherAction', 'closedBeforeAssessment'] as const;
export type MashDecisionRoute = (typeof MASH_DECISION_ROUTES)[number];

/** How urgently partners must check their records (RAG). */
export type Urgency = 'red' | 'amber' | 'green';

/** The plan a case is transferred to a long-term team for. */
export const PLAN_ROUTES = ['childInNeed', 'childProtectionPlan'] as const;
export type PlanRoute = (typeof PLAN_ROUTES)[number];

/**
 * Every event the engine can send, with the routes a completion event can carry (null: the
 * event carries none). The one list: add an event here and it is typed, numbered and tested.
 */
export const CASE_EVENTS = {
  CONTACT_RECEIVED: ENTRY_ROUTES,
  SCREENING_STARTED: null,
  SCREENED: SCREENING_ROUTES,
  REVIEW_STARTED: null,
  REVIEWED: REVIEW_ROUTES,
  RECLASSIFICATION_STARTED: null,
  RECLASSIFIED: null,
  ALLOCATED: null,
  INITIAL_ASSESSMENT_COMPLETED: INITIAL_ASSESSMENT_ROUTES,
  CORE_ASSESSMENT_COMPLETED: CORE_ASSESSMENT_ROUTES,
  TRANSFERRED: PLAN_ROUTES,
  PLAN_ENDED: null,
  EARLY_HELP_ENDED: null,
  MASH_SCREENED: MASH_SCREENING_ROUTES,
  RESEARCHED: null,
  MASH_DECISION_STARTED: null,
  MASH_DECIDED: MASH_DECISION_ROUTES,
} as const;

type EventTable = typeof CASE_EVENTS;
export type CaseEventType = keyof EventTable;
/** The routes event `T` carries (never for an event without routes). */
export type RouteOf<T extends CaseEventType> = EventTable[T] extends readonly (infer R)[] ? R : never;
/** Events that carry a route, and those that carry none. */
export type RoutedEventType = { [T in CaseEventType]: EventTable[T] extends null ? never : T }[CaseEventType];
export type PlainEventType = Exclude<CaseEventType, RoutedEventType>;

export type CaseEvent = { [T in CaseEventType]: EventTable[T] extends null ? { type: T } : { type: T; route: RouteOf<T> } }[CaseEventType];

/** Every event the engine can send, with every route each completion event can carry. */
export const ALL_EVENTS: readonly CaseEvent[] = (Object.keys(CASE_EVENTS) as CaseEventType[]).flatMap((type) => {
  const routes: readonly string[] | null = CASE_EVENTS[type];
  return (routes ? routes.map((route) => ({ type, route })) : [{ type }]) as CaseEvent[];
});

/**
 * Where a case closed (the `stage` of its `closed` record). `duty` is the decision on a referral
 * before any assessment: a duty manager's no further action, or a referral a MASH accepted that
 * closed before its assessment started (models/mash.rules.ts).
 */
export type ClosureStage = 'frontDoor' | 'linked' | 'duty' | 'assessment' | 'services' | 'earlyHelp';

/** Facts a transition can note on a case (`note` action) for later decisions and queues to read. */
export interface NotedFacts {
  /** Fast-tracked as a child protection concern (served first in the allocation queue). */
  fastTrack: boolean;
  /** The plan an assessment decided on, while the case waits for a long-term team. */
  plan: PlanRoute;
  /** How urgently partners must check their records (a MASH's RAG rating). */
  urgency: Urgency;
}

/** What a new case has noted before any transition noted anything. */
export function nothingNoted(): NotedFacts {
  return { fastTrack: false, plan: 'childInNeed', urgency: 'green' };
}

/** One engine action: what it tells the engine, when it runs, and the params it takes. */
interface ActionSpec<P> {
  /** What the engine does, in a sentence. */
  does: string;
  /**
   * 'event': it records the completion itself, so it runs as the event is taken, before any
   * state's exit action frees staff for the next case (XState lists exit actions first).
   * 'inOrder': in XState's order (exit, transition, entry).
   */
  runs: 'event' | 'inOrder';
  /** Phantom: the type of the action's params (never read at run time). */
  params?: P;
}
const action = <P = undefined>(does: string, runs: 'event' | 'inOrder' = 'inOrder'): ActionSpec<P> => ({ does, runs });

/**
 * Instructions the machine gives the engine on entering or leaving a state or on a transition.
 * The engine interprets them (queues, staff, durations) by the activity the state declares
 * (models/activity.ts); the machine never touches time or chance. The one list of actions: the
 * machine's do-nothing implementations and the engine's `act` switch derive from it.
 */
export const ENGINE_ACTIONS = {
  requestStaff: action('Join the queue for the staff the state waits for (its activity names the pool)'),
  startWork: action('Start the activity the state declares: staff work, an assessment, a plan or early help'),
  releaseStaff: action('Free the member of staff who did the work, and serve their queue'),
  releasePlace: action<{ pool: PlacePoolId }>('Free the caseload place the case holds in the pool named'),
  recordReferral: action('Record the case as a referral (once per case)'),
  recordDecision: action<{ route: string }>('Record the decision on the contact, with its route and wait', 'event'),
  recordSentBack: action('Record that a duty manager sent the contact back to be reclassified', 'event'),
  note: action<Partial<NotedFacts>>('Note facts on the case for later decisions and queues'),
  closeCase: action<{ stage: ClosureStage }>('Close the case at the stage named, and schedule the child’s return'),
} as const;

export type EngineAction = keyof typeof ENGINE_ACTIONS;
/** The params each engine action takes (undefined: none). */
export type EngineActionParams = { [A in EngineAction]: (typeof ENGINE_ACTIONS)[A] extends ActionSpec<infer P> ? P : never };
/** An engine action as the machine returns it. */
export type EngineActionObject = { [A in EngineAction]: { type: A; params: EngineActionParams[A] } }[EngineAction];
/** Every engine action's name, in the order of ENGINE_ACTIONS. */
export const ENGINE_ACTION_NAMES = Object.keys(ENGINE_ACTIONS) as EngineAction[];

/** Pools of caseload places, held from allocation until the stage that holds them is left. */
export type PlacePoolId = 'socialWorkerPlaces' | 'longTermPlaces';
