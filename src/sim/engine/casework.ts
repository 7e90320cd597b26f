import { PRIORITY } from '../eventQueue.ts';
import { caseworkCapacity } from '../staff.ts';
import { workingHoursPerYear } from '../workingCalendar.ts';
import { CalendarEvent } from './calendarEvents.ts';
import type { Case, RunState, TeamState } from './types.ts';

/**
 * Social workers' time (issue 12, items 1 and 3; ARCHITECTURE lesson 17, "capacity is time, caps
 * are policy"). Each duty social worker has a desk: the assessments they hold, and the casework
 * hours they have per working hour (their FTE less the share of contracted time that goes on
 * travel, supervision, training and admin). The hours are shared among the assessments by
 * weighted processor sharing (Kleinrock, *Queueing Systems* vol. 2, §4.4, generalised processor
 * sharing, here by strict priority), each assessment capped at its own pace: the hours a working
 * hour it can absorb when its worker has time for it (visits have to be arranged and other
 * agencies' replies awaited, so one case cannot take a whole week of one worker). An assessment
 * alone on a desk therefore takes the scenario's unhurried working days; one that shares a busy
 * worker waits for their time, so overload causes overdue assessments rather than drawing them.
 * The hours go to the assessments in the order the worker took them on (see `share` for why not
 * equal shares).
 *
 * Deadlines change behaviour: an assessment within `deadlineFocusWorkingDays` of its statutory
 * day, or past it, goes before the others, and in the focus days before the deadline it may go at
 * (1 + deadlinePriority) times its pace (the worker writes it up first; DfE statistics show the
 * completions bunching just inside the timescale). With deadlinePriority 0 deadlines change
 * nothing. The size of the pull is an assumption (models/ASSUMPTIONS.md).
 *
 * Equal (or weighted) shares, tried first, let a full team lock up: a worker given eight initial
 * assessments at once after a staffing gap worked on all eight at a third of their pace, each
 * held its place three times as long, and the backlog never cleared though the team's hours
 * were 40% idle (DESIGN.md).
 *
 * Progress is counted in "pace hours": working hours at the assessment's unhurried pace. A desk
 * is brought up to date (`sync`) whenever its set of assessments or their weights change, and one
 * calendar event per desk (`CalendarEvent.desk`) marks the next completion or change of focus;
 * an event whose time no longer matches the desk's `nextAt` is stale and ignored.
 */

/** An assessment under way on a desk. */
export interface Job {
  /** Pace hours of work left (working hours at the unhurried pace). */
  remaining: number;
  /** Casework hours a working hour the assessment takes at its unhurried pace. */
  hoursPerPaceHour: number;
  /** When it enters the deadline focus, and its statutory deadline (hours since the start). */
  focusAt: number;
  deadline: number;
  /** Its speed now, as a multiple of its unhurried pace (0 while it waits for time; above 1 in the deadline focus). */
  speed: number;
}

/** One duty social worker's time. */
export interface Desk {
  /** Index in run.desks (the id of its calendar events). */
  id: number;
  team: number;
  worker: number;
  /** Casework hours per working hour while in post (FTE × (1 − non-case share)); Infinity after leaving (colleagues finish the work). */
  capacity: number;
  inPost: boolean;
  /**
   * Casework hours per working hour taken by plans the worker holds while they wait for a
   * long-term team (`holdPlan`): the child's visits, meetings and reviews go on, and come before
   * assessments (K10 ¶31: duty teams holding cases awaiting transfer).
   */
  held: number;
  /** When the worker came into post (for banking the hours available). */
  since: number;
  jobs: Case[];
  /** When progress was last counted. */
  lastAt: number;
  /** The time of the desk's pending event (NaN: none). */
  nextAt: number;
}

/** Opens the desk of worker `w` of team `t`, in post from now. */
export function openDesk(run: RunState, t: number, w: number): Desk {
  const team = run.teams[t]!;
  const desk: Desk = {
    id: run.desks.length,
    team: t,
    worker: w,
    capacity: caseworkCapacity(team.spec, w),
    inPost: true,
    // NaN first, then 0 below: V8 keeps a field a double only if its first value is one, and a 0
    // here became a fraction with the first plan held, discarding every desk's compiled code.
    held: NaN,
    since: run.queue.now,
    jobs: [],
    lastAt: run.queue.now,
    nextAt: NaN,
  };
  desk.held = 0;
  run.desks.push(desk);
  team.desks[w] = desk;
  return desk;
}

/** Casework hours available to a desk in post over [from, to] that fall in the measured window. */
function bankAvailable(run: RunState, desk: Desk, to: number): void {
  const from = Math.max(desk.since, run.warmupHours);
  if (to > from) run.teams[desk.team]!.windowCaseworkAvailable += desk.capacity * run.calendar.availableHours(from, to);
}

/** Worker `w` of team `t` leaves: their hours are banked, and their assessments run on at their pace (finished by colleagues). */
export function closeDesk(run: RunState, t: number, w: number): void {
  const desk = run.teams[t]!.desks[w]!;
  sync(run, desk);
  bankAvailable(run, desk, Math.min(run.queue.now, run.endHours));
  desk.inPost = false;
  desk.capacity = Infinity;
  reschedule(run, desk);
}

/**
 * Worker `w` of team `t` goes off sick (`away`) or comes back: the hours available so far are
 * banked, and their desk has no casework hours while they are away, so the assessments on it
 * wait for them (engine/workforce.ts sickness). Hours while away are not available hours, so
 * utilisation stays the share of the time at work that was worked.
 */
export function setDeskAway(run: RunState, t: number, w: number, away: boolean): void {
  const desk = run.teams[t]!.desks[w];
  if (!desk || !desk.inPost) return;
  sync(run, desk);
  bankAvailable(run, desk, Math.min(run.queue.now, run.endHours));
  desk.since = run.queue.now;
  desk.capacity = away ? 0 : caseworkCapacity(run.teams[t]!.spec, w);
  reschedule(run, desk);
}

/** At the end of the run: every desk's progress and available hours up to the end. */
export function finishDesks(run: RunState): void {
  for (const desk of run.desks) {
    sync(run, desk);
    if (desk.inPost) bankAvailable(run, desk, run.endHours);
  }
}

/** Counts progress on `desk` from its last update to now (and the in-post worker's hours worked in the window). */
function sync(run: RunState, desk: Desk): void {
  const now = run.queue.now;
  const last = desk.lastAt;
  if (!(now > last)) return;
  desk.lastAt = now;
  if (desk.jobs.length === 0 && desk.held === 0) return;
  const elapsed = run.calendar.availableHours(last, now);
  if (elapsed <= 0) return;
  let hours = Math.min(desk.held, desk.capacity);
  for (const c of desk.jobs) {
    const job = c.job!;
    job.remaining -= job.speed * elapsed;
    hours += job.speed * job.hoursPerPaceHour;
  }
  if (desk.inPost && now > run.warmupHours) {
    const inWindow = last >= run.warmupHours ? elapsed : run.calendar.availableHours(run.warmupHours, now);
    run.teams[desk.team]!.windowCaseworkWorked += hours * inWindow;
  }
}

/** Whether `job` goes first at time `t`: within its deadline focus or past its deadline (never when deadlinePriority is 0). */
function urgent(run: RunState, job: Job, t: number): boolean {
  return run.scenario.assessment.deadlinePriority > 0 && t >= job.focusAt;
}

/** How many times its pace `job` may go at time `t`: (1 + deadlinePriority) in the focus days before its deadline, else 1. */
function boost(run: RunState, job: Job, t: number): number {
  return t >= job.focusAt && t < job.deadline ? 1 + run.scenario.assessment.deadlinePriority : 1;
}

/**
 * Shares the desk's casework hours among its assessments in order (water-filling by priority):
 * urgent ones first (in their deadline focus or past their deadline), then the rest, each in the
 * order the worker took them on; each takes what its pace allows until the hours run out, and
 * the ones after get none for now (K10 ¶31: "cases that were not obviously in crisis were left
 * without a service or significantly reduced contact").
 */
function share(run: RunState, desk: Desk): void {
  const now = run.queue.now;
  let left = Math.max(0, desk.capacity - desk.held);
  for (let pass = 0; pass < 2; pass++) {
    for (const c of desk.jobs) {
      const job = c.job!;
      if (urgent(run, job, now) !== (pass === 0)) continue;
      const pace = boost(run, job, now);
      if (job.hoursPerPaceHour <= 0) {
        job.speed = pace;
        continue;
      }
      const give = Math.min(job.hoursPerPaceHour * pace, left);
      job.speed = give / job.hoursPerPaceHour;
      left -= give;
    }
  }
}

/** Re-shares the desk's hours and puts its next completion or change of focus on the calendar. */
function reschedule(run: RunState, desk: Desk): void {
  const now = run.queue.now;
  share(run, desk);
  let soonestWork = Infinity;
  let soonestFocus = Infinity;
  const focusing = run.scenario.assessment.deadlinePriority > 0;
  for (const c of desk.jobs) {
    const job = c.job!;
    if (job.speed > 0) soonestWork = Math.min(soonestWork, Math.max(0, job.remaining) / job.speed);
    if (focusing) {
      if (job.focusAt > now) soonestFocus = Math.min(soonestFocus, job.focusAt);
      else if (job.deadline > now) soonestFocus = Math.min(soonestFocus, job.deadline);
    }
  }
  const at = Math.min(soonestWork === Infinity ? Infinity : run.calendar.addWorkingHours(now, soonestWork), soonestFocus);
  if (at === Infinity || at > run.endHours) {
    desk.nextAt = NaN;
    return;
  }
  if (at === desk.nextAt) return; // the event already on the calendar is the right one
  desk.nextAt = at;
  run.queue.schedule(at, CalendarEvent.desk, desk.id, PRIORITY.completion);
}

/**
 * Case `c`, whose plan waits for a long-term team, is held by its duty social worker meanwhile:
 * the plan's casework (`hoursPerMonth`, spread over the working hours of an average month) comes
 * off that worker's hours for assessments until `releaseHeldPlan`. Nothing when no worker holds
 * it or the plan takes no hours.
 */
export function holdPlan(run: RunState, c: Case, hoursPerMonth: number): void {
  if (c.worker < 0 || !(hoursPerMonth > 0)) return;
  const desk = run.teams[c.child.team]!.desks[c.worker];
  if (!desk) return;
  sync(run, desk);
  c.heldRate = hoursPerMonth / (workingHoursPerYear(run.scenario.calendar) / 12);
  c.heldOn = desk;
  desk.held += c.heldRate;
  reschedule(run, desk);
}

/** The plan held by case `c`'s duty worker has gone to a long-term team: their hours are free again. */
export function releaseHeldPlan(run: RunState, c: Case): void {
  const desk = c.heldOn;
  if (!desk) return;
  sync(run, desk);
  desk.held = Math.max(0, desk.held - c.heldRate);
  c.heldOn = null;
  c.heldRate = NaN;
  reschedule(run, desk);
}

/** Case `c`, held by a worker of its team, starts an assessment of `job`; the desk's hours are shared again. */
export function startJob(run: RunState, c: Case, job: Job): void {
  const desk = run.teams[c.child.team]!.desks[c.worker]!;
  sync(run, desk);
  c.job = job;
  desk.jobs.push(c);
  reschedule(run, desk);
}

/** Pace hours case `c`'s assessment has left at time `at` ≥ its desk's last update (for warm-state captures). */
export function remainingAt(run: RunState, c: Case, at: number): number {
  const job = c.job!;
  const desk = run.teams[c.child.team]!.desks[c.worker]!;
  return Math.max(0, job.remaining - job.speed * run.calendar.availableHours(desk.lastAt, at));
}

/** Pace hours below which an assessment counts as done (rounding of the calendar arithmetic; about 4 ms). */
const DONE = 1e-6;

/** The desk's event: assessments whose work is done complete now; the rest are shared again. */
export function deskEvent(run: RunState, id: number): void {
  const desk = run.desks[id]!;
  if (run.queue.now !== desk.nextAt) return; // stale: the desk changed after this was scheduled
  desk.nextAt = NaN;
  sync(run, desk);
  const jobs = desk.jobs;
  for (let i = jobs.length - 1; i >= 0; i--) {
    const c = jobs[i]!;
    if (c.job!.remaining <= DONE) {
      jobs.splice(i, 1);
      c.job = null;
      run.queue.schedule(run.queue.now, CalendarEvent.completion, c.slot, PRIORITY.completion);
    }
  }
  reschedule(run, desk);
}

/**
 * The worker a duty manager gives the next referral to: of those in post with a free caseload
 * place, the one with the least casework in hand for their hours (hours of work left on their desk
 * ÷ their casework hours per working hour), so the first to be free; ties go to the most free
 * places, then the lowest index. -1 when nobody has a free place. Allocating by free places alone
 * gave a new starter eleven initial assessments at once while colleagues' time went idle.
 */
export function chooseWorker(team: TeamState): number {
  const places = team.places;
  let best = -1;
  let bestWork = Infinity;
  let bestFree = -1;
  for (let w = 0; w < places.workers; w++) {
    if (!places.hasFreePlace(w)) continue;
    const desk = team.desks[w]!;
    let hours = 0;
    for (const c of desk.jobs) hours += Math.max(0, c.job!.remaining) * c.job!.hoursPerPaceHour;
    const work = hours / desk.capacity;
    const free = places.caps[w]! - places.load[w]!;
    if (work < bestWork - 1e-9 || (Math.abs(work - bestWork) <= 1e-9 && free > bestFree)) {
      best = w;
      bestWork = work;
      bestFree = free;
    }
  }
  return best < 0 ? -1 : places.acquireWorker(best);
}
