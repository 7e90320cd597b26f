import type { DutyTeam, Scenario } from '../src/scenario/schema.ts';
import type { CaseEventType, NotedFacts, PlacePoolId, PlainEventType, RouteOf, RoutedEventType } from './caseJourney.events.ts';
import type { ServerPoolId } from './staffPools.ts';

/**
 * What happens in a state, declared beside it (ARCHITECTURE lesson 14): which staff it waits
 * for or works with, how long the work takes (read from the scenario), which rule decides its
 * outcome and which event its completion sends. A state carries its activity in
 * `meta.activity`; the engine looks it up by state and interprets the kind, so it never names a
 * state, and the capacity check reads the same declarations to estimate the flow. The engine's
 * vocabulary is the set of kinds below; a new stage built from them is a change to models/ only.
 */

/** Why a piece of screening work was work done again (the `repeat` of its `screened` record). */
export type RepeatKind = 'rescreen' | 'reclassification' | 'duplicate';

/** What a decision may know about the case (the engine keeps them; rules read them). */
export interface CaseFacts {
  /** Facts the machine noted on the case (`note` actions). */
  readonly noted: Readonly<NotedFacts>;
  /** The child is currently or historically known to social care. */
  readonly known: boolean;
  /** Another case about this child is open (this contact would add to it). */
  readonly hasOpenCase: boolean;
  /** The case has been recorded as a referral. */
  readonly isReferral: boolean;
  /** A front-door screener has worked on it. */
  readonly screenedAtFrontDoor: boolean;
  /** A second agency's report of an incident already reported. */
  readonly duplicate: boolean;
}

/** Who is doing the work being decided. */
export interface StaffFacts {
  /** A qualified member of the pool (a screener pool gives unqualified staff work first). */
  readonly qualified: boolean;
  /** A newly qualified social worker (assessments). */
  readonly newlyQualified: boolean;
}

/** How a reader sees a child's need: their own error, and how much of the referring agency's information error and bias reaches them. */
export interface Reading {
  /** The reader's own error (need-score points, sd). */
  staffSd: number;
  /** Share of the agency's information error and bias in the reading: 1 all of it, 0 none (the assessing social worker sees the child). */
  agencyInformation: number;
}

/**
 * What a decision can ask for. The engine answers from its named random streams, in the order
 * asked (so the order of calls is part of the model: keep it); the capacity check answers with
 * every outcome and its chance. A decision must ask for the perceived need at most once.
 */
export interface DecisionContext {
  readonly scenario: Scenario;
  /** The child's duty team. */
  readonly team: DutyTeam;
  readonly facts: CaseFacts;
  readonly staff: StaffFacts;
  /** Team pressure now (models/assessment.rules.ts teamPressure). */
  pressure(): number;
  /** Need as this reader perceives it: true need plus the agency's bias and information error and the reader's own error. */
  perceivedNeed(reading: Reading): number;
  /**
   * Whether need as this reader perceives it reaches `threshold` as applied this time: the
   * threshold varies from one decision to the next with sd `inconsistencySd` (K10 ¶24,
   * "Thresholds are being applied differently"). Compared by `reaches`. A decision asks for this
   * or for `perceivedNeed`, not both (its reading would be drawn twice).
   */
  reachesThreshold(reading: Reading, threshold: number, inconsistencySd: number): boolean;
  /** True with chance `p`. */
  chance(p: number): boolean;
  /** Whether early help would be offered and taken up if the case is not accepted (servicesrules earlyHelpTakeUpChance). */
  earlyHelpTakenUp(): boolean;
}

/** Whether need as perceived reaches a threshold as applied: at it or above (thresholds are inclusive). */
export function reaches(perceivedNeed: number, appliedThreshold: number): boolean {
  return perceivedNeed >= appliedThreshold;
}

/** A decision rule for a completion event: its outcome is the route the event carries. */
export type Decide<E extends RoutedEventType> = (d: DecisionContext) => RouteOf<E>;

/** What a completion sends: an event with no route, or a routed event and the rule that picks the route. */
export type Completion = { completes: PlainEventType; decide?: undefined } | { [E in RoutedEventType]: { completes: E; decide: Decide<E> } }[RoutedEventType];

/** Waiting for a member of a staff pool; `started` is sent when one takes the case. */
export interface QueueForStaff {
  kind: 'queueForStaff';
  pool: ServerPoolId;
  started: PlainEventType;
  /** Served before everyone waiting without it (the urgent lane). */
  urgent?: (facts: CaseFacts) => boolean;
}

/** Waiting for a caseload place; `started` (with `route`, if it carries one) is sent when one is free. */
export interface QueueForPlace {
  kind: 'queueForPlace';
  pool: PlacePoolId;
  started: CaseEventType;
  route?: (facts: CaseFacts) => string;
  urgent?: (facts: CaseFacts) => boolean;
}

/** Work by the member of staff the case was given; an exponential number of working hours. */
export type StaffWork = {
  kind: 'staffWork';
  /** Mean staff hours of the work. */
  meanHours: (scenario: Scenario, team: DutyTeam) => number;
  /** Why it is work done again, if it is (its `screened` record's `repeat`). */
  repeat: (facts: CaseFacts, scenario: Scenario) => RepeatKind | null;
} & Completion;

/** An assessment by the social worker holding the case's place, in working days (gamma, stretched by team pressure), with its timescale. */
export type AssessmentWork = {
  kind: 'assessmentWork';
  /** Which timescale it runs against (initial: from the referral or allocation; core: from its start). */
  timescale: 'initial' | 'core';
  /** Working days it takes, on average, when its social worker has the time it needs. */
  meanWorkingDays: (scenario: Scenario) => number;
  /** Social worker hours of work it needs, on average (shared with the worker's other assessments). */
  workHours: (scenario: Scenario) => number;
} & Completion;

/** A plan or early help: exponential months of calendar time, no duty staff; it ends with need met or not. */
export interface Episode {
  kind: 'episode';
  episode: 'plan' | 'earlyHelp';
  /** Which plan (for `planStarted` records). */
  plan?: 'childInNeed' | 'childProtection';
  meanMonths: (scenario: Scenario) => number;
  /** Chance the child's need is met when it ends. */
  needMetShare: (scenario: Scenario) => number;
  completes: PlainEventType;
}

/** Calendar time that passes with no staff of the model's own, uniform within a window of hours (partners' checks, say). */
export interface Delay {
  kind: 'delay';
  /** The window, in hours, within which it completes. */
  withinHours: (scenario: Scenario, facts: CaseFacts) => number;
  completes: PlainEventType;
}

export type Activity = QueueForStaff | QueueForPlace | StaffWork | AssessmentWork | Episode | Delay;
export type ActivityKind = Activity['kind'];

/** The `meta` a state carries: its label in practice vocabulary and what happens in it. */
export interface StateMeta {
  label: string;
  /** Being here is work done again (drawn as a loop). */
  rework?: boolean;
  activity?: Activity;
}

/** An activity's state: entered with `requestStaff` (queues) or `startWork` (work), with its meta. */
export function waitingState<const A extends QueueForStaff | QueueForPlace, const On>(label: string, activity: A, on: On, extra: { rework?: boolean } = {}) {
  return { meta: { label, ...extra, activity } satisfies StateMeta, entry: 'requestStaff', on } as const;
}

/** A state where staff work on the case; leaving it frees them (`releaseStaff`). */
export function staffWorkState<const On>(label: string, activity: StaffWork, on: On, extra: { rework?: boolean } = {}) {
  return { meta: { label, ...extra, activity } satisfies StateMeta, entry: 'startWork', exit: 'releaseStaff', on } as const;
}

/** A state whose activity needs no staff of its own to be released (assessments, episodes, delays). */
export function activityState<const On>(label: string, activity: AssessmentWork | Episode | Delay, on: On) {
  return { meta: { label, activity } satisfies StateMeta, entry: 'startWork', on } as const;
}
