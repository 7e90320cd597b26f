import type { Assessment, NeedLevels } from '../src/scenario/schema.ts';
import type { CoreAssessmentRoute, InitialAssessmentRoute } from './caseJourney.events.ts';

/**
 * Team pressure: open and waiting assessments per caseload place. Above `pressureKnee` workload
 * starts to harm practice (K10 ¶31: cases "not obviously in crisis were left without a service").
 */
export function teamPressure(openAssessments: number, awaitingAllocation: number, places: number): number {
  if (places <= 0) return awaitingAllocation > 0 ? 10 : 0;
  return (openAssessments + awaitingAllocation) / places;
}

/**
 * Pressure above the knee that harms practice, capped at `pressureCap`: past that point more
 * waiting cases do not slow the work in hand further. Without a cap the waiting queue stretched
 * every assessment, which lengthened the queue, and an overloaded team never recovered.
 */
export function excessPressure(a: Assessment, pressure: number): number {
  return Math.max(0, Math.min(pressure, a.pressureCap) - a.pressureKnee);
}

/** Chance that an assessment that should lead to services closes anyway (premature closure, K10 ¶27). */
export function prematureClosureChance(a: Assessment, pressure: number): number {
  return Math.min(1, a.prematureClosureBaseRate + a.prematureClosurePerPressure * excessPressure(a, pressure));
}

/** Factor by which pressure stretches an assessment's duration. */
export function durationStretch(a: Assessment, pressure: number): number {
  return 1 + a.durationStretchPerPressure * excessPressure(a, pressure);
}

/** What an assessing social worker concludes. */
export interface AssessmentFacts {
  perceivedNeed: number;
  /** This case is closed prematurely if it would otherwise lead to services below CP level (sampled by the engine). */
  closedPrematurely: boolean;
  earlyHelpTakenUp: boolean;
}

/** Outcome of an initial assessment: core assessment, child-in-need services, early help or closure. */
export function initialAssessmentRoute(a: Assessment, need: NeedLevels, f: AssessmentFacts): InitialAssessmentRoute {
  const p = f.perceivedNeed;
  const protectedFromClosure = p >= need.childProtectionLevel;
  if (p >= a.coreAssessmentLevel && (protectedFromClosure || !f.closedPrematurely)) return 'coreAssessment';
  if (p >= need.childInNeedLevel && !f.closedPrematurely) return 'childInNeed';
  return f.earlyHelpTakenUp ? 'earlyHelp' : 'closed';
}

/** Outcome of a core assessment: a child protection plan, a child-in-need plan, or closure. */
export function coreAssessmentRoute(need: NeedLevels, perceivedNeed: number): CoreAssessmentRoute {
  if (perceivedNeed >= need.childProtectionLevel) return 'childProtectionPlan';
  if (perceivedNeed >= need.childInNeedLevel) return 'childInNeed';
  return 'closed';
}
