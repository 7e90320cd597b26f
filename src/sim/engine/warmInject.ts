import { poisson, truncatedExponentialAt } from '../distributions.ts';
import { PRIORITY } from '../eventQueue.ts';
import { createStream } from '../rng.ts';
import type { InProgressAssessment, StockChild, WarmState } from '../warmState.ts';
import { HOURS_PER_MONTH, HOURS_PER_YEAR } from '../workingCalendar.ts';
import { CalendarEvent } from './calendarEvents.ts';
import { addCase, forgetIfIdle, newChild, returnsPerYear } from './cases.ts';
import { advance } from './monitors.ts';
import { allocate, type Send } from './pools.ts';
import { startJob } from './casework.ts';
import type { Case, Child, RunState } from './types.ts';

/**
 * Placing a warm state before time 0: Poisson(1/snapshots) copies of each entity, with residual
 * times drawn from this replication's own `warmStart` stream (returns and episodes end at
 * exponential times, memoryless; referrals waiting rejoin the allocation queue; assessments under
 * way carry on with the work they had left and their deadlines). Entities for teams this
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

/** Places warm state `warm` before the run's time 0. */
export function injectWarmState(run: RunState, send: Send, warm: WarmState): void {
  const draws = createStream(run.seed, 'warmStart');
  const mean = 1 / Math.max(1, warm.snapshots);
  for (const e of warm.entities) {
    const copies = poisson(draws, mean);
    const residualU = draws.next(); // drawn whatever happens, so the stream stays aligned
    if (copies === 0 || e.child.team >= run.teams.length) continue;
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
      const team = run.teams[child.team]!;
      // An assessment under way carries on with a social worker if a place is free (the
      // replication's own draws may carry over more than the team holds); otherwise it waits.
      const worker = e.kind === 'assessment' && e.inProgress ? team.places.acquire() : -1;
      const c = carriedOver(run, child, e.agency, e.kind === 'assessment' && worker >= 0 ? e.inProgress!.state : e.state);
      if (e.kind === 'service') {
        c.noted.plan = e.plan;
        if (e.episode === 'earlyHelp') {
          run.inEarlyHelp.add(c);
        } else {
          if (team.longTerm) {
            const longTermWorker = team.longTerm.acquire();
            if (longTermWorker < 0) {
              dropCarriedOver(run, c);
              continue;
            }
            c.longTermWorker = longTermWorker;
          }
          team.plansOpen++;
          team.inPlan.add(c);
        }
        run.queue.schedule(truncatedExponentialAt(residualU, e.meanMonths * HOURS_PER_MONTH, Infinity), CalendarEvent.completion, c.slot, PRIORITY.completion);
        continue;
      }
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
