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
export function keyAssumptions(scenario: unknown, simulatedContactsPerMonth: number | null = null): string[] {
  const out: string[] = [];
  const sources = getIn(scenario, ['demand', 'sources']);
  if (Array.isArray(sources)) {
    // The scenario's rates are new concerns; the front door also sees children coming back and
    // second reports of one incident, which the simulation adds (the results' contacts a month).
    const perMonth = sources.reduce((a: number, s) => a + (num(s, 'contactsPerMonth') ?? 0), 0);
    const seen =
      simulatedContactsPerMonth !== null && Number.isFinite(simulatedContactsPerMonth)
        ? `; with the children who come back and second reports of the same incident, ${fmt(simulatedContactsPerMonth)} contacts a month reach the baseline’s front door`
        : ' (children who come back and second reports of the same incident add to these)';
    out.push(
      `Demand: about ${fmt(perMonth)} new concerns a month from ${sources.length} agencies${seen}. The same children arrive at the same times in every scenario (common random numbers).`,
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
  const assessments = assessmentSentence(scenario);
  if (assessments) out.push(assessments);
  out.push('Numbers come from a model built on published documents (models/ASSUMPTIONS.md), not from case records: weigh differences with practice knowledge.');
  return out.slice(0, 5);
}

/**
 * How long assessments take, in the framework's words: initial and core assessments before
 * Working Together 2013, one single assessment from then on (one that goes further, where a core
 * assessment would have followed, carries on for the core assessment's days and hours too).
 */
function assessmentSentence(scenario: unknown): string | null {
  const ia = num(scenario, 'assessment.meanInitialAssessmentWorkingDays');
  const ca = num(scenario, 'assessment.meanCoreAssessmentWorkingDays');
  if (ia === null || ca === null) return null;
  const iaHours = num(scenario, 'assessment.initialAssessmentWorkHours');
  const caHours = num(scenario, 'assessment.coreAssessmentWorkHours');
  const hours = (days: number, h: number | null, whose = ' of a social worker’s time') =>
    `${fmt(days)} working days${h !== null ? ` and ${fmt(h)} hours${whose}` : ''}`;
  const longer = 'when the worker has the hours; longer when a team is under pressure or short of time';
  if (getIn(scenario, ['assessment', 'framework']) === 'wt2013') {
    const further = hours(ia + ca, iaHours !== null && caHours !== null ? iaHours + caHours : null, '');
    return `A single assessment takes about ${hours(ia, iaHours)}, or ${further} where it goes further, ${longer}.`;
  }
  return `An initial assessment takes about ${hours(ia, iaHours)} and a core assessment ${hours(ca, caHours, '')}, ${longer}.`;
}
