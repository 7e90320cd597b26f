import { ENTRY_ROUTES } from '../../../models/caseJourney.events.ts';
import { SERVER_POOL_IDS, SERVER_POOLS, type ServerPoolId } from '../../../models/staffPools.ts';
import type { Scenario } from '../../scenario/schema.ts';
import type { CompiledMachine } from '../compiledMachine.ts';
import { EventQueue } from '../eventQueue.ts';
import type { RecordSink } from '../records.ts';
import { createStream } from '../rng.ts';
import { SlotTable } from '../slotTable.ts';
import { Caseloads, countyStaffing, ServerPool } from '../staff.ts';
import { HOURS_PER_DAY, HOURS_PER_MONTH, HOURS_PER_YEAR, WorkingTime, workingHoursPerYear } from '../workingCalendar.ts';
import type { Case, Child, RunState, StaffPool, TeamState } from './types.ts';
import { demandDay, demandTable, maxFactor } from './timeline.ts';
import { createWorkforce } from './workforce.ts';
import { openDesk } from './casework.ts';

/** What a run needs to start (RunOptions less what only the stepper uses). */
export interface RunSettings {
  days: number;
  warmupDays?: number;
  seed: number;
  onRecord?: RecordSink;
  onTransition?: (t: number, caseId: number, from: string, to: string) => void;
  maxEvents?: number;
  maxOpenCases?: number;
  /**
   * Only the scenario's steady processes (turnover, maturing): no dated timeline and no calendar
   * seasonality. The warm-start template runs so (warmStart.ts); a replication does not.
   */
  steadyOnly?: boolean;
}

/** An agency's contact rate per hour at time `t`, with the scenario's trend. */
export function arrivalRate(run: Pick<RunState, 'agencyRates' | 'scenario' | 'demandByDay' | 'warmupHours'>, agency: number, t: number): number {
  const base = (run.agencyRates[agency]! / HOURS_PER_MONTH) * Math.max(0, 1 + (run.scenario.demand.trendPerYear * t) / HOURS_PER_YEAR);
  return run.demandByDay ? base * run.demandByDay[agency]![demandDay(run, t)]! : base;
}

function teamState(scenario: Scenario, index: number, staffed: { filled: number; nq: number }): TeamState {
  const spec = scenario.dutyTeams[index]!;
  const longTermModelled = scenario.services.longTermCapacity === 'caseloadCaps';
  return {
    spec,
    places: new Caseloads(staffed.filled, staffed.nq, spec.caseloadCap, spec.newlyQualifiedCaseloadCap),
    longTerm: longTermModelled ? new Caseloads(spec.longTermSocialWorkers, 0, spec.longTermCaseloadCap, spec.longTermCaseloadCap) : null,
    filledPosts: staffed.filled,
    waiting: 0,
    held: 0,
    transferring: 0,
    plansOpen: 0,
    lastChangeAt: 0,
    weekWaitingArea: 0,
    windowWaitingArea: 0,
    windowHeldArea: 0,
    windowTransferArea: 0,
    windowPlansArea: 0,
    desks: [],
    windowCaseworkWorked: 0,
    windowCaseworkAvailable: 0,
    initialAssessments: new Set<Case>(),
    coreAssessments: new Set<Case>(),
    assessing: new Set<Case>(),
    inPlan: new Set<Case>(),
  };
}

/** Every staff pool the scenario has, built from the declarations in models/staffPools.ts. */
function staffPools(scenario: Scenario): { all: StaffPool[]; byId: Record<ServerPoolId, StaffPool[]> } {
  const all: StaffPool[] = [];
  const byId = {} as Record<ServerPoolId, StaffPool[]>;
  for (const id of SERVER_POOL_IDS) {
    const spec = SERVER_POOLS[id];
    const teams = spec.scope === 'county' ? [-1] : scenario.dutyTeams.map((_, i) => i);
    byId[id] = teams.map((team) => {
      const staff = spec.staff(scenario, scenario.dutyTeams[Math.max(0, team)]!);
      return { id, spec, team, servers: new ServerPool(staff.unqualified, staff.qualified) };
    });
    all.push(...byId[id]);
  }
  return { all, byId };
}

/** A run's state before its first event: streams, staff, monitors and empty tables. */
export function createRunState(scenario: Scenario, machine: CompiledMachine, settings: RunSettings): RunState {
  const endHours = settings.days * HOURS_PER_DAY;
  const seed = settings.seed;
  const agencyRates = scenario.demand.sources.map((a) => a.contactsPerMonth);
  const teamShares = scenario.dutyTeams.map((t) => t.demandShare);
  const staffed = countyStaffing(scenario.dutyTeams);
  const pools = staffPools(scenario);
  const warmupHours = Math.min(endHours, (settings.warmupDays ?? 0) * HOURS_PER_DAY);
  const steadyOnly = settings.steadyOnly ?? false;
  const partial = { agencyRates, scenario, demandByDay: null, warmupHours };
  const demandByDay = demandTable(scenario, endHours, warmupHours, steadyOnly);
  const teams = scenario.dutyTeams.map((_, i) => teamState(scenario, i, staffed[i]!));
  const calendar = new WorkingTime(scenario.calendar);
  const run: RunState = {
    scenario,
    seed,
    days: settings.days,
    machine,
    queue: new EventQueue(),
    calendar,
    endHours,
    warmupHours,
    maxEvents: settings.maxEvents ?? 50_000_000,
    maxOpenCases: settings.maxOpenCases ?? 250_000,
    emit: settings.onRecord ?? (() => {}),
    onTransition: settings.onTransition,
    streams: {
      arrivals: scenario.demand.sources.map((_, i) => createStream(seed, 'arrivals', i)),
      children: createStream(seed, 'children'),
      screening: createStream(seed, 'screening'),
      work: createStream(seed, 'work'),
      assessment: createStream(seed, 'assessment'),
      durations: createStream(seed, 'durations'),
      returns: createStream(seed, 'returns'),
      delays: createStream(seed, 'delays'),
    },
    teams,
    staffPools: pools.all,
    poolsById: pools.byId,
    children: new SlotTable<Child>(),
    cases: new SlotTable<Case>(),
    inEarlyHelp: new Set<Case>(),
    agencyRates,
    agencyRateTotal: agencyRates.reduce((a, b) => a + b, 0),
    // The trend is linear, so its largest factor is at one end; seasonality and steps multiply it
    // by at most the table's largest day, so the bound holds on every day (thinning stays exact).
    maxArrivalRate: agencyRates.map(
      (_, i) => Math.max(arrivalRate(partial, i, 0), arrivalRate(partial, i, endHours)) * (demandByDay ? maxFactor(demandByDay[i]!) : 1),
    ),
    demandByDay,
    desks: [],
    workforce: createWorkforce(scenario, teams, seed, steadyOnly, workingHoursPerYear(scenario.calendar)),
    teamShares,
    teamShareTotal: teamShares.reduce((a, b) => a + b, 0),
    returnHorizonHours: scenario.reReferral.returnHorizonMonths * HOURS_PER_MONTH,
    initialClockFromReferral: scenario.assessment.initialAssessmentClockStartsAt === 'referral',
    contactReceived: Object.fromEntries(ENTRY_ROUTES.map((route) => [route, machine.eventId({ type: 'CONTACT_RECEIVED', route })])),
    activities: [],
    nextChild: 0,
    nextCase: 0,
    events: 0,
    week: 0,
    done: false,
  };
  // Every worker in post at the start has a desk from time 0 (joiners get theirs in workforce.ts).
  teams.forEach((team, t) => {
    for (let w = 0; w < team.places.workers; w++) openDesk(run, t, w);
  });
  return run;
}
