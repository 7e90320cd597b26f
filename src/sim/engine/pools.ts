import type { QueueForPlace, QueueForStaff } from '../../../models/activity.ts';
import type { PlacePoolId } from '../../../models/caseJourney.events.ts';
import { SERVER_POOLS } from '../../../models/staffPools.ts';
import { activityOf, factsOf, factsView, routed } from './activities.ts';
import { unhandled } from './calendarEvents.ts';
import { advance } from './monitors.ts';
import { chooseWorker, holdPlan, releaseHeldPlan } from './casework.ts';
import type { Case, RunState, StaffPool, TeamState } from './types.ts';
import { firstAssessmentTimescaleWorkingDays } from '../../scenario/framework.ts';

/**
 * Staff: pools of screeners and managers who take one case at a time (declared in
 * models/staffPools.ts), and caseload places that social workers and long-term teams hold while a
 * case stays in their stage. A queue state's activity names the pool; when a member is free the
 * engine sends the event the activity says, so which state a case waits in is never named here.
 */

/** Sends event number `event` to case `c` (set up by the engine: the machine's transition, then its actions). */
export type Send = (c: Case, event: number) => void;

const facts = factsView();

/** The pool a case from team `team` is served by. */
export function staffPoolFor(run: RunState, activity: QueueForStaff, team: number): StaffPool {
  return run.poolsById[activity.pool][SERVER_POOLS[activity.pool].scope === 'county' ? 0 : team]!;
}

/** Case `c` joins the queue of the staff pool its state waits for. */
export function requestStaff(run: RunState, send: Send, c: Case, activity: QueueForStaff): void {
  const pool = staffPoolFor(run, activity, c.child.team);
  pool.servers.queue.push(c.slot, activity.urgent ? activity.urgent(factsOf(c, facts)) : false);
  serveQueue(run, send, pool);
}

/** Gives waiting cases to free members of `pool`, first come first served (urgent lane first). */
export function serveQueue(run: RunState, send: Send, pool: StaffPool): void {
  const servers = pool.servers;
  while (servers.queue.length > 0) {
    const kind = servers.acquire();
    if (!kind) return;
    const c = run.cases.get(servers.queue.shift());
    c.staffPool = pool;
    c.staffKind = kind;
    send(c, activityOf(run, c, 'staff became free').started);
  }
}

/** The member of staff working on case `c` is free again. */
export function releaseStaff(run: RunState, send: Send, c: Case): void {
  const pool = c.staffPool;
  if (!pool) throw new Error(`case ${c.id}: released staff in state ${run.machine.stateKey(c.state)}, but none was working on it`);
  pool.servers.release(c.staffKind);
  c.staffPool = null;
  serveQueue(run, send, pool);
}

/** Case `c` waits for a caseload place in the pool its state names. */
export function requestPlace(run: RunState, send: Send, c: Case, activity: QueueForPlace): void {
  const team = run.teams[c.child.team]!;
  const urgent = activity.urgent ? activity.urgent(factsOf(c, facts)) : false;
  switch (activity.pool) {
    case 'socialWorkerPlaces':
      return requestAllocation(run, send, c, team, urgent);
    case 'longTermPlaces':
      return requestTransfer(run, send, c, team, urgent);
    default:
      return unhandled(activity.pool, 'place pool');
  }
}

/** Accepted for assessment: the initial-assessment clock may start, and the referral waits for a social worker. */
function requestAllocation(run: RunState, send: Send, c: Case, team: TeamState, urgent: boolean): void {
  const now = run.queue.now;
  const a = run.scenario.assessment;
  advance(run, team);
  c.acceptedAt = now;
  c.allocationState = c.state;
  // The initial-assessment clock starts at the referral (DfE), so a wait for a duty manager or
  // for allocation counts; under 'allocation' it starts when a social worker takes it.
  const from = Number.isNaN(c.referralAt) ? now : c.referralAt;
  c.initialDeadline = run.initialClockFromReferral ? run.calendar.deadline(from, firstAssessmentTimescaleWorkingDays(a)) : NaN;
  team.initialAssessments.add(c);
  team.assessing.add(c);
  team.waiting++;
  run.emit({ kind: 'acceptedForAssessment', t: now, caseId: c.id, team: c.child.team, fastTrack: c.noted.fastTrack });
  team.places.queue.push(c.slot, urgent);
  allocate(run, send, team);
}

/** Allocates waiting referrals, while there are places, each to the social worker with the least work in hand for their hours (casework.ts chooseWorker). */
export function allocate(run: RunState, send: Send, team: TeamState): void {
  while (team.places.queue.length > 0) {
    const worker = chooseWorker(team);
    if (worker < 0) return;
    advance(run, team);
    const c = run.cases.get(team.places.queue.shift());
    c.worker = worker;
    team.waiting--;
    team.held++;
    const now = run.queue.now;
    run.emit({
      kind: 'allocated',
      t: now,
      caseId: c.id,
      team: c.child.team,
      waitHours: now - c.acceptedAt,
      newlyQualified: team.places.newlyQualified[worker]!,
    });
    send(c, startedEvent(run, c));
  }
}

function startedEvent(run: RunState, c: Case): number {
  const entry = activityOf(run, c, 'a place became free');
  const activity = entry.activity;
  if (activity.kind !== 'queueForPlace' || !activity.route) return entry.started;
  return routed(entry.startedByRoute, activity.route(factsOf(c, facts)), c);
}

/** Casework hours a month the plan decided for case `c` takes while its duty worker holds it (scenario services). */
function planHoursPerMonth(run: RunState, c: Case): number {
  const services = run.scenario.services;
  return c.noted.plan === 'childProtectionPlan' ? services.childProtectionPlanHoursPerMonth : services.childInNeedPlanHoursPerMonth;
}

/** A plan is decided: the case waits, still held by its duty worker, for a long-term team (or moves at once where they are not modelled). */
function requestTransfer(run: RunState, send: Send, c: Case, team: TeamState, urgent: boolean): void {
  advance(run, team);
  team.transferring++;
  c.transferRequestedAt = run.queue.now;
  if (team.longTerm) {
    team.longTerm.queue.push(c.slot, urgent);
    transferWaiting(run, send, team);
    // Still waiting (no long-term place): its duty worker carries the plan's casework meanwhile.
    if (c.longTermWorker < 0) holdPlan(run, c, planHoursPerMonth(run, c));
  } else {
    transfer(run, send, c, team, -1);
  }
}

/** Hands a case to a long-term team (worker -1: capacity not modelled). */
function transfer(run: RunState, send: Send, c: Case, team: TeamState, worker: number): void {
  advance(run, team);
  team.transferring--;
  releaseHeldPlan(run, c);
  c.longTermWorker = worker;
  // Only where long-term capacity is modelled is there a wait to record (the usual run emits nothing more).
  if (worker >= 0) {
    const waitHours = run.queue.now - (Number.isNaN(c.transferRequestedAt) ? run.queue.now : c.transferRequestedAt);
    run.emit({ kind: 'transferred', t: run.queue.now, caseId: c.id, team: c.child.team, waitHours });
  }
  send(c, startedEvent(run, c));
}

/**
 * A case carried over by the warm start (engine/warmInject.ts) rejoins its team's queue for a
 * long-term place as if it had asked at `requestedAt`, holding duty place `worker` meanwhile, as
 * a case does that asked in the run. The caller puts cases back oldest first and then calls
 * transferWaiting, so free long-term places go to them in the order they would have.
 */
export function rejoinTransferQueue(run: RunState, c: Case, worker: number, requestedAt: number): void {
  const team = run.teams[c.child.team]!;
  const activity = activityOf(run, c, 'rejoined the transfer queue').activity;
  if (activity.kind !== 'queueForPlace' || activity.pool !== 'longTermPlaces' || !team.longTerm) {
    throw new Error(`case ${c.id}: carried over to wait for a long-term place in state ${run.machine.stateKey(c.state)}, which is not such a queue`);
  }
  advance(run, team);
  c.worker = worker;
  team.held++;
  team.assessing.add(c);
  team.transferring++;
  c.transferRequestedAt = requestedAt;
  holdPlan(run, c, planHoursPerMonth(run, c));
  team.longTerm.queue.push(c.slot, activity.urgent ? activity.urgent(factsOf(c, facts)) : false);
}

/** Hands waiting cases to long-term workers while any has a free place (urgent lane first, then in the order they asked). */
export function transferWaiting(run: RunState, send: Send, team: TeamState): void {
  const longTerm = team.longTerm!;
  while (longTerm.queue.length > 0) {
    const worker = longTerm.acquire();
    if (worker < 0) return;
    transfer(run, send, run.cases.get(longTerm.queue.shift()), team, worker);
  }
}

/** Case `c` leaves the stage that held a place of `pool`: the place is free for the next case. */
export function releasePlace(run: RunState, send: Send, c: Case, pool: PlacePoolId): void {
  const team = run.teams[c.child.team]!;
  switch (pool) {
    case 'socialWorkerPlaces':
      advance(run, team);
      team.places.release(c.worker);
      team.held--;
      team.initialAssessments.delete(c);
      team.coreAssessments.delete(c);
      team.assessing.delete(c);
      c.worker = -1;
      return allocate(run, send, team);
    case 'longTermPlaces':
      if (team.longTerm && c.longTermWorker >= 0) {
        advance(run, team);
        team.longTerm.release(c.longTermWorker);
        c.longTermWorker = -1;
        transferWaiting(run, send, team);
      }
      return;
    default:
      return unhandled(pool, 'place pool');
  }
}
