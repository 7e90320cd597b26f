import { SERVER_POOL_IDS, SERVER_POOLS, type ServerPoolId } from '../../../models/staffPools.ts';
import type { Scenario } from '../../scenario/schema.ts';
import { DAYS_PER_MONTH, DAYS_PER_YEAR, workingHoursPerYear } from '../workingCalendar.ts';
import { agencyWorkersBought, caseworkCapacity, countyStaffing, coverPicks } from '../staff.ts';
import type { Activity } from '../../../models/activity.ts';
import { initialState, statesWithActivities, WORK, type TeamContext } from './contactFlow.ts';
import { frontGrid, teamLoad, type FrontGrid, type TeamLoad } from './returnLoop.ts';

export { normalCdf } from '../../scenario/normal.ts';

/**
 * A quick check, before any run, of whether each stage can keep up: offered load ρ = work
 * arriving per month ÷ capacity per month, from the scenario's numbers alone (no simulation).
 * ρ ≥ 1 means the queue at that stage grows without limit, whatever the run length.
 *
 * Work arriving counts children who come back, who are most of it: every first contact's
 * returns, and their returns, solved in closed form over a grid of true need (returnLoop.ts),
 * with each contact's path walked through the machine, its states' declared activities and their
 * rules (contactFlow.ts): the stages are the staff pools of models/staffPools.ts. Duty social
 * workers are limited, as in the engine, two ways: by caseload places held for the unhurried
 * length of an initial and any core assessment (Little's law: places = referrals a month × months
 * held, durations in working days over the scenario's working calendar), and by their casework
 * hours (the assessments' hours of work a month ÷ FTE × (1 − non-case share) × working hours a
 * month; engine/casework.ts). The places' estimate leaves out the slowing when a worker's hours
 * are short (a lower bound as the hours' ρ nears 1). Team pressure, which
 * lengthens assessments and closes some early, is taken at the pressure the team's unpressured
 * load would put on it (settledLoad: one step, a lower bound). What it leaves out: a return
 * that arrives while the child has another case open counts as a new contact, the start-of-week
 * clustering of work in the calendar is averaged away, and long-term teams' capacity
 * (`services.longTermCapacity`) is not a stage here. It is an estimate: against the simulation
 * the places' ρ is typically within 0.1 of the simulated utilisation, and
 * test/validation/capacityAgreement.test.ts checks its verdict on every preset, and
 * test/validation/flowShares.test.ts its flow (`expectedFlow`) against simulated records.
 */

/** One stage's offered load. */
export interface StageLoad {
  /** Stable id, e.g. `screening` or `team:North:places` (a pool's `capacity.id`, prefixed `team:<name>:` for a team's pool). */
  id: string;
  /** The staff pool (models/staffPools.ts), or the duty social workers' caseload places or their casework hours. */
  stage: ServerPoolId | 'assessmentPlaces' | 'assessmentHours';
  /** The duty team, for team stages. */
  team?: string;
  /** Plain-words name of the stage, e.g. "North: duty managers". */
  label: string;
  /** Work arriving per month, in `unit`. */
  offered: number;
  /** What the staff can do per month, in `unit`. */
  capacity: number;
  /** 'staff hours' or 'caseload places' (places are occupied for the assessment's unhurried duration). */
  unit: 'staff hours' | 'caseload places';
  /** Offered load ÷ capacity (Infinity when there is work but no capacity). */
  rho: number;
  /** 'over' at ρ ≥ 1, 'near' at ρ ≥ NEAR_CAPACITY, else 'ok'. */
  status: 'over' | 'near' | 'ok';
}

/** ρ at or above which a stage is flagged as near capacity (queues grow quickly as ρ → 1). */
export const NEAR_CAPACITY = 0.85;

const status = (rho: number): StageLoad['status'] => (rho >= 1 ? 'over' : rho >= NEAR_CAPACITY ? 'near' : 'ok');

function stage(s: Omit<StageLoad, 'rho' | 'status'>): StageLoad {
  const rho = s.capacity > 0 ? s.offered / s.capacity : s.offered > 0 ? Infinity : 0;
  return { ...s, rho, status: status(rho) };
}

/** Whole filled posts and newly qualified workers per team, rounded once for the county as the engine does (src/sim/staff.ts). */
export function filledPosts(teams: Scenario['dutyTeams']): { filled: number; nq: number }[] {
  return countyStaffing(teams);
}

/**
 * Share of held places that newly qualified workers hold when a share `u` of all places is held:
 * allocation goes to the worker with the most free places (src/sim/staff.ts), so free places
 * even out at f, where Σ max(0, cap − f) = u × places. At u = 1 it is their share of places.
 */
function newlyQualifiedHeldShare(filled: number, nq: number, cap: number, nqCap: number, u: number): number {
  const places = (filled - nq) * cap + nq * nqCap;
  if (!(places > 0) || nq <= 0) return 0;
  const held = Math.min(1, Math.max(1e-9, u)) * places;
  const heldAt = (f: number) => (filled - nq) * Math.max(0, cap - f) + nq * Math.max(0, nqCap - f);
  let lo = 0;
  let hi = Math.max(cap, nqCap);
  for (let i = 0; i < 40; i++) {
    const mid = (lo + hi) / 2;
    if (heldAt(mid) > held) lo = mid;
    else hi = mid;
  }
  return (nq * Math.max(0, nqCap - lo)) / held;
}

/**
 * The team's load once it is as busy as that load makes it. Two engine rules make a busy team's
 * work depend on how busy it is: allocation to the worker with the most free places (so newly
 * qualified workers, with lower caps and wider errors, take more of the work as places fill),
 * and team pressure (models/assessment.rules.ts), which stretches assessments and closes some
 * early once held and waiting assessments pass `pressureKnee` of the places. Without a queue the
 * share of places held is the places' ρ, so this takes ρ₀ (no pressure, caseloads empty) and
 * solves the team once more at utilisation ρ₀: one step of u ← ρ(u). That step is a lower bound
 * on where the team settles; iterating to the fixed point tips teams over from ρ₀ ≈ 0.7 with the
 * Kent presets' pressure, and the estimate's own error against the simulation (ρ₀ 4-13% high,
 * DESIGN.md) is as large as that margin, so the check stops after one step. A team already
 * over at ρ₀ builds a queue, so its pressure is taken at `pressureCap`.
 */
function settledLoad(base: TeamContext, concerns: number, staff: { filled: number; nq: number }, fronts: FrontGrid): TeamLoad {
  const { team } = base;
  const places = (staff.filled - staff.nq) * team.caseloadCap + staff.nq * team.newlyQualifiedCaseloadCap;
  const at = (u: number) => {
    const ctx: TeamContext = {
      ...base,
      newlyQualifiedShare: newlyQualifiedHeldShare(staff.filled, staff.nq, team.caseloadCap, team.newlyQualifiedCaseloadCap, u),
      pressure: u,
    };
    const load = teamLoad(ctx, fronts);
    const placeMonths = load.perConcern[WORK.placeMonths]!;
    const rho = !load.converged ? Infinity : places > 0 ? (concerns * placeMonths) / places : concerns > 0 ? Infinity : 0;
    return { load, rho };
  };
  const first = at(0);
  return at(first.rho >= 1 ? Math.max(1, base.scenario.assessment.pressureCap) : first.rho).load;
}

/** Each team's expected work per concern raised, at the pressure its own load puts on it, with the concerns it gets a month. */
interface TeamLoads {
  hoursPerMonth: number;
  teams: { concerns: number; load: TeamLoad; places: number; caseworkHours: number }[];
}

function teamLoads(scenario: Scenario): TeamLoads {
  const { calendar, demand } = scenario;
  // As in src/sim/workingCalendar.ts: "always" means 24 hours a day, 7 days a week.
  const always = calendar.mode === 'always';
  const bankHolidaysPerYear = always ? 0 : calendar.bankHolidayDaysOfYear.length;
  const workingDaysPerMonth = ((always ? 7 : calendar.workingDaysPerWeek) * DAYS_PER_MONTH) / 7 - bankHolidaysPerYear / 12;
  const hoursPerMonth = (always ? 24 : calendar.hoursPerDay) * workingDaysPerMonth;
  const concerns = demand.sources.reduce((sum, src) => sum + src.contactsPerMonth, 0);
  const totalShare = scenario.dutyTeams.reduce((s, t) => s + t.demandShare, 0);
  const staffing = filledPosts(scenario.dutyTeams);
  const workforce = workforcePlaces(scenario, staffing, workingHoursPerYear(calendar));
  const teams = scenario.dutyTeams.map((team, ti) => {
    const staff = staffing[ti]!;
    const base: TeamContext = { scenario, team, newlyQualifiedShare: 0, workingDaysPerMonth, pressure: 0 };
    const concernsHere = concerns * (totalShare > 0 ? team.demandShare / totalShare : 0);
    const load = settledLoad(base, concernsHere, staff, frontGrid(base));
    let fte = 0;
    for (let w = 0; w < staff.filled; w++) fte += caseworkCapacity(team, w);
    const ownPlaces = (staff.filled - staff.nq) * team.caseloadCap + staff.nq * team.newlyQualifiedCaseloadCap;
    // Turnover's empty posts, the agency budget's cover and sickness change hours as they change places.
    const workforceShare = ownPlaces > 0 ? workforce[ti]! / ownPlaces : 1;
    return { concerns: concernsHere, load, places: workforce[ti]!, caseworkHours: fte * hoursPerMonth * workforceShare };
  });
  return { hoursPerMonth, teams };
}

/**
 * Each team's caseload places on average over a run of the scenario's workforce (engine/
 * workforce.ts): posts emptied by turnover stay vacant for the recruitment lag (a post filled
 * f of the time at a leaving rate r and lag L holds 1 / (1 + r L) workers on average), the
 * agency budget's workers cover vacant posts at the full cap (most vacancies first), and
 * sickness absence takes its share of every worker's places.
 */
function workforcePlaces(scenario: Scenario, staffing: readonly { filled: number; nq: number }[], workingHoursPerYear: number): number[] {
  const w = scenario.workforce;
  const kept = 1 / (1 + w.annualTurnoverRate * (w.recruitmentLagDays / DAYS_PER_YEAR));
  const present = 1 - w.sicknessAbsenceShare;
  const filled = scenario.dutyTeams.map((_, ti) => staffing[ti]!.filled * kept);
  const cover = scenario.dutyTeams.map(() => 0);
  const bought = agencyWorkersBought(w.agencyBudgetPerYear, w.agencyHourlyCost, workingHoursPerYear);
  // Average filled posts are fractional: a team is covered while over half a post is empty.
  for (const t of coverPicks(
    scenario.dutyTeams.map((team, ti) => team.socialWorkerPosts - filled[ti]!),
    bought,
    0.5,
  ))
    cover[t]!++;
  return scenario.dutyTeams.map((team, ti) => {
    const staff = staffing[ti]!;
    const own = (staff.filled - staff.nq) * team.caseloadCap + staff.nq * team.newlyQualifiedCaseloadCap;
    return (own * kept + cover[ti]! * team.caseloadCap) * present;
  });
}

/** Work per month from a team's load: concerns × work per concern (unbounded when the return loop diverges). */
const perMonth = (t: TeamLoads['teams'][number], index: number) => (t.load.converged ? t.concerns * t.load.perConcern[index]! : t.concerns > 0 ? Infinity : 0);

/**
 * Offered load at every stage: each staff pool of models/staffPools.ts that the scenario's first
 * contacts reach (the county's pools, then each team's), and each team's social workers' places.
 */
export function offeredLoad(scenario: Scenario): StageLoad[] {
  const { hoursPerMonth, teams } = teamLoads(scenario);
  const county: StageLoad[] = [];
  const perTeam: StageLoad[][] = scenario.dutyTeams.map(() => []);
  for (const pool of SERVER_POOL_IDS) {
    const spec = SERVER_POOLS[pool];
    const index = WORK.hours(pool);
    const reached = (t: TeamLoads['teams'][number]) => t.load.firstContacts[index]! > 0;
    if (spec.scope === 'county') {
      if (!teams.some(reached)) continue;
      const staff = spec.staff(scenario, scenario.dutyTeams[0]!);
      const offered = teams.reduce((sum, t) => sum + perMonth(t, index), 0);
      county.push(
        stage({
          id: spec.capacity.id,
          stage: pool,
          label: spec.capacity.label,
          offered,
          capacity: (staff.unqualified + staff.qualified) * hoursPerMonth,
          unit: 'staff hours',
        }),
      );
      continue;
    }
    scenario.dutyTeams.forEach((team, ti) => {
      const t = teams[ti]!;
      if (!reached(t)) return;
      const staff = spec.staff(scenario, team);
      perTeam[ti]!.push(
        stage({
          id: `team:${team.name}:${spec.capacity.id}`,
          stage: pool,
          team: team.name,
          label: `${team.name}: ${spec.capacity.label}`,
          offered: perMonth(t, index),
          capacity: (staff.unqualified + staff.qualified) * hoursPerMonth,
          unit: 'staff hours',
        }),
      );
    });
  }
  scenario.dutyTeams.forEach((team, ti) => {
    const t = teams[ti]!;
    perTeam[ti]!.push(
      stage({
        id: `team:${team.name}:places`,
        stage: 'assessmentPlaces',
        team: team.name,
        label: `${team.name}: social workers’ caseload places`,
        offered: perMonth(t, WORK.placeMonths),
        capacity: t.places,
        unit: 'caseload places',
      }),
    );
    perTeam[ti]!.push(
      stage({
        id: `team:${team.name}:hours`,
        stage: 'assessmentHours',
        team: team.name,
        label: `${team.name}: social workers’ casework hours`,
        offered: perMonth(t, WORK.caseworkHours),
        capacity: t.caseworkHours,
        unit: 'staff hours',
      }),
    );
  });
  return [...county, ...perTeam.flat()];
}

/** The stages at or near capacity, worst first. */
export function capacityWarnings(scenario: Scenario): StageLoad[] {
  return offeredLoad(scenario)
    .filter((s) => s.status !== 'ok')
    .sort((x, y) => y.rho - x.rho);
}

/** Expected flow through the pathway a month, county-wide, returns and duplicates included. */
export interface ExpectedFlow {
  contacts: number;
  referrals: number;
  /** Referrals that reach a social worker (initial assessments started). */
  initialAssessments: number;
  coreAssessments: number;
  /** Child-in-need and child protection plans started. */
  plans: number;
  earlyHelp: number;
  /** Whether every team's return loop converged (if not, the flow is unbounded). */
  converged: boolean;
}

/**
 * The flow the capacity check expects (offeredLoad's own numbers): contacts, referrals and the
 * stages they reach a month, read from the visits its walk of the machine counts, by what each
 * state declares it does (an initial or core assessment, a plan, early help).
 */
export function expectedFlow(scenario: Scenario): ExpectedFlow {
  const { teams } = teamLoads(scenario);
  const total = (indices: number[]) => teams.reduce((sum, t) => sum + indices.reduce((s, i) => s + perMonth(t, i), 0), 0);
  const states = statesWithActivities();
  const visitsWhere = (test: (a: Activity) => boolean) => states.filter((s) => s.activity && test(s.activity)).map((s) => WORK.visits(s.index));
  return {
    contacts: total([WORK.visits(states.find((s) => s.index === initialState())!.index)]),
    referrals: total([WORK.referrals]),
    initialAssessments: total(visitsWhere((a) => a.kind === 'assessmentWork' && a.timescale === 'initial')),
    coreAssessments: total(visitsWhere((a) => a.kind === 'assessmentWork' && a.timescale === 'core')),
    plans: total(visitsWhere((a) => a.kind === 'episode' && a.episode === 'plan')),
    earlyHelp: total(visitsWhere((a) => a.kind === 'episode' && a.episode === 'earlyHelp')),
    converged: teams.every((t) => t.load.converged),
  };
}
