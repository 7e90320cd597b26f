import type { PlanRoute } from '../../models/caseJourney.events.ts';
import type { AssessmentStock, InProgressAssessment, ReturningStock, ServiceStock, StockChild, TransferStock } from './warmState.ts';

/**
 * The one place warm-state entities are made, for a capture (engine/warmCapture.ts) and for a
 * template unpacked from another worker (warmStateCodec.ts) alike. V8 gives objects made by
 * different code, or holding a whole number once as a small integer and once as a float64 read
 * from a Float64Array, different hidden classes; a worker handed a template then injected objects
 * whose shapes its compiled code had never seen, and about 45 hot functions of the engine (every
 * one touching a child, a case or a record, since their team and agency came from the template)
 * were thrown away and compiled again for both shapes: the worker's first replication from a
 * template it was sent took 2.4 times as long as one from a template it built, and later ones
 * stayed some 10% slower (DESIGN 75). Made here, an entity has one shape whichever way it came,
 * and team and agency indices are always small integers (`| 0`: callers pass whole numbers).
 */

export function stockChild(
  team: number,
  need: number,
  needMet: boolean,
  known: boolean,
  referralAge: number,
  contactAge: number,
  closureAge: number,
  closureUnmet: boolean,
): StockChild {
  return { team: team | 0, need, needMet, known, referralAge, contactAge, closureAge, closureUnmet };
}

export function returningStock(child: StockChild): ReturningStock {
  return { kind: 'returning', child };
}

export function serviceStock(
  episode: ServiceStock['episode'],
  child: StockChild,
  state: string,
  agency: number,
  plan: PlanRoute,
  meanMonths: number,
): ServiceStock {
  return { kind: 'service', episode, child, state, agency: agency | 0, plan, meanMonths };
}

export function transferStock(
  child: StockChild,
  state: string,
  agency: number,
  plan: PlanRoute,
  referralAge: number,
  acceptedAge: number,
  readyAge: number,
): TransferStock {
  return { kind: 'transfer', child, state, agency: agency | 0, plan, referralAge, acceptedAge, readyAge };
}

/** `inProgress` is always a property (undefined for a referral still waiting), so both kinds share a shape. */
export function assessmentStock(
  child: StockChild,
  state: string,
  agency: number,
  fastTrack: boolean,
  allocated: boolean,
  referralAge: number,
  acceptedAge: number,
  initialDeadlineIn: number,
  inProgress: InProgressAssessment | undefined,
): AssessmentStock {
  return { kind: 'assessment', child, state, agency: agency | 0, fastTrack, allocated, referralAge, acceptedAge, initialDeadlineIn, inProgress };
}

export function inProgressAssessment(
  state: string,
  activity: InProgressAssessment['activity'],
  remainingWorkingHours: number,
  coreDeadlineIn: number,
): InProgressAssessment {
  return { state, activity, remainingWorkingHours, coreDeadlineIn };
}
