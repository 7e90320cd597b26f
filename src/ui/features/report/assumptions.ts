import { getIn } from '../../lib/fieldSpec.ts';

/**
 * The assumptions a board should know the findings rest on, each read from the baseline scenario
 * (the numbers are the scenario's own). A sentence whose fields a scenario does not have is left
 * out rather than shown with a gap, so a later schema change drops a line instead of breaking the page.
 */

const num = (s: unknown, path: string): number | null => {
  const v = getIn(s, path.split('.'));
  return typeof v === 'number' && Number.isFinite(v) ? v : null;
};
const fmt = (x: number) => Number(x.toPrecision(3)).toLocaleString('en-GB');

/** Up to five short sentences: the assumptions that matter most for the findings. */
export function keyAssumptions(scenario: unknown): string[] {
  const out: string[] = [];
  const sources = getIn(scenario, ['demand', 'sources']);
  if (Array.isArray(sources)) {
    const perMonth = sources.reduce((a: number, s) => a + (num(s, 'contactsPerMonth') ?? 0), 0);
    out.push(
      `Demand: about ${fmt(perMonth)} contacts a month from ${sources.length} agencies, the same children arriving at the same times in every scenario (common random numbers).`,
    );
  }
  const u = num(scenario, 'frontDoor.unqualifiedScreeningSd');
  const q = num(scenario, 'frontDoor.qualifiedScreeningSd');
  if (u !== null && q !== null)
    out.push(
      `Need is a score from 0 to 100 that staff see with error (standard deviation ${fmt(u)} points for unqualified screeners, ${fmt(q)} for qualified staff); thresholds apply to what they see.`,
    );
  const back = num(scenario, 'reReferral.unmetNeedReturnsPerYear');
  const horizon = num(scenario, 'reReferral.returnHorizonMonths');
  const esc = num(scenario, 'reReferral.escalationOnReturn');
  if (back !== null && horizon !== null)
    out.push(
      `A child whose need is left unmet comes back at a rate of ${fmt(back)} a year for up to ${fmt(horizon)} months${esc !== null ? `, with need ${fmt(esc)} points higher` : ''}: this drives re-referral.`,
    );
  const ia = num(scenario, 'assessment.meanInitialAssessmentWorkingDays');
  const ca = num(scenario, 'assessment.meanCoreAssessmentWorkingDays');
  if (ia !== null && ca !== null)
    out.push(`Assessments take ${fmt(ia)} (initial) and ${fmt(ca)} (core) working days on average, longer when a team is under pressure.`);
  out.push('Numbers come from a model built on published documents (models/ASSUMPTIONS.md), not from case records: weigh differences with practice knowledge.');
  return out.slice(0, 5);
}
