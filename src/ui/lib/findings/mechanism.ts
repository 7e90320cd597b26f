import { METRICS } from '../../../sim/metricDefinitions.ts';

/**
 * Where each measure sits on the pathway, so findings can tell the chain the model follows:
 * demand arrives (and some is diverted), the front door works on it, social workers' capacity
 * takes the referrals, and outcomes follow. Keyed by metric name with a safe default: a measure
 * not named here counts as an outcome, so new measures flow into findings without a change here.
 */

/** Stages before the outcomes, in pathway order. */
export const MECHANISM_STAGES = ['demand', 'frontDoor', 'capacity'] as const;
export type Stage = (typeof MECHANISM_STAGES)[number] | 'outcome';

const STAGE_OF: Record<string, Stage> = {
  contacts: 'demand',
  contactsPerMonth: 'demand',
  divertedToEarlyHelp: 'demand',
  referrals: 'demand',
  contactToReferralRate: 'demand',
  doubleScreenedRate: 'frontDoor',
  returnedForReclassificationRate: 'frontDoor',
  repeatWorkHours: 'frontDoor',
  repeatWorkHoursPerMonth: 'frontDoor',
  screenerUtilisation: 'frontDoor',
  managerUtilisation: 'frontDoor',
  meanWaitToDecisionHours: 'frontDoor',
  caseloadPerWorker: 'capacity',
  socialWorkerUtilisation: 'capacity',
  awaitingAllocationMean: 'capacity',
  meanWaitToAllocationHours: 'capacity',
};

/** The pathway stage of a measure ('outcome' for any measure not listed). */
export function stageOf(metric: string): Stage {
  return STAGE_OF[metric] ?? 'outcome';
}

/**
 * Which way is better for a measure, read from its definition; 'neutral' for a measure without a
 * direction (or an unknown name), so nothing is called better or worse without the definitions saying so.
 */
export function betterDirection(metric: string): 'lower' | 'higher' | 'neutral' {
  const b = (METRICS as Record<string, { better?: unknown } | undefined>)[metric]?.better;
  return b === 'lower' || b === 'higher' ? b : 'neutral';
}
