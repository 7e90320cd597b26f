import type { AssessmentWork, Episode, StaffWork } from '../../../models/activity.ts';
import { durationStretch, teamPressure } from '../../../models/assessment.rules.ts';
import { firstAssessmentTimescaleWorkingDays, usesSingleAssessment } from '../../scenario/framework.ts';
import { exponential, gamma } from '../distributions.ts';
import { PRIORITY } from '../eventQueue.ts';
import { HOURS_PER_MONTH } from '../workingCalendar.ts';
import { activityOf, factsOf, factsView, routed } from './activities.ts';
import { CalendarEvent, unhandled } from './calendarEvents.ts';
import type { EngineDecision } from '../engine.ts';
import { advance } from './monitors.ts';
import { startJob } from './casework.ts';
import type { Send } from './pools.ts';
import type { ActivityEntry, Case, RunState } from './types.ts';

/**
 * Activities under way: `startWork` begins what the case's state declares (staff hours of work,
 * an assessment, a plan or early help, a delay) and puts its completion on the calendar;
 * `completeActivity` asks the activity's rule for the outcome and sends the completion event.
 */

const facts = factsView();

function complete(run: RunState, c: Case, at: number): void {
  run.queue.schedule(at, CalendarEvent.completion, c.slot, PRIORITY.completion);
}

/** Starts the activity of the state case `c` has just entered. */
export function startWork(run: RunState, c: Case): void {
  const activity = activityOf(run, c, 'work started').activity;
  switch (activity.kind) {
    case 'staffWork':
      return startStaffWork(run, c, activity);
    case 'assessmentWork':
      return startAssessment(run, c, activity);
    case 'episode':
      return startEpisode(run, c, activity);
    case 'delay':
      return complete(run, c, run.queue.now + run.streams.delays.next() * activity.withinHours(run.scenario, factsOf(c, facts)));
    case 'queueForStaff':
    case 'queueForPlace':
      throw new Error(`state ${run.machine.stateKey(c.state)} waits for staff: its entry action must be requestStaff, not startWork`);
    default:
      return unhandled(activity, 'activity');
  }
}

/** Staff hours of work by the member of staff the case was given (a screening, a manager's decision). */
function startStaffWork(run: RunState, c: Case, activity: StaffWork): void {
  const now = run.queue.now;
  const pool = c.staffPool;
  if (!pool) throw new Error(`case ${c.id}: work started in state ${run.machine.stateKey(c.state)} with nobody to do it`);
  const hours = exponential(run.streams.work, activity.meanHours(run.scenario, run.scenario.dutyTeams[c.child.team]!));
  const doneAt = run.calendar.addWorkingHours(now, hours);
  const frontDoor = pool.spec.role === 'frontDoor';
  run.emit({
    kind: 'screened',
    t: now,
    caseId: c.id,
    team: c.child.team,
    by: pool.spec.role,
    hours,
    doneAt,
    qualified: c.staffKind === 'q',
    repeat: activity.repeat(factsOf(c, facts), run.scenario),
  });
  if (frontDoor) c.screenedByFrontDoor = true;
  complete(run, c, doneAt);
}

/**
 * An assessment by the social worker holding the case's place. Its work is gamma (shape
 * `durationShape`) with the scenario's mean hours and goes on the worker's desk (casework.ts),
 * which shares their time with their other assessments: alone on the desk it takes the unhurried
 * working days, stretched by team pressure (the same hours spread over longer).
 */
function startAssessment(run: RunState, c: Case, activity: AssessmentWork): void {
  const now = run.queue.now;
  const team = run.teams[c.child.team]!;
  const a = run.scenario.assessment;
  const calendar = run.calendar;
  let deadline: number;
  let focusAt: number;
  const focusHours = Math.max(0, a.deadlineFocusWorkingDays) * calendar.hoursPerWorkingDay;
  if (activity.timescale === 'initial') {
    if (!run.initialClockFromReferral) c.initialDeadline = calendar.deadline(now, firstAssessmentTimescaleWorkingDays(a));
    deadline = c.initialDeadline;
  } else if (!usesSingleAssessment(a)) {
    c.coreDeadline = calendar.deadline(now, a.coreAssessmentTimescaleWorkingDays);
    deadline = c.coreDeadline;
    team.coreAssessments.add(c);
  } else {
    // Under Working Together 2013 the 'core' stage is the same single assessment carrying on: it
    // keeps its one clock from the referral and stays counted as one open assessment.
    deadline = c.initialDeadline;
  }
  focusAt = calendar.subtractWorkingHours(deadline, focusHours);
  if (!(focusAt < deadline)) focusAt = deadline;
  const pressure = teamPressure(team.held, team.waiting, team.places.places);
  const days = activity.meanWorkingDays(run.scenario);
  const stretch = durationStretch(a, pressure);
  const paceHours = gamma(run.streams.durations, a.durationShape, days) * stretch * calendar.hoursPerWorkingDay;
  const hours = activity.workHours(run.scenario);
  startJob(run, c, {
    remaining: paceHours,
    // Pressure stretches the elapsed time (K10 ¶31: cases wait while crises are dealt with), not
    // the hours of work: stretching the hours too fed back on itself, and a team that filled its
    // places once by chance stayed full with its hours 1.6 times the work (DESIGN.md).
    hoursPerPaceHour: days > 0 ? hours / (days * calendar.hoursPerWorkingDay * stretch) : 0,
    focusAt,
    deadline,
    speed: 0,
  });
}

/** A plan or early help: exponential months of calendar time. */
function startEpisode(run: RunState, c: Case, activity: Episode): void {
  const now = run.queue.now;
  const team = run.teams[c.child.team]!;
  if (activity.episode === 'plan') {
    advance(run, team);
    team.plansOpen++;
    team.inPlan.add(c);
    run.emit({ kind: 'planStarted', t: now, caseId: c.id, team: c.child.team, plan: activity.plan ?? 'childInNeed' });
  } else {
    run.emit({ kind: 'earlyHelpStarted', t: now, caseId: c.id, team: c.child.team });
    run.inEarlyHelp.add(c);
  }
  complete(run, c, now + exponential(run.streams.durations, activity.meanMonths(run.scenario) * HOURS_PER_MONTH));
}

/** The activity of the state case `c` is in is complete: its outcome, then the machine's move. */
export function completeActivity(run: RunState, send: Send, decision: EngineDecision, c: Case): void {
  const entry = activityOf(run, c, 'a completion arrived');
  const activity = entry.activity;
  switch (activity.kind) {
    case 'staffWork':
      return send(c, outcome(entry, activity.decide ? activity.decide(decision.about(c, run.streams.screening, c.staffKind === 'q', false)) : null, c));
    case 'assessmentWork':
      return completeAssessment(run, send, decision, c, entry, activity);
    case 'episode':
      return endEpisode(run, send, c, entry, activity);
    case 'delay':
      return send(c, entry.completed);
    case 'queueForStaff':
    case 'queueForPlace':
      throw new Error(`case ${c.id}: a completion arrived in state ${run.machine.stateKey(c.state)}, which is a queue`);
    default:
      return unhandled(activity, 'activity');
  }
}

/** The event number a completion sends: its route's, or the plain event's. */
function outcome(entry: ActivityEntry, route: string | null, c: Case): number {
  return route === null ? entry.completed : routed(entry.completedByRoute, route, c);
}

function completeAssessment(run: RunState, send: Send, decision: EngineDecision, c: Case, entry: ActivityEntry, activity: AssessmentWork): void {
  const team = run.teams[c.child.team]!;
  const newlyQualified = team.places.newlyQualified[c.worker]!;
  const route = activity.decide ? activity.decide(decision.about(c, run.streams.assessment, true, newlyQualified)) : null;
  const initial = activity.timescale === 'initial';
  const now = run.queue.now;
  if (usesSingleAssessment(run.scenario.assessment)) {
    // One single assessment (Working Together 2013): where the older frameworks would start a
    // core assessment it carries on, so only its end is an assessment completed.
    if (!(initial && route === 'coreAssessment')) {
      run.emit({
        kind: 'assessed',
        t: now,
        caseId: c.id,
        team: c.child.team,
        which: 'single',
        route: route ?? activity.completes,
        inTimescale: now <= c.initialDeadline,
      });
      team.initialAssessments.delete(c);
    }
    return send(c, outcome(entry, route, c));
  }
  run.emit({
    kind: 'assessed',
    t: now,
    caseId: c.id,
    team: c.child.team,
    which: activity.timescale,
    route: route ?? activity.completes,
    inTimescale: now <= (initial ? c.initialDeadline : c.coreDeadline),
  });
  (initial ? team.initialAssessments : team.coreAssessments).delete(c);
  send(c, outcome(entry, route, c));
}

/** A plan or early help ends, with the child's need met or not. */
function endEpisode(run: RunState, send: Send, c: Case, entry: ActivityEntry, activity: Episode): void {
  c.child.needMet = run.streams.assessment.next() < activity.needMetShare(run.scenario);
  if (activity.episode === 'plan') {
    const team = run.teams[c.child.team]!;
    advance(run, team);
    team.plansOpen--;
    team.inPlan.delete(c);
  } else {
    run.inEarlyHelp.delete(c);
  }
  send(c, entry.completed);
}
