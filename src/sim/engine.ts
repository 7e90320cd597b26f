import { caseJourneyMachine } from '../../models/caseJourney.machine.ts';
import type { EngineAction, EntryRoute, PlanRoute } from '../../models/caseJourney.events.ts';
import {
  CORE_ASSESSMENT_ROUTES,
  ENTRY_ROUTES,
  INITIAL_ASSESSMENT_ROUTES,
  PLAN_ROUTES,
  REVIEW_ROUTES,
  SCREENING_ROUTES,
} from '../../models/caseJourney.events.ts';
import { combinedSd, screeningRoute } from '../../models/contactCentre.rules.ts';
import { reviewRoute } from '../../models/dutyTeam.rules.ts';
import {
  coreAssessmentRoute,
  durationStretch,
  initialAssessmentRoute,
  prematureClosureChance,
  teamPressure,
} from '../../models/assessment.rules.ts';
import type { Scenario } from '../scenario/schema.ts';
import { CompiledMachine } from './compiledMachine.ts';
import { exponential, gamma, normal, pickWeighted, poisson, truncatedExponentialAt } from './distributions.ts';
import { EventQueue, PRIORITY } from './eventQueue.ts';
import type { ClosureStage, RecordSink, SimRecord, TeamLevels } from './records.ts';
import { createStream, type Stream } from './rng.ts';
import { SlotTable } from './slotTable.ts';
import { Caseloads, countyStaffing, ServerPool } from './staff.ts';
import { HOURS_PER_DAY, HOURS_PER_MONTH, HOURS_PER_WEEK, WorkingTime } from './workingCalendar.ts';
import type { InProgressAssessment, StockChild, StockEntity, WarmState } from './warmState.ts';

/**
 * The discrete-event engine. It owns time and chance: it samples arrivals, durations and
 * perceptions, asks the rules for decisions, sends the outcome to the case journey machine,
 * and carries out the actions the machine returns. It has no timers: the caller steps it.
 */

const HOURS_PER_YEAR = 365.25 * 24;

// Event kinds on the calendar.
const K_ARRIVAL = 0; // id: agency index
const K_DONE = 1; // id: case id; the case's current activity is complete
const K_RETURN = 2; // id: child id; the child comes back as a new contact
const K_DUPLICATE = 3; // id: child id; a second agency reports the same incident
const K_WEEK = 4; // id: week index

/** A child in the run (kept only while a case is open or an event about them is pending). */
interface Child {
  id: number;
  /** Where the child lives in the run's table of children (reused after the child is forgotten). */
  slot: number;
  team: number;
  need: number;
  known: boolean;
  lastContactAt: number;
  lastReferralAt: number;
  openCases: number;
  pending: number;
  needMet: boolean;
  duplicateAgency: number;
  /** When the child's last case closed (not counting a contact linked to an open case). */
  lastClosedAt: number;
  /** Whether that closure left a need of moderate level or above unmet. */
  lastClosureUnmet: boolean;
  /** A return (not a duplicate report) is on the calendar. */
  returnDue: boolean;
}

/** One contact's journey. */
interface Case {
  id: number;
  /** Where the case lives in the run's table of open cases; queues and the calendar hold slots. */
  slot: number;
  child: Child;
  agency: number;
  state: number;
  arrivedAt: number;
  duplicate: boolean;
  isReferral: boolean;
  screenedByFrontDoor: boolean;
  screener: 'u' | 'q' | null;
  fastTrack: boolean;
  acceptedAt: number;
  /** When the machine recorded this case as a referral (NaN if it never was). */
  referralAt: number;
  /** The state in which the case asked for allocation (-1 before), for warm-state captures. */
  allocationState: number;
  iaDeadline: number;
  caDeadline: number;
  /** When the assessment under way completes (NaN when none is), for warm-state captures. */
  activityDoneAt: number;
  worker: number;
  /** The plan an assessment decided on, while the case waits for transfer. */
  plan: PlanRoute;
  /** A known child's contact or referral the front door passed to a duty manager to screen again (K10 ¶25). */
  knownRescreen: boolean;
  /** The long-term worker holding the plan (-1 when long-term capacity is not modelled). */
  longTermWorker: number;
  closure: ClosureStage;
}

/** Options for one run. */
export interface RunOptions {
  /** Length of the run in days. */
  days: number;
  /** Days at the start excluded from window metrics (series still show them). */
  warmupDays?: number;
  /** The replication's seed (required: there is no default chance). */
  seed: number;
  /** Receives every record as it is produced. */
  onRecord?: RecordSink;
  /**
   * Receives every state change of every case (for animation and teaching views): the time,
   * the case id, and the state keys before and after (e.g. `contactCentre.screening`).
   */
  onTransition?: (t: number, caseId: number, from: string, to: string) => void;
  /**
   * Stocks to start from instead of an empty system (warmStart.ts): children due back, open
   * plans and early help, referrals waiting for or in assessment. Without it the run starts empty.
   */
  warmStart?: WarmState;
  /** Guard: stop with an error after this many events (default 50 million). */
  maxEvents?: number;
  /**
   * Guard: stop with an error when this many cases are open at once (default 250,000: about ten
   * years of a large county's referrals piling up, and some 60 MB, safe in a browser worker).
   */
  maxOpenCases?: number;
}

/** What a case looks like from outside, for snapshots (trainer view, tests). */
export interface CaseView {
  id: number;
  child: number;
  team: number;
  agency: number;
  state: string;
  trueNeed: number;
  arrivedAt: number;
}

/** A stepping run of one replication. */
export interface Run {
  /** Simulated hours since the start. */
  readonly now: number;
  /** Hours at which the run ends. */
  readonly endHours: number;
  /** Events processed so far. */
  readonly events: number;
  /** Machine transitions taken so far. */
  readonly transitions: number;
  /** Processes the next event; false when the run has ended (and the final records are out). */
  step(): boolean;
  /** Processes every event up to time `t` hours (capped at the end). */
  runUntil(t: number): void;
  /** Runs to the end. */
  runToEnd(): void;
  /** Whether the run has ended. */
  readonly done: boolean;
  /** The open cases now. */
  openCases(): CaseView[];
  /** The slow stocks now, with ages measured back from `atHours` (for warm-start templates). */
  stocks(atHours: number): StockEntity[];
  /** The case journey machine's state key for each state index (for views). */
  readonly machine: CompiledMachine;
}

/** Thrown when a guard stops a runaway run; the message says what blew up. */
export class EngineLimitError extends Error {
  override name = 'EngineLimitError';
}

let compiled: CompiledMachine | null = null;
/** The shared compiled machine (its table fills as states are visited). */
export function compiledJourney(): CompiledMachine {
  compiled ??= new CompiledMachine(caseJourneyMachine);
  return compiled;
}

/** Event numbers in the compiled table, looked up once. */
function eventIds(m: CompiledMachine) {
  const routes = <T extends string>(type: string, rs: readonly T[]) =>
    Object.fromEntries(rs.map((route) => [route, m.eventId({ type, route } as never)])) as Record<T, number>;
  return {
    CONTACT_RECEIVED: routes('CONTACT_RECEIVED', ENTRY_ROUTES),
    SCREENED: routes('SCREENED', SCREENING_ROUTES),
    REVIEWED: routes('REVIEWED', REVIEW_ROUTES),
    INITIAL_ASSESSMENT_COMPLETED: routes('INITIAL_ASSESSMENT_COMPLETED', INITIAL_ASSESSMENT_ROUTES),
    CORE_ASSESSMENT_COMPLETED: routes('CORE_ASSESSMENT_COMPLETED', CORE_ASSESSMENT_ROUTES),
    TRANSFERRED: routes('TRANSFERRED', PLAN_ROUTES),
    SCREENING_STARTED: m.eventId({ type: 'SCREENING_STARTED' }),
    REVIEW_STARTED: m.eventId({ type: 'REVIEW_STARTED' }),
    RECLASSIFICATION_STARTED: m.eventId({ type: 'RECLASSIFICATION_STARTED' }),
    RECLASSIFIED: m.eventId({ type: 'RECLASSIFIED' }),
    ALLOCATED: m.eventId({ type: 'ALLOCATED' }),
    PLAN_ENDED: m.eventId({ type: 'PLAN_ENDED' }),
    EARLY_HELP_ENDED: m.eventId({ type: 'EARLY_HELP_ENDED' }),
  };
}

/** Creates a run of `scenario` on `opts.seed`. */
export function createRun(scenario: Scenario, opts: RunOptions): Run {
  const machine = compiledJourney();
  const EV = eventIds(machine);
  const startTransitions = machine.transitions;
  const s = scenario;
  const cal = new WorkingTime(s.calendar);
  const endHours = opts.days * HOURS_PER_DAY;
  const warmupHours = Math.min(endHours, (opts.warmupDays ?? 0) * HOURS_PER_DAY);
  const maxEvents = opts.maxEvents ?? 50_000_000;
  const maxOpen = opts.maxOpenCases ?? 250_000;
  const emit: RecordSink = opts.onRecord ?? (() => {});
  const q = new EventQueue();

  // Named streams: agencies' arrivals each get their own so demand is common across scenarios.
  const arrivals = s.demand.sources.map((_, i) => createStream(opts.seed, 'arrivals', i));
  const rChildren = createStream(opts.seed, 'children');
  const rScreen = createStream(opts.seed, 'screening');
  const rWork = createStream(opts.seed, 'work');
  const rAssess = createStream(opts.seed, 'assessment');
  const rDur = createStream(opts.seed, 'durations');
  const rReturn = createStream(opts.seed, 'returns');

  const fd = s.frontDoor;
  const central = fd.structure === 'contactCentre' || fd.structure === 'singleQualified';
  const frontDoor = new ServerPool(central ? fd.unqualifiedScreeners : 0, central ? fd.qualifiedScreeners : 0);
  const teamShares = s.dutyTeams.map((t) => t.demandShare);
  const teamShareTotal = teamShares.reduce((a, b) => a + b, 0);
  const agencyRates = s.demand.sources.map((a) => a.contactsPerMonth);
  const agencyRateTotal = agencyRates.reduce((a, b) => a + b, 0);
  const entryRoute: EntryRoute = central ? 'screen' : fd.structure === 'districtDuty' ? 'dutyScreen' : 'direct';
  const knownScreenedOnceByManager = fd.structure === 'contactCentre' && !fd.knownChildrenRescreened;

  const longTermModelled = s.services.longTermCapacity === 'caseloadCaps';
  const staffed = countyStaffing(s.dutyTeams);
  const teams = s.dutyTeams.map((t, i) => {
    const st = staffed[i]!;
    return {
      spec: t,
      managers: new ServerPool(0, t.managers),
      caseloads: new Caseloads(st.filled, st.nq, t.caseloadCap, t.newlyQualifiedCaseloadCap),
      longTerm: longTermModelled ? new Caseloads(t.longTermSocialWorkers, 0, t.longTermCaseloadCap, t.longTermCaseloadCap) : null,
      transferring: 0,
      plansOpen: 0,
      winTransferArea: 0,
      filled: st.filled,
      ia: new Set<Case>(),
      ca: new Set<Case>(),
      /** Cases holding or waiting for a duty social worker's place (for warm-state captures). */
      assessing: new Set<Case>(),
      /** Cases on a child-in-need or child protection plan. */
      inPlan: new Set<Case>(),
      winPlansArea: 0,
      // Time-weighted monitors (Law §1.4.5): level, last change, week area, window areas.
      waiting: 0,
      held: 0,
      lastT: 0,
      weekWaitArea: 0,
      winWaitArea: 0,
      winHeldArea: 0,
    };
  });
  type Team = (typeof teams)[number];

  const children = new SlotTable<Child>();
  const cases = new SlotTable<Case>();
  const inEarlyHelp = new Set<Case>();
  const iaClockFromReferral = s.assessment.initialAssessmentClockStartsAt === 'referral';
  let nextChild = 0;
  let nextCase = 0;
  let events = 0;
  let done = false;
  let week = 0;

  const record = (r: SimRecord) => emit(r);

  // ---- time-weighted monitors -------------------------------------------------------------
  function advance(tm: Team): void {
    const t = q.now;
    const dt = t - tm.lastT;
    if (dt > 0) {
      tm.weekWaitArea += tm.waiting * dt;
      const w = Math.max(0, t - Math.max(tm.lastT, warmupHours));
      if (t > warmupHours) {
        tm.winWaitArea += tm.waiting * w;
        tm.winHeldArea += tm.held * w;
        tm.winTransferArea += tm.transferring * w;
        tm.winPlansArea += tm.plansOpen * w;
      }
      tm.lastT = t;
    }
  }

  // ---- arrivals -----------------------------------------------------------------------------
  const returnHorizonHours = s.reReferral.returnHorizonMonths * HOURS_PER_MONTH;
  const trend = s.demand.trendPerYear;
  const rateAt = (i: number, t: number) => (agencyRates[i]! / HOURS_PER_MONTH) * Math.max(0, 1 + (trend * t) / HOURS_PER_YEAR);
  const maxRate = agencyRates.map((_, i) => Math.max(rateAt(i, 0), rateAt(i, endHours)));

  function scheduleArrival(i: number, from: number): void {
    const lam = maxRate[i]!;
    if (!(lam > 0)) return;
    const t = from + exponential(arrivals[i]!, 1 / lam);
    if (t < endHours) q.schedule(t, K_ARRIVAL, i, PRIORITY.arrival);
  }

  function onArrival(agency: number): void {
    const t = q.now;
    const stream = arrivals[agency]!;
    const accept = stream.next() * maxRate[agency]! < rateAt(agency, t); // thinning (Lewis and Shedler 1979)
    scheduleArrival(agency, t);
    if (!accept) return;
    // A new child: always the same nine draws, so children match across scenarios.
    const src = s.demand.sources[agency]!;
    const need = clampNeed(normal(rChildren, s.demand.meanNeedScore + src.needShift, s.demand.needScoreSd));
    const team = pickWeighted(rChildren, teamShares, teamShareTotal);
    const known = rChildren.next() < s.demand.knownChildShare;
    const historic = rChildren.next();
    const dup = rChildren.next() < s.demand.multiAgencyReportShare;
    const dupDelay = rChildren.next() * s.demand.duplicateWindowDays * HOURS_PER_DAY;
    const dupAgency = pickWeighted(rChildren, agencyRates, agencyRateTotal);
    const divertDraw = rChildren.next();
    const spec = s.dutyTeams[team]!;
    const moderateOnly = need >= s.need.moderateLevel && need < s.need.childInNeedLevel;
    if (moderateOnly && divertDraw < spec.earlyHelpCoverage * s.earlyHelp.upstreamDiversionShare) {
      record({ kind: 'diverted', t, child: nextChild++, team });
      return;
    }
    const lookback = s.reReferral.historicReferralLookbackMonths * HOURS_PER_MONTH;
    const child: Child = {
      id: nextChild++,
      slot: -1,
      team,
      need,
      known,
      lastContactAt: -Infinity,
      lastReferralAt: known && lookback > 0 ? t - historic * lookback : -Infinity,
      openCases: 0,
      pending: 0,
      needMet: false,
      duplicateAgency: dupAgency,
      lastClosedAt: -Infinity,
      lastClosureUnmet: false,
      returnDue: false,
    };
    child.slot = children.add(child);
    if (dup && t + dupDelay < endHours) {
      child.pending++;
      q.schedule(t + dupDelay, K_DUPLICATE, child.slot, PRIORITY.arrival);
    }
    contact(child, agency, false);
  }

  function clampNeed(x: number): number {
    return x < 0 ? 0 : x > 100 ? 100 : x;
  }

  /** A contact about `child` from `agency` starts a new case. */
  function contact(child: Child, agency: number, duplicate: boolean): void {
    const t = q.now;
    if (cases.size >= maxOpen) {
      throw new EngineLimitError(
        `stopped at day ${(t / 24).toFixed(0)}: ${cases.size.toLocaleString('en-GB')} cases were open at once, ` +
          `most of them in "${busiestState()}". Demand far exceeds capacity there; add staff or shorten the run.`,
      );
    }
    const c: Case = {
      id: nextCase++,
      slot: -1,
      child,
      agency,
      state: machine.initial,
      arrivedAt: t,
      duplicate,
      isReferral: false,
      screenedByFrontDoor: false,
      screener: null,
      fastTrack: false,
      acceptedAt: NaN,
      referralAt: NaN,
      allocationState: -1,
      iaDeadline: NaN,
      caDeadline: NaN,
      activityDoneAt: NaN,
      worker: -1,
      plan: 'childInNeed',
      knownRescreen: false,
      longTermWorker: -1,
      closure: 'frontDoor',
    };
    c.slot = cases.add(c);
    child.openCases++;
    record({
      kind: 'contact',
      t,
      caseId: c.id,
      child: child.id,
      team: child.team,
      agency,
      sincePreviousContactHours: t - child.lastContactAt,
      sinceLastClosureHours: t - child.lastClosedAt,
      lastClosureUnmet: child.lastClosureUnmet,
      duplicate,
      trueNeed: child.need,
      known: child.known,
    });
    child.lastContactAt = t;
    // Where known children are not screened twice, the centre's records check sends them straight
    // to their duty manager, who screens them once against the team's threshold, as they would
    // have met it on the second screening (so the lever removes the repeat, not a threshold).
    const route = knownScreenedOnceByManager && child.known ? 'dutyScreen' : entryRoute;
    if (route === 'direct') decided(c, 'direct');
    send(c, EV.CONTACT_RECEIVED[route]);
  }

  /** The state holding the most open cases, by its practice label (for the guard's message). */
  function busiestState(): string {
    const counts = new Map<number, number>();
    for (const c of cases.inIdOrder()) counts.set(c.state, (counts.get(c.state) ?? 0) + 1);
    let best = machine.initial;
    let most = -1;
    for (const [st, n] of counts) if (n > most) [best, most] = [st, n];
    return machine.stateLabel(best);
  }

  // ---- the machine ---------------------------------------------------------------------------
  const onTransition = opts.onTransition;
  function send(c: Case, event: number): void {
    const stepResult = machine.stepId(c.state, event);
    if (onTransition) onTransition(q.now, c.id, machine.stateKey(c.state), machine.stateKey(stepResult.next));
    c.state = stepResult.next;
    for (const a of stepResult.actions) act(c, a);
  }

  function decided(c: Case, route: string): void {
    const t = q.now;
    const deadline = cal.deadline(c.arrivedAt, s.assessment.decisionTimescaleWorkingDays);
    record({ kind: 'decided', t, caseId: c.id, team: c.child.team, route, waitHours: t - c.arrivedAt, inTimescale: t <= deadline });
  }

  function act(c: Case, a: EngineAction): void {
    const t = q.now;
    const tm = teams[c.child.team]!;
    switch (a) {
      case 'requestScreener':
        frontDoor.queue.push(c.slot);
        pumpFrontDoor();
        return;
      case 'requestScreenerForReclassification':
        frontDoor.queue.push(c.slot, true);
        pumpFrontDoor();
        return;
      case 'startScreening':
      case 'startReclassification': {
        const hours = exponential(rWork, fd.meanScreeningHours);
        const doneAt = cal.addWorkingHours(t, hours);
        const reclass = a === 'startReclassification';
        record({
          kind: 'screened',
          t,
          caseId: c.id,
          team: c.child.team,
          by: 'frontDoor',
          hours,
          doneAt,
          qualified: c.screener === 'q',
          repeat: reclass ? 'reclassification' : c.duplicate ? 'duplicate' : null,
        });
        c.screenedByFrontDoor = true;
        q.schedule(doneAt, K_DONE, c.slot, PRIORITY.completion);
        return;
      }
      case 'releaseScreener':
        frontDoor.release(c.screener!);
        c.screener = null;
        pumpFrontDoor();
        return;
      case 'requestManager':
        tm.managers.queue.push(c.slot);
        pumpManagers(tm);
        return;
      case 'startDutyReview': {
        const hours = exponential(rWork, tm.spec.meanManagerScreeningHours);
        const doneAt = cal.addWorkingHours(t, hours);
        const rescreen = c.knownRescreen;
        record({
          kind: 'screened',
          t,
          caseId: c.id,
          team: c.child.team,
          by: 'manager',
          hours,
          doneAt,
          qualified: true,
          repeat: rescreen ? 'rescreen' : c.duplicate && !c.screenedByFrontDoor ? 'duplicate' : null,
        });
        q.schedule(doneAt, K_DONE, c.slot, PRIORITY.completion);
        return;
      }
      case 'releaseManager':
        tm.managers.release('q');
        pumpManagers(tm);
        return;
      case 'recordReferral': {
        if (c.isReferral) return;
        c.isReferral = true;
        const child = c.child;
        record({ kind: 'referral', t, caseId: c.id, child: child.id, team: child.team, sincePreviousReferralHours: t - child.lastReferralAt });
        child.lastReferralAt = t;
        c.referralAt = t;
        return;
      }
      case 'requestAllocation': {
        advance(tm);
        c.acceptedAt = t;
        c.allocationState = c.state;
        // The initial-assessment clock starts at the referral (DfE), so a wait for a duty manager
        // or for allocation counts; under 'allocation' it starts when a social worker takes it.
        c.iaDeadline = iaClockFromReferral ? cal.deadline(Number.isNaN(c.referralAt) ? t : c.referralAt, s.assessment.initialAssessmentTimescaleWorkingDays) : NaN;
        tm.ia.add(c);
        tm.assessing.add(c);
        tm.waiting++;
        record({ kind: 'acceptedForAssessment', t, caseId: c.id, team: c.child.team, fastTrack: c.fastTrack });
        tm.caseloads.queue.push(c.slot, c.fastTrack);
        pumpAllocation(tm);
        return;
      }
      case 'startInitialAssessment': {
        const nq = tm.caseloads.newlyQualified[c.worker]!;
        record({ kind: 'allocated', t, caseId: c.id, team: c.child.team, waitHours: t - c.acceptedAt, newlyQualified: nq });
        if (!iaClockFromReferral) c.iaDeadline = cal.deadline(t, s.assessment.initialAssessmentTimescaleWorkingDays);
        scheduleAssessment(c, tm, s.assessment.meanInitialAssessmentWorkingDays);
        return;
      }
      case 'startCoreAssessment':
        c.caDeadline = cal.deadline(t, s.assessment.coreAssessmentTimescaleWorkingDays);
        tm.ca.add(c);
        scheduleAssessment(c, tm, s.assessment.meanCoreAssessmentWorkingDays);
        return;
      case 'releaseCaseloadPlace':
        advance(tm);
        tm.caseloads.release(c.worker);
        tm.held--;
        tm.ia.delete(c);
        tm.ca.delete(c);
        tm.assessing.delete(c);
        c.worker = -1;
        pumpAllocation(tm);
        return;
      case 'requestTransfer':
        advance(tm);
        tm.transferring++;
        if (tm.longTerm) {
          tm.longTerm.queue.push(c.slot, c.plan === 'childProtectionPlan');
          pumpTransfers(tm);
        } else {
          transfer(c, tm, -1);
        }
        return;
      case 'releaseLongTermPlace':
        advance(tm);
        tm.plansOpen--;
        tm.inPlan.delete(c);
        if (tm.longTerm && c.longTermWorker >= 0) {
          tm.longTerm.release(c.longTermWorker);
          c.longTermWorker = -1;
          pumpTransfers(tm);
        }
        return;
      case 'startChildInNeedPlan':
      case 'startChildProtectionPlan': {
        advance(tm);
        tm.plansOpen++;
        tm.inPlan.add(c);
        const cp = a === 'startChildProtectionPlan';
        record({ kind: 'planStarted', t, caseId: c.id, team: c.child.team, plan: cp ? 'childProtection' : 'childInNeed' });
        const months = cp ? s.services.meanChildProtectionMonths : s.services.meanChildInNeedMonths;
        q.schedule(t + exponential(rDur, months * HOURS_PER_MONTH), K_DONE, c.slot, PRIORITY.completion);
        return;
      }
      case 'startEarlyHelp':
        record({ kind: 'earlyHelpStarted', t, caseId: c.id, team: c.child.team });
        inEarlyHelp.add(c);
        q.schedule(t + exponential(rDur, s.earlyHelp.meanEarlyHelpMonths * HOURS_PER_MONTH), K_DONE, c.slot, PRIORITY.completion);
        return;
      case 'closeCase':
        close(c);
        return;
    }
  }

  function scheduleAssessment(c: Case, tm: Team, meanDays: number): void {
    const pressure = teamPressure(tm.held, tm.waiting, tm.caseloads.places);
    const days = gamma(rDur, s.assessment.durationShape, meanDays) * durationStretch(s.assessment, pressure);
    c.activityDoneAt = cal.addWorkingHours(q.now, days * cal.hoursPerWorkingDay);
    q.schedule(c.activityDoneAt, K_DONE, c.slot, PRIORITY.completion);
  }

  function pumpFrontDoor(): void {
    while (frontDoor.queue.length > 0) {
      const kind = frontDoor.acquire();
      if (!kind) return;
      const c = cases.get(frontDoor.queue.shift());
      c.screener = kind;
      const reclass = machine.stateKey(c.state) === 'contactCentre.awaitingReclassification';
      send(c, reclass ? EV.RECLASSIFICATION_STARTED : EV.SCREENING_STARTED);
    }
  }

  function pumpManagers(tm: Team): void {
    while (tm.managers.queue.length > 0) {
      if (!tm.managers.acquire()) return;
      const c = cases.get(tm.managers.queue.shift());
      send(c, EV.REVIEW_STARTED);
    }
  }

  function pumpAllocation(tm: Team): void {
    while (tm.caseloads.queue.length > 0) {
      const w = tm.caseloads.acquire();
      if (w < 0) return;
      advance(tm);
      const c = cases.get(tm.caseloads.queue.shift());
      c.worker = w;
      tm.waiting--;
      tm.held++;
      send(c, EV.ALLOCATED);
    }
  }

  /** Hands a case to a long-term team (worker -1: capacity not modelled); its duty place is freed. */
  function transfer(c: Case, tm: Team, worker: number): void {
    advance(tm);
    tm.transferring--;
    c.longTermWorker = worker;
    send(c, EV.TRANSFERRED[c.plan]);
  }

  function pumpTransfers(tm: Team): void {
    const lt = tm.longTerm!;
    while (lt.queue.length > 0) {
      const w = lt.acquire();
      if (w < 0) return;
      transfer(cases.get(lt.queue.shift()), tm, w);
    }
  }

  // ---- completions ---------------------------------------------------------------------------
  function earlyHelpTakenUp(child: Child, stream: Stream): boolean {
    const u = stream.next();
    return child.need >= s.need.moderateLevel && u < s.dutyTeams[child.team]!.earlyHelpCoverage * s.earlyHelp.signpostedTakeUpShare;
  }

  function onDone(c: Case): void {
    const key = machine.stateKey(c.state);
    const child = c.child;
    const tm = teams[child.team]!;
    const source = s.demand.sources[c.agency]!;
    const infoSd = source.informationQualitySd;
    switch (key) {
      case 'contactCentre.screening': {
        const sd = c.screener === 'u' ? fd.unqualifiedScreeningSd : fd.qualifiedScreeningSd;
        const perceivedNeed = normal(rScreen, child.need + source.perceivedNeedBias, combinedSd(sd, infoSd));
        const route = screeningRoute(fd, s.need, {
          perceivedNeed,
          known: child.known,
          hasOpenCase: child.openCases > 1,
          earlyHelpTakenUp: earlyHelpTakenUp(child, rScreen),
        });
        c.fastTrack = route === 'fastTrack';
        c.knownRescreen = child.known && fd.knownChildrenRescreened && (route === 'forwardForDecision' || route === 'referral');
        c.closure = route === 'linked' ? 'linked' : 'frontDoor';
        if (route !== 'forwardForDecision' && route !== 'referral') decided(c, route);
        send(c, EV.SCREENED[route]);
        return;
      }
      case 'dutyTeam.dutyReview': {
        const perceivedNeed = normal(rScreen, child.need + source.perceivedNeedBias, combinedSd(fd.qualifiedScreeningSd, infoSd));
        const appliedThreshold = normal(rScreen, tm.spec.threshold, tm.spec.thresholdInconsistencySd);
        const route = reviewRoute(fd, {
          perceivedNeed,
          appliedThreshold,
          isReferral: c.isReferral,
          screenedAtFrontDoor: c.screenedByFrontDoor,
          hasOpenCase: !c.screenedByFrontDoor && child.openCases > 1,
          earlyHelpTakenUp: earlyHelpTakenUp(child, rScreen),
        });
        if (route === 'returnForReclassification') {
          record({ kind: 'returnedForReclassification', t: q.now, caseId: c.id, team: child.team });
        } else {
          decided(c, route);
        }
        c.closure = route === 'linked' ? 'linked' : 'duty';
        send(c, EV.REVIEWED[route]);
        return;
      }
      case 'contactCentre.reclassifying':
        decided(c, 'reclassified');
        send(c, EV.RECLASSIFIED);
        return;
      case 'assessment.initialAssessment': {
        const nq = tm.caseloads.newlyQualified[c.worker]!;
        const sd = nq ? s.assessment.newlyQualifiedAssessmentSd : s.assessment.qualifiedAssessmentSd;
        const perceivedNeed = normal(rAssess, child.need, sd);
        const pressure = teamPressure(tm.held, tm.waiting, tm.caseloads.places);
        const closedPrematurely = rAssess.next() < prematureClosureChance(s.assessment, pressure);
        const route = initialAssessmentRoute(s.assessment, s.need, {
          perceivedNeed,
          closedPrematurely,
          earlyHelpTakenUp: earlyHelpTakenUp(child, rAssess),
        });
        record({ kind: 'assessed', t: q.now, caseId: c.id, team: child.team, which: 'initial', route, inTimescale: q.now <= c.iaDeadline });
        tm.ia.delete(c);
        if (route === 'childInNeed') c.plan = 'childInNeed';
        c.closure = 'assessment';
        send(c, EV.INITIAL_ASSESSMENT_COMPLETED[route]);
        return;
      }
      case 'assessment.coreAssessment': {
        const nq = tm.caseloads.newlyQualified[c.worker]!;
        const sd = nq ? s.assessment.newlyQualifiedAssessmentSd : s.assessment.qualifiedAssessmentSd;
        const route = coreAssessmentRoute(s.need, normal(rAssess, child.need, sd));
        record({ kind: 'assessed', t: q.now, caseId: c.id, team: child.team, which: 'core', route, inTimescale: q.now <= c.caDeadline });
        tm.ca.delete(c);
        if (route !== 'closed') c.plan = route;
        c.closure = 'assessment';
        send(c, EV.CORE_ASSESSMENT_COMPLETED[route]);
        return;
      }
      case 'services.childInNeed':
      case 'services.childProtectionPlan':
        child.needMet = rAssess.next() < s.services.needMetShare;
        c.closure = 'services';
        send(c, EV.PLAN_ENDED);
        return;
      case 'earlyHelp':
        child.needMet = rAssess.next() < s.earlyHelp.needMetShare;
        c.closure = 'earlyHelp';
        send(c, EV.EARLY_HELP_ENDED);
        return;
      default:
        throw new Error(`case ${c.id}: a completion arrived in state ${key}, which has no activity`);
    }
  }

  function close(c: Case): void {
    const child = c.child;
    const t = q.now;
    const withServices = c.closure === 'services' || c.closure === 'earlyHelp';
    if (!withServices) child.needMet = child.need < s.need.moderateLevel;
    record({
      kind: 'closed',
      t,
      caseId: c.id,
      child: child.id,
      team: child.team,
      stage: c.closure,
      unmetNeed: !withServices && child.need >= s.need.childInNeedLevel,
      trueNeed: child.need,
    });
    cases.remove(c.slot);
    inEarlyHelp.delete(c);
    child.openCases--;
    if (c.closure !== 'linked') {
      child.lastClosedAt = t;
      child.lastClosureUnmet = !child.needMet && child.need >= s.need.moderateLevel;
    }
    // The child's next contact: sooner when need was left unmet (K10 ¶24, "high re-referral rates").
    if (c.closure !== 'linked' && child.openCases === 0) {
      const unmet = !child.needMet && child.need >= s.need.moderateLevel;
      const perYear = unmet ? s.reReferral.unmetNeedReturnsPerYear : s.reReferral.metNeedReturnsPerYear;
      // Drawn whatever happens, so the stream stays aligned between scenarios.
      const delay = exponential(rReturn, perYear > 0 ? HOURS_PER_YEAR / perYear : 0);
      // Without a horizon every child ever closed would keep coming back, and a long run's demand
      // would grow without bound (events grew with the square of the run's length).
      if (perYear > 0 && delay <= returnHorizonHours && t + delay < endHours) {
        child.pending++;
        child.returnDue = true;
        q.schedule(t + delay, K_RETURN, child.slot, PRIORITY.arrival);
      }
    }
    forgetIfIdle(child);
  }

  function forgetIfIdle(child: Child): void {
    if (child.openCases === 0 && child.pending === 0) children.remove(child.slot);
  }

  function onReturn(child: Child): void {
    child.pending--;
    child.returnDue = false;
    const agency = pickWeighted(rReturn, agencyRates, agencyRateTotal);
    const fresh = normal(rReturn, s.demand.meanNeedScore, s.demand.needScoreSd);
    if (child.openCases === 0) {
      // Unmet need grows; met need is followed, if at all, by a new and unrelated concern.
      child.need = child.needMet ? clampNeed(fresh) : clampNeed(child.need + s.reReferral.escalationOnReturn);
      child.needMet = false;
      child.known = true;
    }
    contact(child, agency, false);
  }

  function onDuplicate(child: Child): void {
    child.pending--;
    contact(child, child.duplicateAgency, true);
  }

  // ---- monitors ------------------------------------------------------------------------------
  function levels(): TeamLevels[] {
    const t = q.now;
    // Contacts waiting for a screener or a duty manager, by the child's team.
    const awaitingDecision = teams.map(() => 0);
    const countQueue = (ids: number[]) => {
      for (const id of ids) awaitingDecision[cases.get(id).child.team]!++;
    };
    countQueue(frontDoor.queue.ids());
    for (const tm of teams) countQueue(tm.managers.queue.ids());
    return teams.map((tm) => {
      advance(tm);
      let iaOver = 0;
      for (const c of tm.ia) if (t > c.iaDeadline) iaOver++;
      let caOver = 0;
      for (const c of tm.ca) if (t > c.caDeadline) caOver++;
      const l: TeamLevels = {
        awaitingAllocation: tm.waiting,
        awaitingAllocationArea: tm.weekWaitArea,
        initialAssessmentsOpen: tm.ia.size,
        initialAssessmentsOverdue: iaOver,
        coreAssessmentsOpen: tm.ca.size,
        coreAssessmentsOverdue: caOver,
        awaitingTransfer: tm.transferring,
        plansOpen: tm.plansOpen,
        awaitingDecision: awaitingDecision[teams.indexOf(tm)]!,
      };
      tm.weekWaitArea = 0;
      return l;
    });
  }

  function finish(): void {
    q.now = Math.max(q.now, endHours);
    record({ kind: 'levels', t: endHours, week, teams: levels() });
    const managerHours = cal.availableHours(warmupHours, endHours);
    record({
      kind: 'window',
      t: endHours,
      fromHours: warmupHours,
      toHours: endHours,
      frontDoorAvailableHours: managerHours * frontDoor.size,
      teams: teams.map((tm) => ({
        awaitingAllocationArea: tm.winWaitArea,
        assessmentsHeldArea: tm.winHeldArea,
        awaitingTransferArea: tm.winTransferArea,
        plansHeldArea: tm.longTerm ? tm.winPlansArea : 0,
        caseloadPlaces: tm.caseloads.places,
        filledPosts: tm.filled,
        longTermWorkers: tm.longTerm ? tm.spec.longTermSocialWorkers : 0,
        managerAvailableHours: managerHours * tm.spec.managers,
      })),
    });
    done = true;
  }

  // ---- warm state --------------------------------------------------------------------------
  function stockChild(child: Child, at: number): StockChild {
    return {
      team: child.team,
      need: child.need,
      needMet: child.needMet,
      known: child.known,
      referralAge: at - child.lastReferralAt,
      contactAge: at - child.lastContactAt,
      closureAge: at - child.lastClosedAt,
      closureUnmet: child.lastClosureUnmet,
    };
  }

  /** The slow stocks at `at`: what a warm start needs (see warmState.ts). */
  function stocks(at: number): StockEntity[] {
    const out: StockEntity[] = [];
    for (const child of children.inIdOrder()) {
      if (child.returnDue && child.openCases === 0) out.push({ kind: 'returning', child: stockChild(child, at) });
    }
    const service = (c: Case, episode: 'plan' | 'earlyHelp', meanMonths: number) =>
      out.push({ kind: 'service', episode, child: stockChild(c.child, at), state: machine.stateKey(c.state), agency: c.agency, plan: c.plan, meanMonths });
    for (const tm of teams) {
      for (const c of tm.inPlan) {
        const cp = c.plan === 'childProtectionPlan';
        service(c, 'plan', cp ? s.services.meanChildProtectionMonths : s.services.meanChildInNeedMonths);
      }
      for (const c of tm.assessing) {
        // Cases awaiting transfer hold a place but are past assessment: the warm-up rebuilds them.
        const allocated = c.worker >= 0;
        const inIa = tm.ia.has(c);
        const inCa = tm.ca.has(c);
        if (allocated && !inIa && !inCa) continue;
        const underWay = allocated && c.activityDoneAt >= at;
        out.push({
          kind: 'assessment',
          child: stockChild(c.child, at),
          state: machine.stateKey(c.allocationState),
          agency: c.agency,
          fastTrack: c.fastTrack,
          allocated,
          referralAge: at - (Number.isNaN(c.referralAt) ? c.acceptedAt : c.referralAt),
          acceptedAge: at - c.acceptedAt,
          initialDeadlineIn: c.iaDeadline - at,
          ...(underWay
            ? {
                inProgress: {
                  state: machine.stateKey(c.state),
                  activity: inCa ? 'core' : 'initial',
                  remainingWorkingHours: cal.availableHours(at, c.activityDoneAt),
                  coreDeadlineIn: inCa ? c.caDeadline - at : NaN,
                },
              }
            : {}),
        });
      }
    }
    for (const c of inEarlyHelp) service(c, 'earlyHelp', s.earlyHelp.meanEarlyHelpMonths);
    return out;
  }

  /**
   * Places a warm state before time 0: Poisson(1/snapshots) copies of each entity, with residual
   * times drawn from this replication's own `warmStart` stream (returns and episodes end at
   * exponential times, memoryless; referrals waiting rejoin the allocation queue; assessments
   * under way carry on with the work they had left and their deadlines). Entities for teams this scenario does not have are dropped.
   */
  function injectWarmState(warm: WarmState): void {
    const rWarm = createStream(opts.seed, 'warmStart');
    const mean = 1 / Math.max(1, warm.snapshots);
    const lookback = returnHorizonHours;
    for (const e of warm.entities) {
      const copies = poisson(rWarm, mean);
      const residualU = rWarm.next(); // drawn whatever happens, so the stream stays aligned
      if (copies === 0 || e.child.team >= teams.length) continue;
      for (let k = 0; k < copies; k++) {
        const child = makeChild(e.child);
        if (e.kind === 'returning') {
          const unmet = !child.needMet && child.need >= s.need.moderateLevel;
          const perYear = unmet ? s.reReferral.unmetNeedReturnsPerYear : s.reReferral.metNeedReturnsPerYear;
          const left = lookback - e.child.closureAge;
          if (!(perYear > 0) || !(left > 0)) continue;
          const delay = truncatedResidual(residualU, HOURS_PER_YEAR / perYear, left);
          child.slot = children.add(child);
          if (delay < endHours) {
            child.pending++;
            child.returnDue = true;
            q.schedule(delay, K_RETURN, child.slot, PRIORITY.arrival);
          }
          forgetIfIdle(child);
          continue;
        }
        // An assessment under way carries on with a social worker if a place is free (the
        // replication's own draws may carry over more than the team holds); otherwise it waits.
        const worker = e.kind === 'assessment' && e.inProgress ? teams[child.team]!.caseloads.acquire() : -1;
        const c = openInjectedCase(child, e.agency, e.kind === 'assessment' && worker >= 0 ? e.inProgress!.state : e.state);
        if (e.kind === 'service') {
          const tm = teams[child.team]!;
          c.plan = e.plan;
          if (e.episode === 'earlyHelp') {
            inEarlyHelp.add(c);
            c.closure = 'earlyHelp';
          } else {
            if (tm.longTerm) {
              const w = tm.longTerm.acquire();
              if (w < 0) {
                dropInjected(c);
                continue;
              }
              c.longTermWorker = w;
            }
            tm.plansOpen++;
            tm.inPlan.add(c);
            c.closure = 'services';
          }
          q.schedule(truncatedResidual(residualU, e.meanMonths * HOURS_PER_MONTH, Infinity), K_DONE, c.slot, PRIORITY.completion);
          continue;
        }
        c.fastTrack = e.fastTrack;
        c.referralAt = -e.referralAge;
        c.acceptedAt = -e.acceptedAge;
        c.allocationState = machine.stateIndex(e.state);
        c.iaDeadline = e.initialDeadlineIn;
        c.isReferral = true;
        c.closure = 'assessment';
        if (worker >= 0) {
          carryOnAssessment(c, worker, e.inProgress!);
        } else {
          const tm = teams[child.team]!;
          tm.ia.add(c);
          tm.assessing.add(c);
          tm.waiting++;
          tm.caseloads.queue.push(c.slot, e.allocated || e.fastTrack);
        }
      }
    }
    for (const tm of teams) pumpAllocation(tm);
  }

  /**
   * Puts an injected case back into the assessment it was doing at the capture, with the social
   * worker place `worker`, its deadlines and the working hours it had left.
   */
  function carryOnAssessment(c: Case, worker: number, p: InProgressAssessment): void {
    const tm = teams[c.child.team]!;
    advance(tm);
    c.worker = worker;
    tm.held++;
    tm.assessing.add(c);
    if (p.activity === 'core') {
      c.caDeadline = p.coreDeadlineIn;
      tm.ca.add(c);
    } else {
      tm.ia.add(c);
    }
    c.activityDoneAt = cal.addWorkingHours(0, p.remainingWorkingHours);
    q.schedule(c.activityDoneAt, K_DONE, c.slot, PRIORITY.completion);
  }

  /** Residual time by inversion of a uniform drawn earlier (see truncatedExponential). */
  const truncatedResidual = truncatedExponentialAt;

  function makeChild(sc: StockChild): Child {
    return {
      id: nextChild++,
      slot: -1,
      team: sc.team,
      need: sc.need,
      known: sc.known,
      lastContactAt: -sc.contactAge,
      lastReferralAt: -sc.referralAge,
      openCases: 0,
      pending: 0,
      needMet: sc.needMet,
      duplicateAgency: 0,
      lastClosedAt: -sc.closureAge,
      lastClosureUnmet: sc.closureUnmet,
      returnDue: false,
    };
  }

  function openInjectedCase(child: Child, agency: number, state: string): Case {
    child.slot = children.add(child);
    const c: Case = {
      id: nextCase++,
      slot: -1,
      child,
      agency: Math.min(agency, s.demand.sources.length - 1),
      state: machine.stateIndex(state),
      arrivedAt: 0,
      duplicate: false,
      isReferral: false,
      screenedByFrontDoor: false,
      screener: null,
      fastTrack: false,
      acceptedAt: NaN,
      referralAt: NaN,
      allocationState: -1,
      iaDeadline: NaN,
      caDeadline: NaN,
      activityDoneAt: NaN,
      worker: -1,
      plan: 'childInNeed',
      knownRescreen: false,
      longTermWorker: -1,
      closure: 'services',
    };
    c.slot = cases.add(c);
    child.openCases++;
    record({ kind: 'carriedOver', t: 0, caseId: c.id, child: child.id, team: child.team, agency: c.agency, state, trueNeed: child.need, known: child.known });
    return c;
  }

  function dropInjected(c: Case): void {
    cases.remove(c.slot);
    c.child.openCases--;
    forgetIfIdle(c.child);
  }

  // ---- the loop ------------------------------------------------------------------------------
  function step(): boolean {
    if (done) return false;
    if (q.peekTime() > endHours) {
      finish();
      return false;
    }
    q.next();
    const t = q.now;
    const id = q.id;
    if (++events > maxEvents) {
      throw new EngineLimitError(
        `stopped after ${maxEvents.toLocaleString('en-GB')} events at day ${(t / 24).toFixed(0)} of ${opts.days}: ` +
          `the run is larger than the guard allows (${cases.size.toLocaleString('en-GB')} cases open). Shorten the run or use fewer replications.`,
      );
    }
    switch (q.kind) {
      case K_ARRIVAL:
        onArrival(id);
        break;
      case K_DONE:
        onDone(cases.get(id));
        break;
      case K_RETURN:
        onReturn(children.get(id));
        break;
      case K_DUPLICATE:
        onDuplicate(children.get(id));
        break;
      case K_WEEK:
        record({ kind: 'levels', t, week: id, teams: levels() });
        week = id + 1;
        if ((week + 1) * HOURS_PER_WEEK <= endHours) q.schedule((week + 1) * HOURS_PER_WEEK, K_WEEK, week, PRIORITY.mark);
        break;
    }
    return true;
  }

  if (opts.warmStart) injectWarmState(opts.warmStart);
  for (let i = 0; i < arrivals.length; i++) scheduleArrival(i, 0);
  if (HOURS_PER_WEEK <= endHours) q.schedule(HOURS_PER_WEEK, K_WEEK, 0, PRIORITY.mark);

  const run: Run = {
    get now() {
      return q.now;
    },
    endHours,
    get events() {
      return events;
    },
    get transitions() {
      return machine.transitions - startTransitions;
    },
    get done() {
      return done;
    },
    machine,
    step,
    stocks,
    runUntil(t: number) {
      const until = Math.min(t, endHours);
      while (!done && q.peekTime() <= until) step();
      if (!done && t >= endHours) step();
    },
    runToEnd() {
      while (step()) {
        /* keep stepping */
      }
    },
    openCases() {
      return cases.inIdOrder().map((c) => ({
        id: c.id,
        child: c.child.id,
        team: c.child.team,
        agency: c.agency,
        state: machine.stateKey(c.state),
        trueNeed: c.child.need,
        arrivedAt: c.arrivedAt,
      }));
    },
  };
  return run;
}
