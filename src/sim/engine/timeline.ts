import { daysBetween, daysFromCivil, civilFromDays, parseIsoDate } from '../../scenario/calendarDates.ts';
import type { Scenario, TimelineChange } from '../../scenario/schema.ts';
import { PRIORITY } from '../eventQueue.ts';
import { HOURS_PER_DAY } from '../workingCalendar.ts';
import { CalendarEvent } from './calendarEvents.ts';
import type { Send } from './pools.ts';
import type { RunState } from './types.ts';
import { agencyWorkersStart, socialWorkersJoin, socialWorkersLeave, workforceStep } from './workforce.ts';
import { allocate } from './pools.ts';
import { advance } from './monitors.ts';

/**
 * The scenario's timeline (issue 12 item 5): dated changes to staffing, thresholds, early help and
 * demand, and monthly seasonality of each agency's contacts. Dates are calendar dates; the first
 * measured day (after the warm-up) is `timeline.startDate`. The warm-start template never runs
 * the dated timeline (warmStart.ts passes `steadyOnly`): it is the steady system the replication
 * starts from, and the replication's measured window is where dated changes apply.
 */

/** Where the run's days sit on the calendar: day `d` of the run is `firstDay + d` days since 1970. */
export interface RunCalendar {
  /** Hours of warm-up before the timeline's start date. */
  warmupHours: number;
  /** Whole days of the run before the start date (the table's offset). */
  offsetDays: number;
}

/** The measured day (0 = the start date) of change `c`. */
export function changeDay(scenario: Scenario, c: TimelineChange): number {
  return daysBetween(scenario.timeline.startDate, c.date);
}

/** The hour of the run at which change `c` takes effect. */
export function changeHours(scenario: Scenario, c: TimelineChange, warmupHours: number): number {
  return warmupHours + changeDay(scenario, c) * HOURS_PER_DAY;
}

function hasSeasonality(scenario: Scenario): boolean {
  return scenario.demand.sources.some((s) => s.monthlyFactors.some((f) => f !== 1));
}

/**
 * Each agency's multiple of its contact rate on each day of the run, indexed by
 * `floor((t - warmupHours) / 24) + offsetDays`: the month's seasonal factor times the product of
 * the demand steps dated on or before that day. Null when every factor is 1 (the usual case costs
 * nothing). The template run (`steadyOnly`) has no calendar, so it has no table.
 */
export function demandTable(scenario: Scenario, endHours: number, warmupHours: number, steadyOnly: boolean): Float64Array[] | null {
  if (steadyOnly) return null;
  const steps = scenario.timeline.changes.filter((c): c is Extract<TimelineChange, { change: 'demand' }> => c.change === 'demand' && c.factor !== 1);
  if (!steps.length && !hasSeasonality(scenario)) return null;
  const offsetDays = Math.ceil(warmupHours / HOURS_PER_DAY);
  const days = offsetDays + Math.ceil((endHours - warmupHours) / HOURS_PER_DAY) + 1;
  const start = daysFromCivil(parseIsoDate(scenario.timeline.startDate)!);
  const step = new Float64Array(days).fill(1);
  for (const c of steps) {
    const from = Math.max(0, offsetDays + changeDay(scenario, c));
    for (let d = from; d < days; d++) step[d]! *= c.factor;
  }
  const month = new Uint8Array(days);
  for (let d = 0; d < days; d++) month[d] = civilFromDays(start + d - offsetDays).month - 1;
  return scenario.demand.sources.map((s) => {
    const t = new Float64Array(days);
    for (let d = 0; d < days; d++) t[d] = step[d]! * s.monthlyFactors[month[d]!]!;
    return t;
  });
}

/** The table's index for hour `t`. */
export function demandDay(run: Pick<RunState, 'warmupHours'>, t: number): number {
  return Math.floor((t - run.warmupHours) / HOURS_PER_DAY) + Math.ceil(run.warmupHours / HOURS_PER_DAY);
}

/** The largest day factor in an agency's table (for the thinning bound). */
export function maxFactor(table: Float64Array): number {
  let m = 0;
  for (const x of table) if (x > m) m = x;
  return m;
}

/** Puts the timeline's dated changes on the calendar (not in a steady-only template run). */
export function scheduleTimeline(run: RunState, steadyOnly: boolean): void {
  if (steadyOnly) return;
  run.scenario.timeline.changes.forEach((c, i) => {
    if (c.change === 'demand') return; // in the demand table
    const at = changeHours(run.scenario, c, run.warmupHours);
    if (at >= run.queue.now && at < run.endHours) run.queue.schedule(at, CalendarEvent.timelineChange, i, PRIORITY.arrival);
  });
}

/** The teams a change names ("all": every team). */
function teamsOf(run: RunState, team: string): number[] {
  if (team === 'all') return run.teams.map((_, i) => i);
  const i = run.scenario.dutyTeams.findIndex((t) => t.name === team);
  return i >= 0 ? [i] : [];
}

/** A dated change or a workforce step is due (the engine's one call for both). */
export function timelineEvent(run: RunState, send: Send, kind: number, id: number): void {
  if (kind === CalendarEvent.timelineChange) applyChange(run, send, id);
  else workforceStep(run, send, id);
}

/** Change number `index` of the timeline takes effect now. */
export function applyChange(run: RunState, send: Send, index: number): void {
  const c = run.scenario.timeline.changes[index]!;
  switch (c.change) {
    case 'socialWorkersLeave':
      for (const t of teamsOf(run, c.team)) socialWorkersLeave(run, t, c.count, c.refilled);
      return;
    case 'socialWorkersJoin':
      for (const t of teamsOf(run, c.team)) socialWorkersJoin(run, send, t, c.count, c.newlyQualified);
      return;
    case 'agencyWorkersStart':
      for (const t of teamsOf(run, c.team)) agencyWorkersStart(run, t, c.count, c.weeks);
      return;
    case 'threshold':
      // The team's spec is replaced, not mutated: the scenario object is shared between runs.
      for (const t of teamsOf(run, c.team)) run.teams[t]!.spec = { ...run.teams[t]!.spec, threshold: c.threshold };
      return;
    case 'earlyHelpCoverage':
      for (const t of teamsOf(run, c.team)) run.teams[t]!.spec = { ...run.teams[t]!.spec, earlyHelpCoverage: c.coverage };
      return;
    case 'demand':
      return;
  }
}

/** A team's waiting referrals go to any places a change freed. */
export function refill(run: RunState, send: Send, team: number): void {
  const t = run.teams[team]!;
  advance(run, t);
  allocate(run, send, t);
}
