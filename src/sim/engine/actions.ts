import type { EngineActionObject } from '../../../models/caseJourney.events.ts';
import { activityOf } from './activities.ts';
import { unhandled } from './calendarEvents.ts';
import { closeCase } from './cases.ts';
import { releasePlace, releaseStaff, requestPlace, requestStaff, type Send } from './pools.ts';
import type { Case, RunState } from './types.ts';
import { startWork } from './work.ts';

/**
 * The machine's actions, carried out. Each action in models/caseJourney.events.ts ENGINE_ACTIONS
 * has a case here; the switch is `never`-checked, so an action nobody handles fails to compile.
 * What an action does in a state comes from the state's declared activity, never from its name.
 */

/** A machine that sends events to cases: takes the transition, reports it, and carries out its actions. */
export function sender(run: RunState): Send {
  const send: Send = (c, event) => {
    const step = run.machine.stepId(c.state, event);
    if (run.onTransition) run.onTransition(run.queue.now, c.id, run.machine.stateKey(c.state), run.machine.stateKey(step.next));
    c.state = step.next;
    for (const action of step.actions) act(run, send, c, action);
  };
  return send;
}

/** Carries out one of the machine's actions for case `c`. */
export function act(run: RunState, send: Send, c: Case, action: EngineActionObject): void {
  switch (action.type) {
    case 'requestStaff': {
      const activity = activityOf(run, c, 'staff were requested').activity;
      if (activity.kind === 'queueForStaff') return requestStaff(run, send, c, activity);
      if (activity.kind === 'queueForPlace') return requestPlace(run, send, c, activity);
      throw new Error(`state ${run.machine.stateKey(c.state)} requests staff but declares ${activity.kind}, not a queue`);
    }
    case 'startWork':
      return startWork(run, c);
    case 'releaseStaff':
      return releaseStaff(run, send, c);
    case 'releasePlace':
      return releasePlace(run, send, c, action.params.pool);
    case 'recordReferral':
      return recordReferral(run, c);
    case 'recordDecision':
      return recordDecision(run, c, action.params.route);
    case 'recordSentBack':
      return run.emit({ kind: 'returnedForReclassification', t: run.queue.now, caseId: c.id, team: c.child.team });
    case 'note':
      Object.assign(c.noted, action.params);
      return;
    case 'closeCase':
      return closeCase(run, c, action.params.stage);
    default:
      return unhandled(action, 'engine action');
  }
}

/** Records the case as a referral, once (a case the centre classified and a manager accepted is one referral). */
function recordReferral(run: RunState, c: Case): void {
  if (c.isReferral) return;
  const now = run.queue.now;
  const child = c.child;
  c.isReferral = true;
  run.emit({ kind: 'referral', t: now, caseId: c.id, child: child.id, team: child.team, sincePreviousReferralHours: now - child.lastReferralAt });
  child.lastReferralAt = now;
  c.referralAt = now;
}

/** Records the decision on a contact, with its wait and whether it met the decision timescale. */
function recordDecision(run: RunState, c: Case, route: string): void {
  const now = run.queue.now;
  const deadline = run.calendar.deadline(c.arrivedAt, run.scenario.assessment.decisionTimescaleWorkingDays);
  run.emit({ kind: 'decided', t: now, caseId: c.id, team: c.child.team, route, waitHours: now - c.arrivedAt, inTimescale: now <= deadline });
}
