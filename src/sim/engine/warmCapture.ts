import type { StockChild, StockEntity } from '../warmState.ts';
import { activityAt } from './activities.ts';
import { remainingAt } from './casework.ts';
import type { Case, Child, RunState } from './types.ts';

/**
 * Capturing a warm state (src/sim/warmState.ts says what it holds and warmStart.ts how it is
 * used): the slow stocks of a run at a moment, with ages measured back from it.
 */

function stockChild(child: Child, at: number): StockChild {
  return {
    team: child.team,
    need: child.need,
    needMet: child.needMet,
    known: child.known,
    referralAge: at - child.lastReferralAt,
    contactAge: at - child.lastContactAt,
    closureAge: at - child.lastClosedAt,
    closureUnmet: child.lastClosureUnmet,
  };
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
    if (child.returnDue && child.openCases === 0) out.push({ kind: 'returning', child: stockChild(child, at) });
  }
  const service = (c: Case, episode: 'plan' | 'earlyHelp') =>
    out.push({
      kind: 'service',
      episode,
      child: stockChild(c.child, at),
      state: run.machine.stateKey(c.state),
      agency: c.agency,
      plan: c.noted.plan,
      meanMonths: meanMonths(run, c),
    });
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
          out.push({
            kind: 'transfer',
            child: stockChild(c.child, at),
            state: run.machine.stateKey(c.state),
            agency: c.agency,
            plan: c.noted.plan,
            referralAge: at - (Number.isNaN(c.referralAt) ? c.acceptedAt : c.referralAt),
            acceptedAge: at - c.acceptedAt,
            readyAge: at - c.transferRequestedAt,
          });
        }
        continue;
      }
      const underWay = allocated && c.job !== null;
      out.push({
        kind: 'assessment',
        child: stockChild(c.child, at),
        state: run.machine.stateKey(c.allocationState),
        agency: c.agency,
        fastTrack: c.noted.fastTrack,
        allocated,
        referralAge: at - (Number.isNaN(c.referralAt) ? c.acceptedAt : c.referralAt),
        acceptedAge: at - c.acceptedAt,
        initialDeadlineIn: c.initialDeadline - at,
        ...(underWay
          ? {
              inProgress: {
                state: run.machine.stateKey(c.state),
                activity: core ? 'core' : 'initial',
                remainingWorkingHours: remainingAt(run, c, at),
                coreDeadlineIn: core ? c.coreDeadline - at : NaN,
              },
            }
          : {}),
      });
    }
  }
  for (const c of run.inEarlyHelp) service(c, 'earlyHelp');
  return out;
}
