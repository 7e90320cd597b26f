import type { PlanRoute } from '../../models/caseJourney.events.ts';

/**
 * The warm state a replication starts from: the slow stocks of a run that has been going for
 * years (children due back, open plans and early help, referrals waiting for or in assessment,
 * cases waiting for transfer to a long-term team),
 * each with its ages at the moment it was captured. Ages are hours before the capture, so a new
 * run places them before its time 0 without calling the working calendar on negative times.
 * Types only: the engine captures and injects them, warmStart.ts builds and caches templates.
 */

/** A child as it stood at the capture. Ages are hours before the capture (Infinity: never). */
export interface StockChild {
  team: number;
  need: number;
  needMet: boolean;
  known: boolean;
  referralAge: number;
  contactAge: number;
  closureAge: number;
  closureUnmet: boolean;
}

/** A child with no open case who is due to come back as a new contact. */
export interface ReturningStock {
  kind: 'returning';
  child: StockChild;
}

/** An open plan or early-help episode: the case sits in `state` until its (memoryless) end. */
export interface ServiceStock {
  kind: 'service';
  episode: 'plan' | 'earlyHelp';
  child: StockChild;
  /** The machine's state key, e.g. the child-in-need plan's; the engine looks it up, never names it. */
  state: string;
  agency: number;
  plan: PlanRoute;
  /** Mean months of the episode (plans and early help end at an exponential time). */
  meanMonths: number;
}

/**
 * A referral waiting for allocation or being assessed: one waiting rejoins its team's allocation
 * queue; one being assessed carries on with a social worker (see `inProgress`).
 */
export interface AssessmentStock {
  kind: 'assessment';
  child: StockChild;
  /** The state in which the case asked for allocation (the machine's key). */
  state: string;
  agency: number;
  fastTrack: boolean;
  /** Whether a social worker held it at the capture (it is allocated again first). */
  allocated: boolean;
  referralAge: number;
  acceptedAge: number;
  /** Hours from the capture to its initial-assessment deadline (negative: already overdue; NaN: none yet). */
  initialDeadlineIn: number;
  /**
   * An assessment under way at the capture: it carries on where it was (same state, the work it
   * had left, its deadlines) instead of starting again, so overdue assessments are steady from
   * the first day rather than settling over months. Undefined for referrals still waiting (always
   * present as a property, so both kinds share one shape: src/sim/stockEntities.ts).
   */
  inProgress?: InProgressAssessment | undefined;
}

/** Where an allocated assessment stood at the capture. */
export interface InProgressAssessment {
  /** The machine's state key of the assessment under way (looked up, never named, by the engine). */
  state: string;
  activity: 'initial' | 'core';
  /** Pace hours of work it had left (working hours at its unhurried pace; engine/casework.ts). */
  remainingWorkingHours: number;
  /** Hours from the capture to its core-assessment deadline (NaN for an initial assessment). */
  coreDeadlineIn: number;
}

/**
 * A case past assessment waiting for a place in a long-term team, still held by its duty social
 * worker (K10 ¶31, ¶84: the long-term teams are where the pressure is). It rejoins the long-term
 * queue in the order it asked, holding a duty place again, so a capped scenario's transfer queue
 * is steady from the first day rather than building up again over months.
 */
export interface TransferStock {
  kind: 'transfer';
  child: StockChild;
  /** The state in which it waits for the transfer (the machine's key, never named by the engine). */
  state: string;
  agency: number;
  /** The plan it waits to start (the route of the transfer). */
  plan: PlanRoute;
  referralAge: number;
  acceptedAge: number;
  /** Hours since it asked for a long-term place (its transfer wait so far). */
  readyAge: number;
}

export type StockEntity = ReturningStock | ServiceStock | AssessmentStock | TransferStock;

/**
 * A warm-start template: entities captured at `snapshots` moments of one long run, each
 * weighted 1/snapshots. A replication takes Poisson(1/snapshots) copies of every entity, so its
 * starting stocks vary as a steady-state stock does (an M/G/∞ stock is Poisson) around the mean
 * of the snapshots, instead of every replication sharing one realisation.
 */
export interface WarmState {
  snapshots: number;
  /** Months the template run lasted before its last capture. */
  months: number;
  entities: StockEntity[];
}
