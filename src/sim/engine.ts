import { reaches, type CaseFacts, type DecisionContext, type Reading } from '../../models/activity.ts';
import { teamPressure } from '../../models/assessment.rules.ts';
import { caseJourneyMachine } from '../../models/caseJourney.machine.ts';
import { combinedSd } from '../../models/contactCentre.rules.ts';
import { earlyHelpTakeUpChance } from '../../models/services.rules.ts';
import type { DutyTeam, Scenario } from '../scenario/schema.ts';
import { CompiledMachine } from './compiledMachine.ts';
import { normal } from './distributions.ts';
import { PRIORITY } from './eventQueue.ts';
import type { Stream } from './rng.ts';
import type { StockEntity, WarmState } from './warmState.ts';
import { HOURS_PER_WEEK } from './workingCalendar.ts';
import { sender } from './engine/actions.ts';
import { factsOf, factsView } from './engine/activities.ts';
import { CalendarEvent, EngineLimitError, unhandled, type CalendarEventKind } from './engine/calendarEvents.ts';
import { arrive, childReturns, duplicateReport, scheduleArrival } from './engine/cases.ts';
import { finishRun, weekMark } from './engine/monitors.ts';
import { createRunState, type RunSettings } from './engine/runState.ts';
import type { Case, MutableStaff, RunState, TeamState } from './engine/types.ts';
import { captureStocks } from './engine/warmCapture.ts';
import { injectWarmState } from './engine/warmInject.ts';
import { completeActivity } from './engine/work.ts';
import { deskEvent } from './engine/casework.ts';
import { scheduleTimeline, timelineEvent } from './engine/timeline.ts';
import { startWorkforce } from './engine/workforce.ts';

/**
 * The discrete-event engine. It owns time and chance: it samples arrivals, durations and
 * perceptions, asks the rules for decisions, sends the outcome to the case journey machine,
 * and carries out the actions the machine returns. It has no timers: the caller steps it.
 * What happens in each state is the state's declared activity (models/activity.ts); the modules
 * in ./engine/ carry them out on an explicit run state (./engine/types.ts).
 */

export { EngineLimitError };

/** Options for one run. */
export interface RunOptions extends RunSettings {
  /** Length of the run in days. */
  days: number;
  /** Days at the start excluded from window metrics (series still show them). */
  warmupDays?: number;
  /** The replication's seed (required: there is no default chance). */
  seed: number;
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

let compiled: CompiledMachine | null = null;
/** The shared compiled machine (its table fills as states are visited). */
export function compiledJourney(): CompiledMachine {
  compiled ??= new CompiledMachine(caseJourneyMachine);
  return compiled;
}

/**
 * The engine's answers to a decision's questions (models/activity.ts DecisionContext): every
 * reading and chance comes from the stream the activity's kind uses, in the order the rule asks,
 * so a rule and its draws stay aligned between scenarios on the same seed. One per run, reset for
 * each decision (a decision is made on every screening and assessment: it makes no garbage).
 */
export class EngineDecision implements DecisionContext {
  readonly scenario: Scenario;
  team!: DutyTeam;
  facts!: CaseFacts;
  readonly staff: MutableStaff = { qualified: false, newlyQualified: false };
  private stream!: Stream;
  private decided!: Case;
  private teamState!: TeamState;
  private readonly view = factsView();

  constructor(private readonly run: RunState) {
    this.scenario = run.scenario;
  }

  /** Prepares the context for deciding on case `c`, drawing from `stream`, with the staff doing the work. */
  about(c: Case, stream: Stream, qualified: boolean, newlyQualified: boolean): this {
    this.decided = c;
    this.stream = stream;
    this.teamState = this.run.teams[c.child.team]!;
    this.team = this.teamState.spec;
    this.facts = factsOf(c, this.view);
    this.staff.qualified = qualified;
    this.staff.newlyQualified = newlyQualified;
    return this;
  }

  pressure(): number {
    return teamPressure(this.teamState.held, this.teamState.waiting, this.teamState.places.places);
  }

  perceivedNeed(reading: Reading): number {
    const need = this.decided.child.need;
    const share = reading.agencyInformation;
    if (share === 0) return normal(this.stream, need, reading.staffSd);
    const source = this.scenario.demand.sources[this.decided.agency]!;
    return normal(this.stream, need + source.perceivedNeedBias * share, combinedSd(reading.staffSd, source.informationQualitySd * share));
  }

  reachesThreshold(reading: Reading, threshold: number, inconsistencySd: number): boolean {
    const perceivedNeed = this.perceivedNeed(reading);
    return reaches(perceivedNeed, normal(this.stream, threshold, inconsistencySd));
  }

  chance(p: number): boolean {
    return this.stream.next() < p;
  }

  earlyHelpTakenUp(): boolean {
    return this.stream.next() < earlyHelpTakeUpChance(this.scenario, this.team, this.decided.child.need);
  }
}

/** Creates a run of `scenario` on `opts.seed`. */
export function createRun(scenario: Scenario, opts: RunOptions): Run {
  const machine = compiledJourney();
  const transitionsBefore = machine.transitions;
  const run = createRunState(scenario, machine, opts);
  const send = sender(run);
  const decision = new EngineDecision(run);

  /** Processes the next event on the calendar. */
  function step(): boolean {
    if (run.done) return false;
    if (run.queue.peekTime() > run.endHours) {
      finishRun(run);
      return false;
    }
    run.queue.next();
    const id = run.queue.id;
    if (++run.events > run.maxEvents) {
      throw new EngineLimitError(
        `stopped after ${run.maxEvents.toLocaleString('en-GB')} events at day ${(run.queue.now / 24).toFixed(0)} of ${opts.days}: ` +
          `the run is larger than the guard allows (${run.cases.size.toLocaleString('en-GB')} cases open). Shorten the run or use fewer replications.`,
      );
    }
    const kind = run.queue.kind as CalendarEventKind;
    switch (kind) {
      case CalendarEvent.arrival:
        arrive(run, send, id);
        break;
      case CalendarEvent.completion:
        completeActivity(run, send, decision, run.cases.get(id));
        break;
      case CalendarEvent.desk:
        deskEvent(run, id);
        break;
      case CalendarEvent.childReturns:
        childReturns(run, send, run.children.get(id));
        break;
      case CalendarEvent.duplicateReport:
        duplicateReport(run, send, run.children.get(id));
        break;
      case CalendarEvent.weekMark:
        weekMark(run, id);
        break;
      case CalendarEvent.timelineChange:
      case CalendarEvent.workforce:
        // Rare events share one call, keeping this hot switch small (V8 inlines less into a larger one).
        timelineEvent(run, send, kind, id);
        break;
      default:
        unhandled(kind, 'calendar event');
    }
    return true;
  }

  if (opts.warmStart) injectWarmState(run, send, opts.warmStart);
  startWorkforce(run);
  scheduleTimeline(run, opts.steadyOnly ?? false);
  for (let agency = 0; agency < run.streams.arrivals.length; agency++) scheduleArrival(run, agency, 0);
  if (HOURS_PER_WEEK <= run.endHours) run.queue.schedule(HOURS_PER_WEEK, CalendarEvent.weekMark, 0, PRIORITY.mark);

  return {
    get now() {
      return run.queue.now;
    },
    endHours: run.endHours,
    get events() {
      return run.events;
    },
    get transitions() {
      return machine.transitions - transitionsBefore;
    },
    get done() {
      return run.done;
    },
    machine,
    step,
    stocks: (atHours) => captureStocks(run, atHours),
    runUntil(t: number) {
      const until = Math.min(t, run.endHours);
      while (!run.done && run.queue.peekTime() <= until) step();
      if (!run.done && t >= run.endHours) step();
    },
    runToEnd() {
      while (step()) {
        /* keep stepping */
      }
    },
    openCases() {
      return run.cases.inIdOrder().map((c) => ({
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
}
