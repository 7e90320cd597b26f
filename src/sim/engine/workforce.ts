import type { Scenario } from '../../scenario/schema.ts';
import { excessPressure, teamPressure } from '../../../models/assessment.rules.ts';
import { exponential } from '../distributions.ts';
import { PRIORITY } from '../eventQueue.ts';
import { createStream, type Stream } from '../rng.ts';
import { agencyWorkersBought, coverPicks } from '../staff.ts';
import { HOURS_PER_DAY, HOURS_PER_MONTH, HOURS_PER_WEEK, HOURS_PER_YEAR } from '../workingCalendar.ts';
import { CalendarEvent } from './calendarEvents.ts';
import { closeDesk, openDesk, setDeskAway } from './casework.ts';
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
 * Also: standing agency cover bought by a yearly budget (agency workers fill vacant posts while
 * the budget pays for them, and go when a permanent recruit arrives), turnover that rises with a
 * team's workload pressure, and sickness absence (an absent worker takes no new case).
 *
 * Nothing here runs when the scenario has no turnover, no maturing, no agency budget, no sickness
 * and no dated staffing change (`createWorkforce` returns null), so the usual run pays nothing.
 */

type Step =
  | { kind: 'turnover'; generation: number }
  | { kind: 'refill'; team: number }
  | { kind: 'mature'; team: number; worker: number }
  | { kind: 'agencyStart'; team: number; count: number; weeks: number; cover: boolean }
  | { kind: 'agencyEnd'; team: number; worker: number }
  | { kind: 'pressure' }
  | { kind: 'sickness'; generation: number }
  | { kind: 'back'; team: number; worker: number };

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
  /** Agency workers the yearly budget keeps in post (0: no standing cover). */
  readonly agencyCover: number;
  /** Per team, the budget's agency workers in post (worker indices) and those engaged but not yet started. */
  readonly coverInPost: number[][];
  readonly coverPending: number[];
  /** Only the latest sickness draw counts (like turnover). */
  sicknessGeneration: number;
}

/** Weeks between re-draws of the leaving clock when turnover follows workload pressure. */
const PRESSURE_CHECK_HOURS = HOURS_PER_WEEK;

/** Whether a run of `scenario` needs a changing workforce at all. */
function needed(scenario: Scenario, steadyOnly: boolean): boolean {
  const w = scenario.workforce;
  if (w.annualTurnoverRate > 0 || w.newlyQualifiedProtectionMonths > 0 || w.sicknessAbsenceShare > 0) return true;
  if (w.agencyBudgetPerYear > 0 && w.agencyHourlyCost > 0) return true;
  if (steadyOnly) return false;
  return scenario.timeline.changes.some((c) => c.change === 'socialWorkersLeave' || c.change === 'socialWorkersJoin' || c.change === 'agencyWorkersStart');
}

/** The workforce state of a run (null when nothing about it changes). */
export function createWorkforce(
  scenario: Scenario,
  teams: readonly TeamState[],
  seed: number,
  steadyOnly: boolean,
  workingHoursPerYear: number,
): WorkforceRun | null {
  if (!needed(scenario, steadyOnly)) return null;
  const w = scenario.workforce;
  return {
    agencyCover: agencyWorkersBought(w.agencyBudgetPerYear, w.agencyHourlyCost, workingHoursPerYear),
    coverInPost: teams.map(() => []),
    coverPending: teams.map(() => 0),
    sicknessGeneration: 0,
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
  const spec = run.scenario.workforce;
  if (spec.annualTurnoverRate > 0 && spec.turnoverPerPressure > 0) schedule(run, run.queue.now + PRESSURE_CHECK_HOURS, { kind: 'pressure' });
  // Standing cover is in post from the start, as it would be in the steady state.
  coverVacancies(run, 0);
  redrawSickness(run);
}

/**
 * How many times the annual turnover rate team `t` leaves at: 1, or more with its workload
 * pressure above the knee when turnover follows workload (workforce.turnoverPerPressure).
 */
function turnoverWeight(run: RunState, team: TeamState): number {
  const k = run.scenario.workforce.turnoverPerPressure;
  if (!(k > 0)) return 1;
  return 1 + k * excessPressure(run.scenario.assessment, teamPressure(team.held, team.waiting, team.places.places));
}

/**
 * Draws when the next permanent worker leaves, at the county's current headcount and, where
 * turnover follows workload, the teams' current pressure (re-drawn weekly: the clock is
 * memoryless, so re-drawing at a piecewise-constant rate is exact).
 */
function redrawTurnover(run: RunState): void {
  const wf = run.workforce!;
  const rate = run.scenario.workforce.annualTurnoverRate;
  if (!(rate > 0)) return;
  wf.turnoverGeneration++;
  if (wf.permanentInPost <= 0) return;
  let weighted = 0;
  run.teams.forEach((team, t) => (weighted += permanentCount(run, t) * turnoverWeight(run, team)));
  if (!(weighted > 0)) return;
  const gap = exponential(wf.stream, HOURS_PER_YEAR / (rate * weighted));
  schedule(run, run.queue.now + gap, { kind: 'turnover', generation: wf.turnoverGeneration });
}

/** Workers in post and not off sick, across the county. */
function presentCount(run: RunState): number {
  let n = 0;
  for (const team of run.teams) for (let w = 0; w < team.places.workers; w++) if (team.places.inPost(w) && !team.places.isAway(w)) n++;
  return n;
}

/** Calendar hours of one sickness absence: its working days over the calendar's working week. */
function spellHours(run: RunState): number {
  const days = run.scenario.workforce.sicknessSpellWorkingDays;
  const perWeek = run.scenario.calendar.mode === 'always' ? 7 : run.scenario.calendar.workingDaysPerWeek;
  return (days * 7 * HOURS_PER_DAY) / perWeek;
}

/**
 * Draws when the next absence begins. Each worker alternates between time at work (mean P) and
 * an absence (mean A, exponential), so the share of time absent is A / (A + P) = the scenario's
 * share: P = A (1 − share) / share. The county's clock runs at (workers present) / P.
 */
function redrawSickness(run: RunState): void {
  const wf = run.workforce!;
  const share = run.scenario.workforce.sicknessAbsenceShare;
  if (!(share > 0)) return;
  wf.sicknessGeneration++;
  const present = presentCount(run);
  if (present <= 0) return;
  const atWork = (spellHours(run) * (1 - share)) / share;
  schedule(run, run.queue.now + exponential(wf.stream, atWork / present), { kind: 'sickness', generation: wf.sicknessGeneration });
}

/**
 * Engages agency workers for vacant duty posts while the budget's standing cover has room: the
 * team with the most posts neither filled nor about to be filled first. `lagHours` is the start
 * lag (0 at the start of a run, when the cover is already in post).
 */
function coverVacancies(run: RunState, lagHours: number): void {
  const wf = run.workforce!;
  let room = wf.agencyCover;
  if (room <= 0) return;
  run.teams.forEach((_, t) => (room -= wf.coverInPost[t]!.length + wf.coverPending[t]!));
  if (room <= 0) return;
  const uncovered = run.teams.map((team, t) => team.spec.socialWorkerPosts - team.filledPosts - wf.coverPending[t]!);
  for (const t of coverPicks(uncovered, room)) {
    wf.coverPending[t]!++;
    schedule(run, run.queue.now + lagHours, { kind: 'agencyStart', team: t, count: 1, weeks: 0, cover: true });
  }
}

/** A permanent recruit has filled a post in team `t`: one of the budget's agency workers there goes, if the team is now over its posts. */
function releaseCover(run: RunState, t: number): void {
  const wf = run.workforce!;
  const team = run.teams[t]!;
  const cover = wf.coverInPost[t]!;
  if (cover.length === 0 || team.filledPosts <= team.spec.socialWorkerPosts) return;
  leave(run, t, cover.pop()!);
}

function coverLagHours(run: RunState): number {
  return run.scenario.workforce.agencyStartLagDays * HOURS_PER_DAY;
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

/** Tells the records how team `t` is staffed now. */
function emitStaffing(run: RunState, t: number, left: boolean): void {
  const team = run.teams[t]!;
  let absent = 0;
  for (let w = 0; w < team.places.workers; w++) if (team.places.isAway(w)) absent++;
  run.emit({ kind: 'staffing', t: run.queue.now, team: t, inPost: team.filledPosts, agencyInPost: run.workforce!.agencyInPost[t]!, absent, left });
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
  emitStaffing(run, t, true);
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
  emitStaffing(run, t, false);
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
  redrawSickness(run);
  coverVacancies(run, coverLagHours(run));
}

/** `count` permanent duty social workers join team `t` now. */
export function socialWorkersJoin(run: RunState, send: Send, t: number, count: number, newlyQualified: boolean): void {
  for (let i = 0; i < count; i++) {
    join(run, send, t, newlyQualified, false);
    releaseCover(run, t);
  }
  redrawTurnover(run);
  redrawSickness(run);
}

/** `count` agency social workers are engaged for team `t`; they take cases after the start-up lag, for `weeks` (0: to the end). */
export function agencyWorkersStart(run: RunState, t: number, count: number, weeks: number): void {
  schedule(run, run.queue.now + coverLagHours(run), { kind: 'agencyStart', team: t, count, weeks, cover: false });
}

/** A workforce step on the calendar is due. */
export function workforceStep(run: RunState, send: Send, id: number): void {
  const wf = run.workforce!;
  const step = wf.steps[id]!;
  switch (step.kind) {
    case 'turnover': {
      if (step.generation !== wf.turnoverGeneration) return;
      // Each permanent worker in post leaves at their team's rate (equal, unless turnover follows workload).
      const weights = run.teams.map((team, t) => permanentCount(run, t) * turnoverWeight(run, team));
      let x = wf.stream.next() * weights.reduce((a, b) => a + b, 0);
      for (let t = 0; t < run.teams.length; t++) {
        const n = permanentCount(run, t);
        if (n > 0 && (x < weights[t]! || t === run.teams.length - 1)) {
          leave(run, t, permanentWorker(run, t, Math.min(n - 1, Math.floor((x / weights[t]!) * n))));
          schedule(run, run.queue.now + run.scenario.workforce.recruitmentLagDays * HOURS_PER_DAY, { kind: 'refill', team: t });
          break;
        }
        x -= weights[t]!;
      }
      redrawSickness(run);
      coverVacancies(run, coverLagHours(run));
      return redrawTurnover(run);
    }
    case 'refill': {
      // The recruit is newly qualified as often as the team's workforce is.
      const nq = wf.stream.next() < run.teams[step.team]!.spec.newlyQualifiedShare;
      join(run, send, step.team, nq, false);
      releaseCover(run, step.team);
      redrawSickness(run);
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
      if (step.cover) {
        wf.coverPending[step.team]!--;
        // A permanent recruit filled the post during the start lag: this engagement is not needed here.
        const team = run.teams[step.team]!;
        if (team.filledPosts >= team.spec.socialWorkerPosts) return coverVacancies(run, coverLagHours(run));
      }
      for (let i = 0; i < step.count; i++) {
        const w = join(run, send, step.team, false, true);
        if (step.cover) wf.coverInPost[step.team]!.push(w);
        if (step.weeks > 0) schedule(run, run.queue.now + step.weeks * HOURS_PER_WEEK, { kind: 'agencyEnd', team: step.team, worker: w });
      }
      return redrawSickness(run);
    case 'agencyEnd':
      if (run.teams[step.team]!.places.inPost(step.worker)) leave(run, step.team, step.worker);
      return redrawSickness(run);
    case 'pressure':
      redrawTurnover(run);
      schedule(run, run.queue.now + PRESSURE_CHECK_HOURS, { kind: 'pressure' });
      return;
    case 'sickness': {
      if (step.generation !== wf.sicknessGeneration) return;
      // Each worker present is equally likely to be the one who goes off sick.
      let k = Math.floor(wf.stream.next() * presentCount(run));
      for (let t = 0; t < run.teams.length; t++) {
        const places = run.teams[t]!.places;
        for (let w = 0; w < places.workers; w++) {
          if (!places.inPost(w) || places.isAway(w)) continue;
          if (k-- > 0) continue;
          advance(run, run.teams[t]!);
          places.away(w);
          setDeskAway(run, t, w, true);
          emitStaffing(run, t, false);
          schedule(run, run.queue.now + exponential(wf.stream, spellHours(run)), { kind: 'back', team: t, worker: w });
          return redrawSickness(run);
        }
      }
      return redrawSickness(run);
    }
    case 'back': {
      const team = run.teams[step.team]!;
      if (!team.places.isAway(step.worker)) return redrawSickness(run);
      advance(run, team);
      team.places.back(step.worker);
      setDeskAway(run, step.team, step.worker, false);
      emitStaffing(run, step.team, false);
      allocate(run, send, team);
      return redrawSickness(run);
    }
  }
}
