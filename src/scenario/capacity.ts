import type { TeamContext } from './contactPaths.ts';
import { decisionGrid, teamLoad } from './returnLoop.ts';
import type { Scenario } from './schema.ts';

export { normalCdf } from './normal.ts';

/**
 * A quick check, before any run, of whether each stage can keep up: offered load ρ = work
 * arriving per month ÷ capacity per month, from the scenario's numbers alone (no simulation).
 * ρ ≥ 1 means the queue at that stage grows without limit, whatever the run length.
 *
 * Work arriving counts children who come back, who are most of it: every first contact's
 * returns, and their returns, solved in closed form over a grid of true need (returnLoop.ts),
 * with each decision's chances from the rules of models/*.rules.ts (contactPaths.ts). Social
 * workers are limited, as in the engine, by caseload places held for the length of an initial
 * and any core assessment (Little's law: places = referrals a month × months held, durations
 * in working days over the scenario's working calendar), not by hours. Team pressure, which
 * lengthens assessments and closes some early, is taken at the pressure the team's unpressured
 * load would put on it (settledLoad: one step, a lower bound). What it leaves out: a return
 * that arrives while the child has another case open counts as a new contact, the start-of-week
 * clustering of work in the calendar is averaged away, and long-term teams' capacity
 * (`services.longTermCapacity`) is not a stage here. It is an estimate: against the simulation
 * the places' ρ is typically within 0.1 of the simulated utilisation, and
 * test/validation/capacityAgreement.test.ts checks its verdict on every preset.
 */

/** One stage's offered load. */
export interface StageLoad {
  /** Stable id, e.g. `screening` or `team:North:places`. */
  id: string;
  stage: 'screening' | 'dutyManagers' | 'assessmentPlaces';
  /** The duty team, for team stages. */
  team?: string;
  /** Plain-words name of the stage, e.g. "North: duty managers". */
  label: string;
  /** Work arriving per month, in `unit`. */
  offered: number;
  /** What the staff can do per month, in `unit`. */
  capacity: number;
  /** 'staff hours' or 'caseload places' (places are occupied for the assessment's duration). */
  unit: 'staff hours' | 'caseload places';
  /** Offered load ÷ capacity (Infinity when there is work but no capacity). */
  rho: number;
  /** 'over' at ρ ≥ 1, 'near' at ρ ≥ NEAR_CAPACITY, else 'ok'. */
  status: 'over' | 'near' | 'ok';
}

/** ρ at or above which a stage is flagged as near capacity (queues grow quickly as ρ → 1). */
export const NEAR_CAPACITY = 0.85;

/** Average days in a month (365.25 / 12). */
const DAYS_PER_MONTH = 30.4375;

const status = (rho: number): StageLoad['status'] => (rho >= 1 ? 'over' : rho >= NEAR_CAPACITY ? 'near' : 'ok');

function stage(s: Omit<StageLoad, 'rho' | 'status'>): StageLoad {
  const rho = s.capacity > 0 ? s.offered / s.capacity : s.offered > 0 ? Infinity : 0;
  return { ...s, rho, status: status(rho) };
}

/**
 * Whole filled posts and newly qualified workers per team, rounded once for the county by the
 * largest remainder as src/sim/staff.ts `countyStaffing` does (src/scenario may not import the
 * engine; test/scenario/capacity.test.ts checks the two agree).
 */
export function filledPosts(teams: Scenario['dutyTeams']): { filled: number; nq: number }[] {
  const round = (exact: readonly number[]) => {
    const floors = exact.map((x) => Math.floor(x + 1e-9));
    let extra = Math.round(exact.reduce((a, b) => a + b, 0)) - floors.reduce((a, b) => a + b, 0);
    const order = exact.map((x, i) => [x - floors[i]!, i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
    for (const [, i] of order) {
      if (extra <= 0) break;
      floors[i]!++;
      extra--;
    }
    return floors;
  };
  const filled = round(teams.map((t) => t.socialWorkerPosts * (1 - t.vacancyRate)));
  const nq = round(teams.map((t, i) => filled[i]! * t.newlyQualifiedShare));
  return filled.map((f, i) => ({ filled: f, nq: Math.min(f, nq[i]!) }));
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
function settledLoad(base: TeamContext, concerns: number, staff: { filled: number; nq: number }) {
  const { assessment: a } = base.scenario;
  const { team } = base;
  const places = (staff.filled - staff.nq) * team.caseloadCap + staff.nq * team.newlyQualifiedCaseloadCap;
  const decided = decisionGrid(base);
  const at = (u: number) => {
    const excess = Math.max(0, Math.min(u, a.pressureCap) - a.pressureKnee);
    const ctx: TeamContext = {
      ...base,
      newlyQualifiedShare: newlyQualifiedHeldShare(staff.filled, staff.nq, team.caseloadCap, team.newlyQualifiedCaseloadCap, u),
      prematureClosure: Math.min(1, a.prematureClosureBaseRate + a.prematureClosurePerPressure * excess),
      durationStretch: 1 + a.durationStretchPerPressure * excess,
    };
    const load = teamLoad(ctx, decided);
    const rho = !load.converged ? Infinity : places > 0 ? (concerns * load.perConcern.placeMonths) / places : concerns > 0 ? Infinity : 0;
    return { load, rho };
  };
  const first = at(0);
  return at(first.rho >= 1 ? Math.max(1, a.pressureCap) : first.rho).load;
}

/** Offered load at every stage: the front door, then each team's managers and social workers. */
export function offeredLoad(scenario: Scenario): StageLoad[] {
  const { calendar, demand, frontDoor: fd } = scenario;
  // As in src/sim/workingCalendar.ts: "always" means 24 hours a day, 7 days a week.
  const always = calendar.mode === 'always';
  const bankHolidaysPerYear = always ? 0 : calendar.bankHolidayDaysOfYear.length;
  const workingDaysPerMonth = ((always ? 7 : calendar.workingDaysPerWeek) * DAYS_PER_MONTH) / 7 - bankHolidaysPerYear / 12;
  const hoursPerMonth = (always ? 24 : calendar.hoursPerDay) * workingDaysPerMonth;
  const concerns = demand.sources.reduce((sum, src) => sum + src.contactsPerMonth, 0);
  const totalShare = scenario.dutyTeams.reduce((s, t) => s + t.demandShare, 0);
  const central = fd.structure === 'contactCentre' || fd.structure === 'singleQualified';
  const reviews = fd.structure === 'contactCentre' || fd.structure === 'districtDuty';
  const screeners = fd.unqualifiedScreeners + fd.qualifiedScreeners;
  // Unqualified screeners are used first (ServerPool); near capacity, where the verdict matters,
  // every screener is busy, so the work splits by headcount.
  const unqualifiedScreenerShare = screeners > 0 ? fd.unqualifiedScreeners / screeners : 0;
  const staffing = filledPosts(scenario.dutyTeams);

  let screeningHours = 0;
  const teamStages: StageLoad[] = [];
  scenario.dutyTeams.forEach((team, ti) => {
    const { filled, nq } = staffing[ti]!;
    const places = (filled - nq) * team.caseloadCap + nq * team.newlyQualifiedCaseloadCap;
    const ctx: TeamContext = {
      scenario,
      team,
      unqualifiedScreenerShare,
      newlyQualifiedShare: 0,
      workingDaysPerMonth,
      prematureClosure: 0,
      durationStretch: 1,
    };
    const concernsHere = concerns * (totalShare > 0 ? team.demandShare / totalShare : 0);
    const load = settledLoad(ctx, concernsHere, staffing[ti]!);
    const per = (x: number) => (load.converged ? concernsHere * x : concernsHere > 0 ? Infinity : 0);
    screeningHours += per(load.perConcern.screening);
    if (reviews) {
      teamStages.push(
        stage({
          id: `team:${team.name}:managers`,
          stage: 'dutyManagers',
          team: team.name,
          label: `${team.name}: duty managers screening and deciding`,
          offered: per(load.perConcern.managers),
          capacity: team.managers * hoursPerMonth,
          unit: 'staff hours',
        }),
      );
    }
    teamStages.push(
      stage({
        id: `team:${team.name}:places`,
        stage: 'assessmentPlaces',
        team: team.name,
        label: `${team.name}: social workers’ caseload places`,
        offered: per(load.perConcern.placeMonths),
        capacity: places,
        unit: 'caseload places',
      }),
    );
  });

  const loads: StageLoad[] = [];
  if (central) {
    loads.push(
      stage({
        id: 'screening',
        stage: 'screening',
        label: 'Front door: screening contacts',
        offered: screeningHours,
        capacity: screeners * hoursPerMonth,
        unit: 'staff hours',
      }),
    );
  }
  return [...loads, ...teamStages];
}

/** The stages at or near capacity, worst first. */
export function capacityWarnings(scenario: Scenario): StageLoad[] {
  return offeredLoad(scenario)
    .filter((s) => s.status !== 'ok')
    .sort((x, y) => y.rho - x.rho);
}
