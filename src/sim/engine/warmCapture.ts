import { assessmentStock, inProgressAssessment, returningStock, serviceStock, stockChild, transferStock } from '../stockEntities.ts';
import type { StockChild, StockEntity } from '../warmState.ts';
import { activityAt } from './activities.ts';
import { remainingAt } from './casework.ts';
import type { Case, Child, RunState } from './types.ts';

/**
 * Capturing a warm state (src/sim/warmState.ts says what it holds and warmStart.ts how it is
 * used): the slow stocks of a run at a moment, with ages measured back from it.
 */

function childAt(child: Child, at: number): StockChild {
  return stockChild(
    child.team,
    child.need,
    child.needMet,
    child.known,
    at - child.lastReferralAt,
    at - child.lastContactAt,
    at - child.lastClosedAt,
    child.lastClosureUnmet,
  );
}

/** An episode's mean months, from the activity its state declares. */
function meanMonths(run: RunState, c: Case): number {
  const activity = activityAt(run, c.state)?.activity;
  if (activity?.kind !== 'episode') throw new Error(`case ${c.id}: on a plan or early help in state ${run.machine.stateKey(c.state)}, which is not an episode`);
  return activity.meanMonths(run.scenario);
}

/** Whether case `c` waits in a queue for a long-term place (its state's activity says so; no state is named). */
function awaitsTransfer(run: RunState, c: Case): boolean {
  const activity = activityAt(run, c.state)?.activity;
  return activity?.kind === 'queueForPlace' && activity.pool === 'longTermPlaces' && !Number.isNaN(c.transferRequestedAt);
}

/** The slow stocks at `at`: children due back, open plans and early help, referrals waiting for or in assessment or for transfer. */
export function captureStocks(run: RunState, at: number): StockEntity[] {
  const out: StockEntity[] = [];
  for (const child of run.children.inIdOrder()) {
    if (child.returnDue && child.openCases === 0) out.push(returningStock(childAt(child, at)));
  }
  const service = (c: Case, episode: 'plan' | 'earlyHelp') =>
    out.push(serviceStock(episode, childAt(c.child, at), run.machine.stateKey(c.state), c.agency, c.noted.plan, meanMonths(run, c)));
  for (const team of run.teams) {
    for (const c of team.inPlan) service(c, 'plan');
    for (const c of team.assessing) {
      const allocated = c.worker >= 0;
      const initial = team.initialAssessments.has(c);
      const core = team.coreAssessments.has(c);
      if (allocated && !initial && !core) {
        // Past assessment and still holding the duty place: waiting for a long-term team. Kept
        // with how long it has waited, so a replication starts with the transfer queue it would
        // have (DESIGN.md: the warm start carries the long-term queue).
        if (awaitsTransfer(run, c)) {
          out.push(
            transferStock(
              childAt(c.child, at),
              run.machine.stateKey(c.state),
              c.agency,
              c.noted.plan,
              at - (Number.isNaN(c.referralAt) ? c.acceptedAt : c.referralAt),
              at - c.acceptedAt,
              at - c.transferRequestedAt,
            ),
          );
        }
        continue;
      }
      const underWay = allocated && c.job !== null;
      out.push(
        assessmentStock(
          childAt(c.child, at),
          run.machine.stateKey(c.allocationState),
          c.agency,
          c.noted.fastTrack,
          allocated,
          at - (Number.isNaN(c.referralAt) ? c.acceptedAt : c.referralAt),
          at - c.acceptedAt,
          c.initialDeadline - at,
          underWay
            ? inProgressAssessment(run.machine.stateKey(c.state), core ? 'core' : 'initial', remainingAt(run, c, at), core ? c.coreDeadline - at : NaN)
            : undefined,
        ),
      );
    }
  }
  for (const c of run.inEarlyHelp) service(c, 'earlyHelp');
  return out;
}
