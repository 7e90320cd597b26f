import type { TeamLevels } from '../records.ts';
import { HOURS_PER_WEEK } from '../workingCalendar.ts';
import { CalendarEvent } from './calendarEvents.ts';
import { PRIORITY } from '../eventQueue.ts';
import type { RunState, TeamState } from './types.ts';
import { finishDesks } from './casework.ts';

/**
 * Monitors: what only the engine can observe, emitted as records so that metrics never read
 * engine state (DESIGN.md 5). Time-weighted levels per team (Law, *Simulation Modeling and
 * Analysis*, §1.4.5) are integrated up to now whenever one of them changes (`advance`), weekly
 * `levels` records, and the final `window` record of time integrals and available hours.
 */

/** Integrates team `team`'s levels up to now (call before changing any of them). */
export function advance(run: RunState, team: TeamState): void {
  const now = run.queue.now;
  const elapsed = now - team.lastChangeAt;
  if (elapsed > 0) {
    team.weekWaitingArea += team.waiting * elapsed;
    const inWindow = Math.max(0, now - Math.max(team.lastChangeAt, run.warmupHours));
    if (now > run.warmupHours) {
      team.windowWaitingArea += team.waiting * inWindow;
      team.windowHeldArea += team.held * inWindow;
      team.windowTransferArea += team.transferring * inWindow;
      team.windowPlansArea += team.plansOpen * inWindow;
    }
    team.lastChangeAt = now;
  }
}

/** Every team's levels now (and the waiting area of the week just ended, which is then reset). */
function levels(run: RunState): TeamLevels[] {
  const now = run.queue.now;
  // Contacts waiting for a screener or a manager (any staff pool), by the child's team.
  const awaitingDecision = run.teams.map(() => 0);
  for (const pool of run.staffPools) for (const slot of pool.servers.queue.ids()) awaitingDecision[run.cases.get(slot).child.team]!++;
  return run.teams.map((team, index) => {
    advance(run, team);
    let initialOverdue = 0;
    for (const c of team.initialAssessments) if (now > c.initialDeadline) initialOverdue++;
    let coreOverdue = 0;
    for (const c of team.coreAssessments) if (now > c.coreDeadline) coreOverdue++;
    const teamLevels: TeamLevels = {
      awaitingAllocation: team.waiting,
      awaitingAllocationArea: team.weekWaitingArea,
      initialAssessmentsOpen: team.initialAssessments.size,
      initialAssessmentsOverdue: initialOverdue,
      coreAssessmentsOpen: team.coreAssessments.size,
      coreAssessmentsOverdue: coreOverdue,
      awaitingTransfer: team.transferring,
      plansOpen: team.plansOpen,
      awaitingDecision: awaitingDecision[index]!,
    };
    team.weekWaitingArea = 0;
    return teamLevels;
  });
}

/** A week has ended: its levels, then the next mark. */
export function weekMark(run: RunState, week: number): void {
  run.emit({ kind: 'levels', t: run.queue.now, week, teams: levels(run) });
  run.week = week + 1;
  const next = (run.week + 1) * HOURS_PER_WEEK;
  if (next <= run.endHours) run.queue.schedule(next, CalendarEvent.weekMark, run.week, PRIORITY.mark);
}

/** Staff hours available to a pool's members, summed by role: the county front door, and each team's managers. */
function availableMembers(run: RunState): { frontDoor: number; managers: number[] } {
  const managers = run.teams.map(() => 0);
  let frontDoor = 0;
  for (const pool of run.staffPools) {
    if (pool.spec.role === 'frontDoor') frontDoor += pool.servers.size;
    else if (pool.team >= 0) managers[pool.team]! += pool.servers.size;
  }
  return { frontDoor, managers };
}

/** Ends the run: the final levels and the window's integrals. */
export function finishRun(run: RunState): void {
  run.queue.now = Math.max(run.queue.now, run.endHours);
  finishDesks(run);
  run.emit({ kind: 'levels', t: run.endHours, week: run.week, teams: levels(run) });
  const hoursEach = run.calendar.availableHours(run.warmupHours, run.endHours);
  const members = availableMembers(run);
  run.emit({
    kind: 'window',
    t: run.endHours,
    fromHours: run.warmupHours,
    toHours: run.endHours,
    frontDoorAvailableHours: hoursEach * members.frontDoor,
    teams: run.teams.map((team, index) => ({
      awaitingAllocationArea: team.windowWaitingArea,
      assessmentsHeldArea: team.windowHeldArea,
      awaitingTransferArea: team.windowTransferArea,
      plansHeldArea: team.longTerm ? team.windowPlansArea : 0,
      caseloadPlaces: team.places.places,
      caseworkHoursWorked: team.windowCaseworkWorked,
      caseworkHoursAvailable: team.windowCaseworkAvailable,
      filledPosts: team.filledPosts,
      longTermWorkers: team.longTerm ? team.spec.longTermSocialWorkers : 0,
      managerAvailableHours: hoursEach * members.managers[index]!,
    })),
  });
  run.done = true;
}
