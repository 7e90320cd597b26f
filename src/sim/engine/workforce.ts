import type { Scenario } from '../../scenario/schema.ts';
import { exponential } from '../distributions.ts';
import { PRIORITY } from '../eventQueue.ts';
import { createStream, type Stream } from '../rng.ts';
import { HOURS_PER_DAY, HOURS_PER_MONTH, HOURS_PER_WEEK, HOURS_PER_YEAR } from '../workingCalendar.ts';
import { CalendarEvent } from './calendarEvents.ts';
import { closeDesk, openDesk } from './casework.ts';
import { advance } from './monitors.ts';
import { allocate, type Send } from './pools.ts';
import type { RunState, TeamState } from './types.ts';

/**
 * A duty workforce that changes during a run (issue 12 item 4): leavers at the annual turnover
 * rate (each permanent worker in post leaves at a Poisson rate), posts filled again after the
 * recruitment lag, newly qualified workers leaving their protected caseload cap, agency workers
 * who start after a lag, and the timeline's dated leavers and joiners (engine/timeline.ts). A
 * leaver's assessments are finished by colleagues, over their caps, and free no place when they
 * close (staff.ts Caseloads.retire): the team has fewer places from the day the worker goes.
 *
 * Nothing here runs when the scenario has no turnover, no maturing and no dated staffing change
 * (`createWorkforce` returns null), so the usual run pays nothing for it.
 */

type Step =
  | { kind: 'turnover'; generation: number }
  | { kind: 'refill'; team: number }
  | { kind: 'mature'; team: number; worker: number }
  | { kind: 'agencyStart'; team: number; count: number; weeks: number }
  | { kind: 'agencyEnd'; team: number; worker: number };

export interface WorkforceRun {
  /** Steps on the calendar, by the id their event carries. */
  readonly steps: Step[];
  /** Per team, whether each worker (by Caseloads index) is an agency worker. */
  readonly agency: boolean[][];
  readonly stream: Stream;
  /** Permanent workers in post across the county (the turnover process's population). */
  permanentInPost: number;
  /** Only the latest turnover draw counts: a change in headcount redraws it (memoryless, so exact). */
  turnoverGeneration: number;
  /** Agency workers in post, by team. */
  readonly agencyInPost: number[];
}

/** Whether a run of `scenario` needs a changing workforce at all. */
function needed(scenario: Scenario, steadyOnly: boolean): boolean {
  const w = scenario.workforce;
  if (w.annualTurnoverRate > 0 || w.newlyQualifiedProtectionMonths > 0) return true;
  if (steadyOnly) return false;
  return scenario.timeline.changes.some((c) => c.change === 'socialWorkersLeave' || c.change === 'socialWorkersJoin' || c.change === 'agencyWorkersStart');
}

/** The workforce state of a run (null when nothing about it changes). */
export function createWorkforce(scenario: Scenario, teams: readonly TeamState[], seed: number, steadyOnly: boolean): WorkforceRun | null {
  if (!needed(scenario, steadyOnly)) return null;
  return {
    steps: [],
    agency: teams.map((t) => t.places.caps.map(() => false)),
    stream: createStream(seed, 'workforce'),
    permanentInPost: teams.reduce((n, t) => n + t.places.workers, 0),
    turnoverGeneration: 0,
    agencyInPost: teams.map(() => 0),
  };
}

function schedule(run: RunState, at: number, step: Step): void {
  if (at >= run.endHours) return;
  const wf = run.workforce!;
  run.queue.schedule(at, CalendarEvent.workforce, wf.steps.length, PRIORITY.arrival);
  wf.steps.push(step);
}

/** Starts the steady processes: the first turnover draw, and the protection left to each newly qualified worker in post. */
export function startWorkforce(run: RunState): void {
  const wf = run.workforce;
  if (!wf) return;
  const months = run.scenario.workforce.newlyQualifiedProtectionMonths;
  if (months > 0) {
    run.teams.forEach((team, t) => {
      team.places.newlyQualified.forEach((nq, w) => {
        // Those in post at the start joined at even times over the protection period.
        if (nq) schedule(run, run.queue.now + wf.stream.next() * months * HOURS_PER_MONTH, { kind: 'mature', team: t, worker: w });
      });
    });
  }
  redrawTurnover(run);
}

/** Draws when the next permanent worker leaves, at the county's current headcount. */
function redrawTurnover(run: RunState): void {
  const wf = run.workforce!;
  const rate = run.scenario.workforce.annualTurnoverRate;
  if (!(rate > 0)) return;
  wf.turnoverGeneration++;
  if (wf.permanentInPost <= 0) return;
  const gap = exponential(wf.stream, HOURS_PER_YEAR / (rate * wf.permanentInPost));
  schedule(run, run.queue.now + gap, { kind: 'turnover', generation: wf.turnoverGeneration });
}

/** The index of the `k`-th permanent worker in post in team `t`, or -1. */
function permanentWorker(run: RunState, t: number, k: number): number {
  const places = run.teams[t]!.places;
  const agency = run.workforce!.agency[t]!;
  for (let w = 0; w < places.workers; w++) {
    if (places.inPost(w) && !agency[w]) {
      if (k === 0) return w;
      k--;
    }
  }
  return -1;
}

function permanentCount(run: RunState, t: number): number {
  const places = run.teams[t]!.places;
  const agency = run.workforce!.agency[t]!;
  let n = 0;
  for (let w = 0; w < places.workers; w++) if (places.inPost(w) && !agency[w]) n++;
  return n;
}

/** Worker `w` of team `t` leaves now. */
function leave(run: RunState, t: number, w: number): void {
  const team = run.teams[t]!;
  const wf = run.workforce!;
  advance(run, team);
  team.places.retire(w);
  closeDesk(run, t, w);
  team.filledPosts--;
  if (wf.agency[t]![w]) wf.agencyInPost[t]!--;
  else wf.permanentInPost--;
  run.emit({ kind: 'staffing', t: run.queue.now, team: t, inPost: team.filledPosts, agencyInPost: wf.agencyInPost[t]!, left: true });
}

/** A worker joins team `t` now (a newly qualified one with the protected cap); waiting referrals are allocated. */
function join(run: RunState, send: Send, t: number, newlyQualified: boolean, agency: boolean): number {
  const team = run.teams[t]!;
  const wf = run.workforce!;
  advance(run, team);
  const w = team.places.addWorker(newlyQualified ? team.spec.newlyQualifiedCaseloadCap : team.spec.caseloadCap, newlyQualified);
  openDesk(run, t, w);
  wf.agency[t]!.push(agency);
  team.filledPosts++;
  if (agency) wf.agencyInPost[t]!++;
  else wf.permanentInPost++;
  run.emit({ kind: 'staffing', t: run.queue.now, team: t, inPost: team.filledPosts, agencyInPost: wf.agencyInPost[t]!, left: false });
  const months = run.scenario.workforce.newlyQualifiedProtectionMonths;
  if (newlyQualified && months > 0) schedule(run, run.queue.now + months * HOURS_PER_MONTH, { kind: 'mature', team: t, worker: w });
  allocate(run, send, team);
  return w;
}

/** `count` permanent duty social workers of team `t` leave now (fewer if fewer are in post); each post is filled again after the lag if `refilled`. */
export function socialWorkersLeave(run: RunState, t: number, count: number, refilled: boolean): void {
  const wf = run.workforce!;
  const lag = run.scenario.workforce.recruitmentLagDays * HOURS_PER_DAY;
  for (let i = 0; i < count; i++) {
    const n = permanentCount(run, t);
    if (n === 0) break;
    leave(run, t, permanentWorker(run, t, Math.floor(wf.stream.next() * n)));
    if (refilled) schedule(run, run.queue.now + lag, { kind: 'refill', team: t });
  }
  redrawTurnover(run);
}

/** `count` permanent duty social workers join team `t` now. */
export function socialWorkersJoin(run: RunState, send: Send, t: number, count: number, newlyQualified: boolean): void {
  for (let i = 0; i < count; i++) join(run, send, t, newlyQualified, false);
  redrawTurnover(run);
}

/** `count` agency social workers are engaged for team `t`; they take cases after the start-up lag, for `weeks` (0: to the end). */
export function agencyWorkersStart(run: RunState, t: number, count: number, weeks: number): void {
  schedule(run, run.queue.now + run.scenario.workforce.agencyStartLagDays * HOURS_PER_DAY, { kind: 'agencyStart', team: t, count, weeks });
}

/** A workforce step on the calendar is due. */
export function workforceStep(run: RunState, send: Send, id: number): void {
  const wf = run.workforce!;
  const step = wf.steps[id]!;
  switch (step.kind) {
    case 'turnover': {
      if (step.generation !== wf.turnoverGeneration) return;
      // Each permanent worker in post is equally likely to be the one who leaves.
      let k = Math.floor(wf.stream.next() * wf.permanentInPost);
      for (let t = 0; t < run.teams.length; t++) {
        const n = permanentCount(run, t);
        if (k < n) {
          leave(run, t, permanentWorker(run, t, k));
          schedule(run, run.queue.now + run.scenario.workforce.recruitmentLagDays * HOURS_PER_DAY, { kind: 'refill', team: t });
          break;
        }
        k -= n;
      }
      return redrawTurnover(run);
    }
    case 'refill': {
      // The recruit is newly qualified as often as the team's workforce is.
      const nq = wf.stream.next() < run.teams[step.team]!.spec.newlyQualifiedShare;
      join(run, send, step.team, nq, false);
      return redrawTurnover(run);
    }
    case 'mature': {
      const team = run.teams[step.team]!;
      if (!team.places.inPost(step.worker)) return;
      advance(run, team);
      team.places.raiseCap(step.worker, team.spec.caseloadCap, false);
      allocate(run, send, team);
      return;
    }
    case 'agencyStart':
      for (let i = 0; i < step.count; i++) {
        const w = join(run, send, step.team, false, true);
        if (step.weeks > 0) schedule(run, run.queue.now + step.weeks * HOURS_PER_WEEK, { kind: 'agencyEnd', team: step.team, worker: w });
      }
      return;
    case 'agencyEnd':
      if (run.teams[step.team]!.places.inPost(step.worker)) leave(run, step.team, step.worker);
      return;
  }
}
