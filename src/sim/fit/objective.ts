import { FIGURES, givenTargets, toleranceOf, type FitTargets, type TargetKey } from '../../scenario/fit/targets.ts';
import type { MetricValues } from '../results.ts';
import { estimate } from '../stats.ts';

/**
 * What a run says about each published figure, and how far that is from the council's (issue
 * 15, item 3). The objective is the sum over the given targets of ((target − simulated) ÷
 * tolerance)²: a standardised error of 1 is a miss by exactly the tolerance.
 */

const perYear = (count: number, days: number) => (count / days) * 365.25;
const per10k = (n: number, population: number) => (n / population) * 10_000;

/** The simulated value of target `key` from one replication's metrics over `days` measured days. */
export function simulatedTarget(key: TargetKey, m: MetricValues, days: number, population: number): number {
  switch (key) {
    case 'contactsPerMonth':
      return m.contactsPerMonth;
    case 'referralsPer10k':
      return per10k(perYear(m.referrals, days), population);
    case 'contactToReferralPct':
      return 100 * m.contactToReferralRate;
    case 'reReferralPct':
      return 100 * m.reReferralRate;
    case 'referralsNfaPct':
      // referrals not taken to an assessment (DfE "NFA" at referral); those still waiting count as not assessed
      return 100 * (1 - m.referralToInitialAssessmentRate);
    case 'assessmentsInTimescalePct':
      return 100 * m.initialAssessmentInTimescaleRate;
    case 'childInNeedPer10k':
      // open at the end: being assessed, or on a plan (the census counts at 31 March)
      return per10k(m.plansOpenEnd + m.initialAssessmentsOpenEnd + m.coreAssessmentsOpenEnd, population);
    case 'childProtectionStartsPer10k':
      return per10k(perYear(m.childProtectionPlans, days), population);
    case 'caseloadPerFte':
      return m.caseloadPerWorker;
  }
}

/** The objective for one candidate: its replications' metrics, averaged per target first. */
export function objective(targets: FitTargets, reps: readonly MetricValues[], days: number): number {
  let sum = 0;
  for (const key of givenTargets(targets)) {
    const sim = reps.reduce((a, m) => a + simulatedTarget(key, m, days, targets.childPopulation), 0) / reps.length;
    const z = (targets[key]! - sim) / toleranceOf(targets, key);
    sum += z * z;
  }
  return sum;
}

/** One target beside its fitted value. */
export interface TargetComparison {
  key: TargetKey;
  label: string;
  unit: (typeof FIGURES)[TargetKey]['unit'];
  target: number;
  tolerance: number;
  /** The fitted scenario's mean over the final check's replications, with its 95% interval. */
  fitted: number;
  ci95: [number, number];
  /** (target − fitted) ÷ tolerance. */
  standardisedError: number;
  /** True when the fitted mean is within the tolerance of the target. */
  withinTolerance: boolean;
}

/** Each given target against the simulated value of a run (the final check). */
export function compareTargets(targets: FitTargets, reps: readonly MetricValues[], days: number): TargetComparison[] {
  return givenTargets(targets).map((key) => {
    const values = reps.map((m) => simulatedTarget(key, m, days, targets.childPopulation));
    const e = estimate(values, [0, Infinity]);
    const tolerance = toleranceOf(targets, key);
    const z = (targets[key]! - e.mean) / tolerance;
    return {
      key,
      label: FIGURES[key].label,
      unit: FIGURES[key].unit,
      target: targets[key]!,
      tolerance,
      fitted: e.mean,
      ci95: e.ci95,
      standardisedError: z,
      withinTolerance: Math.abs(z) <= 1,
    };
  });
}
