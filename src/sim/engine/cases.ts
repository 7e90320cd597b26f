import { nothingNoted, type ClosureStage } from '../../../models/caseJourney.events.ts';
import { closedWithServices, entryRoute } from '../../../models/caseJourney.rules.ts';
import { exponential, normal, pickWeighted } from '../distributions.ts';
import { PRIORITY } from '../eventQueue.ts';
import { HOURS_PER_DAY, HOURS_PER_MONTH, HOURS_PER_YEAR } from '../workingCalendar.ts';
import { CalendarEvent, EngineLimitError } from './calendarEvents.ts';
import type { Send } from './pools.ts';
import { arrivalRate } from './runState.ts';
import type { Case, Child, RunState } from './types.ts';

/**
 * Arrivals and returns: new concerns from each agency (a thinned Poisson process, Lewis and
 * Shedler 1979), duplicate reports of the same incident, children who come back after their case
 * closed, and the closing of a case. Which state a new contact enters is the machine's, from the
 * front door's entry rule (models/caseJourney.rules.ts).
 */

/** Need on the 0-100 scale: draws beyond it are held at its ends. */
export function clampNeed(x: number): number {
  return x < 0 ? 0 : x > 100 ? 100 : x;
}

/** Schedules agency `agency`'s next possible arrival after `from`. */
export function scheduleArrival(run: RunState, agency: number, from: number): void {
  const rate = run.maxArrivalRate[agency]!;
  if (!(rate > 0)) return;
  const at = from + exponential(run.streams.arrivals[agency]!, 1 / rate);
  if (at < run.endHours) run.queue.schedule(at, CalendarEvent.arrival, agency, PRIORITY.arrival);
}

/** A possible arrival from `agency`: thinned to the rate now, then a new child (or one diverted to early help). */
export function arrive(run: RunState, send: Send, agency: number): void {
  const now = run.queue.now;
  const s = run.scenario;
  const stream = run.streams.arrivals[agency]!;
  const accept = stream.next() * run.maxArrivalRate[agency]! < arrivalRate(run, agency, now);
  scheduleArrival(run, agency, now);
  if (!accept) return;
  // A new child: always the same nine draws, so children match across scenarios.
  const draws = run.streams.children;
  const source = s.demand.sources[agency]!;
  const need = clampNeed(normal(draws, s.demand.meanNeedScore + source.needShift, s.demand.needScoreSd));
  const team = pickWeighted(draws, run.teamShares, run.teamShareTotal);
  const known = draws.next() < s.demand.knownChildShare;
  const historic = draws.next();
  const duplicate = draws.next() < s.demand.multiAgencyReportShare;
  const duplicateDelay = draws.next() * s.demand.duplicateWindowDays * HOURS_PER_DAY;
  const duplicateAgency = pickWeighted(draws, run.agencyRates, run.agencyRateTotal);
  const divertDraw = draws.next();
  // The team's spec in the run: a timeline change may have moved its early-help coverage.
  const spec = run.teams[team]!.spec;
  const moderateOnly = need >= s.need.moderateLevel && need < s.need.childInNeedLevel;
  if (moderateOnly && divertDraw < spec.earlyHelpCoverage * s.earlyHelp.upstreamDiversionShare) {
    run.emit({ kind: 'diverted', t: now, child: run.nextChild++, team });
    return;
  }
  const lookback = s.reReferral.historicReferralLookbackMonths * HOURS_PER_MONTH;
  const child = newChild(run, team, need, known);
  child.lastReferralAt = known && lookback > 0 ? now - historic * lookback : -Infinity;
  child.duplicateAgency = duplicateAgency;
  child.slot = run.children.add(child);
  if (duplicate && now + duplicateDelay < run.endHours) {
    child.pending++;
    run.queue.schedule(now + duplicateDelay, CalendarEvent.duplicateReport, child.slot, PRIORITY.arrival);
  }
  openCase(run, send, child, agency, false);
}

/** A child record with nothing yet known about its past (the caller fills what it knows). */
export function newChild(run: RunState, team: number, need: number, known: boolean): Child {
  return {
    id: run.nextChild++,
    slot: -1,
    team,
    need,
    known,
    lastContactAt: -Infinity,
    lastReferralAt: -Infinity,
    openCases: 0,
    pending: 0,
    needMet: false,
    duplicateAgency: 0,
    lastClosedAt: -Infinity,
    lastClosureUnmet: false,
    returnDue: false,
  };
}

/** A new case about `child` in machine state `state` (no record; the caller says what it was). */
export function addCase(run: RunState, child: Child, agency: number, state: number, arrivedAt: number, duplicate: boolean): Case {
  const c: Case = {
    id: run.nextCase++,
    slot: -1,
    child,
    agency,
    state,
    arrivedAt,
    duplicate,
    isReferral: false,
    screenedByFrontDoor: false,
    staffPool: null,
    staffKind: 'u',
    noted: nothingNoted(),
    acceptedAt: NaN,
    referralAt: NaN,
    allocationState: -1,
    initialDeadline: NaN,
    coreDeadline: NaN,
    job: null,
    worker: -1,
    longTermWorker: -1,
    transferRequestedAt: NaN,
    heldOn: null,
    heldRate: NaN,
  };
  c.slot = run.cases.add(c);
  child.openCases++;
  return c;
}

/** A contact about `child` from `agency` starts a new case, entering as the front door's rule says. */
export function openCase(run: RunState, send: Send, child: Child, agency: number, duplicate: boolean): void {
  const now = run.queue.now;
  if (run.cases.size >= run.maxOpenCases) {
    throw new EngineLimitError(
      `stopped at day ${(now / 24).toFixed(0)}: ${run.cases.size.toLocaleString('en-GB')} cases were open at once, ` +
        `most of them in "${busiestState(run)}". Demand far exceeds capacity there; add staff or shorten the run.`,
    );
  }
  const c = addCase(run, child, agency, run.machine.initial, now, duplicate);
  run.emit({
    kind: 'contact',
    t: now,
    caseId: c.id,
    child: child.id,
    team: child.team,
    agency,
    sincePreviousContactHours: now - child.lastContactAt,
    sinceLastClosureHours: now - child.lastClosedAt,
    lastClosureUnmet: child.lastClosureUnmet,
    duplicate,
    trueNeed: child.need,
    known: child.known,
  });
  child.lastContactAt = now;
  send(c, run.contactReceived[entryRoute(run.scenario.frontDoor, child.known)]!);
}

/** The state holding the most open cases, by its practice label (for the guard's message). */
function busiestState(run: RunState): string {
  const counts = new Map<number, number>();
  for (const c of run.cases.inIdOrder()) counts.set(c.state, (counts.get(c.state) ?? 0) + 1);
  let busiest = run.machine.initial;
  let most = -1;
  for (const [state, n] of counts) if (n > most) [busiest, most] = [state, n];
  return run.machine.stateLabel(busiest);
}

/** Closes case `c` at `stage`; the child may come back, sooner when need was left unmet (K10 ¶24). */
export function closeCase(run: RunState, c: Case, stage: ClosureStage): void {
  const child = c.child;
  const now = run.queue.now;
  const s = run.scenario;
  const withServices = closedWithServices(stage);
  if (!withServices) child.needMet = child.need < s.need.moderateLevel;
  run.emit({
    kind: 'closed',
    t: now,
    caseId: c.id,
    child: child.id,
    team: child.team,
    stage,
    unmetNeed: !withServices && child.need >= s.need.childInNeedLevel,
    trueNeed: child.need,
  });
  run.cases.remove(c.slot);
  child.openCases--;
  const linked = stage === 'linked';
  if (!linked) {
    child.lastClosedAt = now;
    child.lastClosureUnmet = !child.needMet && child.need >= s.need.moderateLevel;
  }
  if (!linked && child.openCases === 0) {
    const perYear = returnsPerYear(run, child);
    // Drawn whatever happens, so the stream stays aligned between scenarios.
    const delay = exponential(run.streams.returns, perYear > 0 ? HOURS_PER_YEAR / perYear : 0);
    // Without a horizon every child ever closed would keep coming back, and a long run's demand
    // would grow without bound (events grew with the square of the run's length).
    if (perYear > 0 && delay <= run.returnHorizonHours && now + delay < run.endHours) {
      child.pending++;
      child.returnDue = true;
      run.queue.schedule(now + delay, CalendarEvent.childReturns, child.slot, PRIORITY.arrival);
    }
  }
  forgetIfIdle(run, child);
}

/** How often a closed child comes back: sooner when their need was left unmet. */
export function returnsPerYear(run: RunState, child: Child): number {
  const rr = run.scenario.reReferral;
  const unmet = !child.needMet && child.need >= run.scenario.need.moderateLevel;
  return unmet ? rr.unmetNeedReturnsPerYear : rr.metNeedReturnsPerYear;
}

/** Forgets a child with no open case and nothing about them on the calendar. */
export function forgetIfIdle(run: RunState, child: Child): void {
  if (child.openCases === 0 && child.pending === 0) run.children.remove(child.slot);
}

/** A closed child comes back as a new contact: unmet need has grown; met need is followed, if at all, by a new concern. */
export function childReturns(run: RunState, send: Send, child: Child): void {
  const s = run.scenario;
  child.pending--;
  child.returnDue = false;
  const agency = pickWeighted(run.streams.returns, run.agencyRates, run.agencyRateTotal);
  const fresh = normal(run.streams.returns, s.demand.meanNeedScore, s.demand.needScoreSd);
  if (child.openCases === 0) {
    child.need = child.needMet ? clampNeed(fresh) : clampNeed(child.need + s.reReferral.escalationOnReturn);
    child.needMet = false;
    child.known = true;
  }
  openCase(run, send, child, agency, false);
}

/** A second agency reports an incident already reported. */
export function duplicateReport(run: RunState, send: Send, child: Child): void {
  child.pending--;
  openCase(run, send, child, child.duplicateAgency, true);
}
