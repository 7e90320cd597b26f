import type { DutyTeam, Scenario } from '../src/scenario/schema.ts';

/**
 * Chance that a child of true need `trueNeed` takes up early help when it is offered instead of
 * a social care response: only at moderate need or above, and only where early help works in the
 * child's district (K10 ¶26: CAF established "with the exception of one locality").
 */
export function earlyHelpTakeUpChance(s: Scenario, team: DutyTeam, trueNeed: number): number {
  return trueNeed >= s.need.moderateLevel ? team.earlyHelpCoverage * s.earlyHelp.signpostedTakeUpShare : 0;
}
