import type { Activity, StaffFacts } from '../../../models/activity.ts';
import type { NotedFacts } from '../../../models/caseJourney.events.ts';
import type { ServerPoolSpec, ServerPoolId } from '../../../models/staffPools.ts';
import type { DutyTeam, Scenario } from '../../scenario/schema.ts';
import type { CompiledMachine } from '../compiledMachine.ts';
import type { EventQueue } from '../eventQueue.ts';
import type { RecordSink } from '../records.ts';
import type { Stream } from '../rng.ts';
import type { SlotTable } from '../slotTable.ts';
import type { Caseloads, ServerPool } from '../staff.ts';
import type { WorkingTime } from '../workingCalendar.ts';
import type { WorkforceRun } from './workforce.ts';
import type { Desk, Job } from './casework.ts';

/**
 * The engine's run state, explicit: everything a run holds, in one object that the engine's
 * modules (arrivals, pools, activities, decisions, monitors, warm state) take as their first
 * argument. Nothing here names a state of the machine; states are indices into `machine`, and
 * what happens in them is looked up (`activityAt`).
 */

/** A child in the run (kept only while a case is open or an event about them is pending). */
export interface Child {
  id: number;
  /** Where the child lives in the run's table of children (reused after the child is forgotten). */
  slot: number;
  team: number;
  need: number;
  known: boolean;
  lastContactAt: number;
  lastReferralAt: number;
  openCases: number;
  /** Events about the child still on the calendar (a return or a duplicate report). */
  pending: number;
  needMet: boolean;
  duplicateAgency: number;
  /** When the child's last case closed (not counting a contact linked to an open case). */
  lastClosedAt: number;
  /** Whether that closure left a need of moderate level or above unmet. */
  lastClosureUnmet: boolean;
  /** A return (not a duplicate report) is on the calendar. */
  returnDue: boolean;
}

/** One contact's journey. */
export interface Case {
  id: number;
  /** Where the case lives in the run's table of open cases; queues and the calendar hold slots. */
  slot: number;
  child: Child;
  agency: number;
  /** The machine's state index. */
  state: number;
  arrivedAt: number;
  duplicate: boolean;
  isReferral: boolean;
  screenedByFrontDoor: boolean;
  /** The pool of the member of staff working on the case (null when none is), and which kind they are. */
  staffPool: StaffPool | null;
  staffKind: 'u' | 'q';
  /** Facts the machine noted on the case (`note` actions). */
  noted: NotedFacts;
  acceptedAt: number;
  /** When the machine recorded this case as a referral (NaN if it never was). */
  referralAt: number;
  /** The state in which the case asked for allocation (-1 before), for warm-state captures. */
  allocationState: number;
  initialDeadline: number;
  coreDeadline: number;
  /** The assessment under way on its social worker's desk (engine/casework.ts), or null. */
  job: Job | null;
  /** The social worker holding the case's caseload place (-1 when none does). */
  worker: number;
  /** The long-term worker holding the plan (-1 when long-term capacity is not modelled). */
  longTermWorker: number;
  /** When the case asked for a place in a long-term team (NaN before), for the transfer wait. */
  transferRequestedAt: number;
  /**
   * The duty desk whose hours its plan takes while it waits for a long-term team (engine/casework.ts
   * holdPlan), and how many a working hour (NaN while no desk holds it: a fraction's placeholder,
   * so V8 keeps the field a double from the start; a 0 there made every case's shape out of date
   * once the first plan was held, and each new case was migrated, some 25,000 a replication).
   */
  heldOn: Desk | null;
  heldRate: number;
}

/** A pool of staff who each do one piece of work at a time, with its declaration. */
export interface StaffPool {
  id: ServerPoolId;
  spec: ServerPoolSpec;
  /** The duty team it serves, or -1 for a county pool. */
  team: number;
  servers: ServerPool;
}

/** One duty team: its places and its time-weighted monitors (Law, *Simulation Modeling and Analysis*, §1.4.5). */
export interface TeamState {
  spec: DutyTeam;
  /** Social workers' caseload places (assessments). */
  places: Caseloads;
  /** Each social worker's time, by the worker's index in `places` (engine/casework.ts). */
  desks: Desk[];
  /** Casework hours worked by workers in post, and available to them, in the measured window. */
  windowCaseworkWorked: number;
  windowCaseworkAvailable: number;
  /** Long-term teams' places (plans), where they are modelled. */
  longTerm: Caseloads | null;
  filledPosts: number;
  /** Referrals awaiting allocation, places held, cases awaiting transfer, plans open. */
  waiting: number;
  held: number;
  transferring: number;
  plansOpen: number;
  /** When the levels above last changed (their areas are integrated up to here). */
  lastChangeAt: number;
  weekWaitingArea: number;
  windowWaitingArea: number;
  windowHeldArea: number;
  windowTransferArea: number;
  windowPlansArea: number;
  /** Open initial and core assessments (against their timescales). */
  initialAssessments: Set<Case>;
  coreAssessments: Set<Case>;
  /** Cases holding or waiting for a duty social worker's place (for warm-state captures). */
  assessing: Set<Case>;
  /** Cases on a child-in-need or child protection plan. */
  inPlan: Set<Case>;
}

/** A state's activity, with the machine's numbers for the events it sends. */
export interface ActivityEntry {
  activity: Activity;
  /** The event a queue sends when staff take the case: one number, or one per route. */
  started: number;
  startedByRoute: Record<string, number> | null;
  /** The event completion sends: one number, or one per route. */
  completed: number;
  completedByRoute: Record<string, number> | null;
}

/** The named random streams (ARCHITECTURE lesson 2): one per stochastic input. */
export interface Streams {
  /** One per agency, so demand is common across scenarios. */
  arrivals: Stream[];
  children: Stream;
  /** Front-door and duty decisions. */
  screening: Stream;
  /** Staff hours of screening work. */
  work: Stream;
  /** Assessments' decisions and episodes' endings. */
  assessment: Stream;
  /** Assessment, plan and early-help durations. */
  durations: Stream;
  returns: Stream;
  /** Delays with no staff of their own (a research window). */
  delays: Stream;
}

export interface RunState {
  readonly scenario: Scenario;
  readonly seed: number;
  readonly days: number;
  readonly machine: CompiledMachine;
  readonly queue: EventQueue;
  readonly calendar: WorkingTime;
  readonly endHours: number;
  readonly warmupHours: number;
  readonly maxEvents: number;
  readonly maxOpenCases: number;
  readonly emit: RecordSink;
  readonly onTransition: ((t: number, caseId: number, from: string, to: string) => void) | undefined;
  readonly streams: Streams;
  readonly teams: TeamState[];
  /** Every staff pool, in declaration order (county pools once, team pools once per team). */
  readonly staffPools: StaffPool[];
  /** The pool a case of team `team` waits for, by pool id: [county pool] or one per team. */
  readonly poolsById: Record<ServerPoolId, StaffPool[]>;
  readonly children: SlotTable<Child>;
  readonly cases: SlotTable<Case>;
  /** Cases in early help, county-wide, in the order they started. */
  readonly inEarlyHelp: Set<Case>;
  /** Agencies' contact rates per month, and the thinning bound of each agency's arrival rate. */
  readonly agencyRates: number[];
  readonly agencyRateTotal: number;
  readonly maxArrivalRate: number[];
  /**
   * Per agency, the multiple of its contact rate on each day of the run (monthly seasonality and
   * the timeline's demand steps, engine/timeline.ts); null when every day is 1 (no cost then).
   */
  readonly demandByDay: Float64Array[] | null;
  /** Every duty social worker's desk (engine/casework.ts), indexed by the desk's id. */
  readonly desks: Desk[];
  /** Changes to the duty workforce during the run (engine/workforce.ts); null when there are none. */
  readonly workforce: WorkforceRun | null;
  readonly teamShares: number[];
  readonly teamShareTotal: number;
  readonly returnHorizonHours: number;
  readonly initialClockFromReferral: boolean;
  /** The machine's number for each entry route of CONTACT_RECEIVED. */
  readonly contactReceived: Record<string, number>;
  /** Activities by state index, filled as states are first visited. */
  readonly activities: (ActivityEntry | null | undefined)[];
  nextChild: number;
  nextCase: number;
  events: number;
  week: number;
  done: boolean;
}

/** Who is doing the work being decided, filled per decision. */
export type MutableStaff = { -readonly [K in keyof StaffFacts]: StaffFacts[K] };
