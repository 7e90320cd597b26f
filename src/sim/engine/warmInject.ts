import { poisson, truncatedExponentialAt } from '../distributions.ts';
import { PRIORITY } from '../eventQueue.ts';
import { createStream } from '../rng.ts';
import type { InProgressAssessment, StockChild, WarmState } from '../warmState.ts';
import { HOURS_PER_MONTH, HOURS_PER_YEAR } from '../workingCalendar.ts';
import { CalendarEvent } from './calendarEvents.ts';
import { addCase, forgetIfIdle, newChild, returnsPerYear } from './cases.ts';
import { advance } from './monitors.ts';
import { allocate, rejoinTransferQueue, transferWaiting, type Send } from './pools.ts';
import { startJob } from './casework.ts';
import type { Case, Child, RunState } from './types.ts';

/**
 * Placing a warm state before time 0: Poisson(1/snapshots) copies of each entity, with residual
 * times drawn from this replication's own `warmStart` stream (returns and episodes end at
 * exponential times, memoryless; referrals waiting rejoin the allocation queue; assessments under
 * way carry on with the work they had left and their deadlines; cases waiting for a long-term
 * place, and plans beyond the long-term teams' places, rejoin the transfer queue holding a duty
 * place, in the order they asked). Entities for teams this
 * scenario does not have are dropped. States are named by the template's keys, never here.
 */

function childFrom(run: RunState, stock: StockChild): Child {
  const child = newChild(run, stock.team, stock.need, stock.known);
  child.lastContactAt = -stock.contactAge;
  child.lastReferralAt = -stock.referralAge;
  child.needMet = stock.needMet;
  child.lastClosedAt = -stock.closureAge;
  child.lastClosureUnmet = stock.closureUnmet;
  return child;
}

/** A case carried over in machine state `state` (recorded as `carriedOver` at time 0). */
function carriedOver(run: RunState, child: Child, agency: number, state: string): Case {
  child.slot = run.children.add(child);
  const c = addCase(run, child, Math.min(agency, run.scenario.demand.sources.length - 1), run.machine.stateIndex(state), 0, false);
  run.emit({ kind: 'carriedOver', t: 0, caseId: c.id, child: child.id, team: child.team, agency: c.agency, state, trueNeed: child.need, known: child.known });
  return c;
}

function dropCarriedOver(run: RunState, c: Case): void {
  run.cases.remove(c.slot);
  c.child.openCases--;
  forgetIfIdle(run, c.child);
}

/** Puts an injected case back into the assessment it was doing at the capture, with the worker's place, its deadlines and the hours it had left. */
function carryOnAssessment(run: RunState, c: Case, worker: number, progress: InProgressAssessment): void {
  const team = run.teams[c.child.team]!;
  advance(run, team);
  c.worker = worker;
  team.held++;
  team.assessing.add(c);
  if (progress.activity === 'core') {
    c.coreDeadline = progress.coreDeadlineIn;
    team.coreAssessments.add(c);
  } else {
    team.initialAssessments.add(c);
  }
  const a = run.scenario.assessment;
  const core = progress.activity === 'core';
  const deadline = core ? c.coreDeadline : c.initialDeadline;
  const focusHours = Math.max(0, a.deadlineFocusWorkingDays) * run.calendar.hoursPerWorkingDay;
  const focusAt = Number.isFinite(deadline) ? run.calendar.subtractWorkingHours(deadline, focusHours) : Infinity;
  const days = core ? a.meanCoreAssessmentWorkingDays : a.meanInitialAssessmentWorkingDays;
  const hours = core ? a.coreAssessmentWorkHours : a.initialAssessmentWorkHours;
  startJob(run, c, {
    remaining: Math.max(0, progress.remainingWorkingHours),
    hoursPerPaceHour: days > 0 ? hours / (days * run.calendar.hoursPerWorkingDay) : 0,
    focusAt: Math.min(focusAt, deadline),
    deadline,
    speed: 0,
  });
}

/** A case carried over to wait for a long-term place, and when it asked for one. */
interface ToTransfer {
  c: Case;
  requestedAt: number;
}

/** Places warm state `warm` before the run's time 0. */
export function injectWarmState(run: RunState, send: Send, warm: WarmState): void {
  const draws = createStream(run.seed, 'warmStart');
  const mean = 1 / Math.max(1, warm.snapshots);
  // Every entity's copies and residual are drawn first, in the template's order (so the stream
  // stays aligned whatever is placed), and the entities are then placed in three passes: children
  // due back and episodes; then cases waiting for a long-term place, which take their duty places
  // before any assessment does (they held them first); then assessments.
  const n = warm.entities.length;
  const copiesOf = new Uint32Array(n);
  const residualOf = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    copiesOf[i] = poisson(draws, mean);
    residualOf[i] = draws.next();
  }
  const toTransfer: ToTransfer[] = [];
  let transferState: string | undefined;
  const transferStateKey = (): string => {
    if (transferState !== undefined) return transferState;
    const keys = run.machine.statesWhere((a) => a.kind === 'queueForPlace' && a.pool === 'longTermPlaces');
    if (keys.length !== 1) throw new Error(`the case journey has ${keys.length} states that wait for a long-term place, not one`);
    return (transferState = keys[0]!);
  };

  for (let i = 0; i < n; i++) {
    const e = warm.entities[i]!;
    const copies = copiesOf[i]!;
    const residualU = residualOf[i]!;
    if (copies === 0 || e.child.team >= run.teams.length || e.kind === 'assessment') continue;
    const team = run.teams[e.child.team]!;
    // Where long-term places are not modelled nobody waits for one (and templates hold none).
    if (e.kind === 'transfer' && !team.longTerm) continue;
    for (let k = 0; k < copies; k++) {
      const child = childFrom(run, e.child);
      if (e.kind === 'returning') {
        const perYear = returnsPerYear(run, child);
        const left = run.returnHorizonHours - e.child.closureAge;
        if (!(perYear > 0) || !(left > 0)) continue;
        const delay = truncatedExponentialAt(residualU, HOURS_PER_YEAR / perYear, left);
        child.slot = run.children.add(child);
        if (delay < run.endHours) {
          child.pending++;
          child.returnDue = true;
          run.queue.schedule(delay, CalendarEvent.childReturns, child.slot, PRIORITY.arrival);
        }
        forgetIfIdle(run, child);
        continue;
      }
      if (e.kind === 'transfer') {
        const c = carriedOver(run, child, e.agency, e.state);
        c.noted.plan = e.plan;
        c.referralAt = -e.referralAge;
        c.acceptedAt = -e.acceptedAge;
        c.isReferral = true;
        toTransfer.push({ c, requestedAt: -e.readyAge });
        continue;
      }
      if (e.episode === 'plan' && team.longTerm) {
        const longTermWorker = team.longTerm.acquire();
        if (longTermWorker < 0) {
          // This replication drew more plans than the long-term teams hold (its draws vary as a
          // steady stock does): the surplus waits for a place, held on duty, as a case would in
          // the run, asking at time 0 (after the cases captured waiting, who asked before).
          const c = carriedOver(run, child, e.agency, transferStateKey());
          c.noted.plan = e.plan;
          toTransfer.push({ c, requestedAt: 0 });
          continue;
        }
        const c = carriedOver(run, child, e.agency, e.state);
        c.noted.plan = e.plan;
        c.longTermWorker = longTermWorker;
        team.plansOpen++;
        team.inPlan.add(c);
        run.queue.schedule(truncatedExponentialAt(residualU, e.meanMonths * HOURS_PER_MONTH, Infinity), CalendarEvent.completion, c.slot, PRIORITY.completion);
        continue;
      }
      const c = carriedOver(run, child, e.agency, e.state);
      c.noted.plan = e.plan;
      if (e.episode === 'earlyHelp') {
        run.inEarlyHelp.add(c);
      } else {
        team.plansOpen++;
        team.inPlan.add(c);
      }
      run.queue.schedule(truncatedExponentialAt(residualU, e.meanMonths * HOURS_PER_MONTH, Infinity), CalendarEvent.completion, c.slot, PRIORITY.completion);
    }
  }

  // The transfer queue, in the order its cases asked (a stable sort keeps the template's order among ties).
  toTransfer.sort((a, b) => a.requestedAt - b.requestedAt);
  for (const { c, requestedAt } of toTransfer) {
    const worker = run.teams[c.child.team]!.places.acquire();
    // Only if this replication drew more cases than the duty team has places is there none left.
    if (worker < 0) dropCarriedOver(run, c);
    else rejoinTransferQueue(run, c, worker, requestedAt);
  }
  for (const team of run.teams) if (team.longTerm) transferWaiting(run, send, team);

  for (let i = 0; i < n; i++) {
    const e = warm.entities[i]!;
    const copies = copiesOf[i]!;
    if (copies === 0 || e.child.team >= run.teams.length || e.kind !== 'assessment') continue;
    const team = run.teams[e.child.team]!;
    for (let k = 0; k < copies; k++) {
      const child = childFrom(run, e.child);
      // An assessment under way carries on with a social worker if a place is free (the
      // replication's own draws may carry over more than the team holds); otherwise it waits.
      const worker = e.inProgress ? team.places.acquire() : -1;
      const c = carriedOver(run, child, e.agency, worker >= 0 ? e.inProgress!.state : e.state);
      c.noted.fastTrack = e.fastTrack;
      c.referralAt = -e.referralAge;
      c.acceptedAt = -e.acceptedAge;
      c.allocationState = run.machine.stateIndex(e.state);
      c.initialDeadline = e.initialDeadlineIn;
      c.isReferral = true;
      if (worker >= 0) {
        carryOnAssessment(run, c, worker, e.inProgress!);
      } else {
        team.initialAssessments.add(c);
        team.assessing.add(c);
        team.waiting++;
        team.places.queue.push(c.slot, e.allocated || e.fastTrack);
      }
    }
  }
  for (const team of run.teams) allocate(run, send, team);
}
