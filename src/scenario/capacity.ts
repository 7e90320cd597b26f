import type { Scenario } from './schema.ts';

/**
 * A quick check, before any run, of whether each stage can keep up: offered load ρ = work
 * arriving per month ÷ capacity per month, from the scenario's numbers alone (no simulation).
 * ρ ≥ 1 means the queue at that stage grows without limit, whatever the run length.
 *
 * It is deliberately a first-order estimate: it counts first contacts and duplicates but not
 * children who come back, and it uses normal approximations of perceived need (true need plus
 * the information and screening errors, as in models/*.rules.ts). Social workers are limited,
 * as in the engine, by caseload places held for the length of an assessment (Little's law), not
 * by hours. Returning children and pressure-stretched assessments only add load, so a stage
 * flagged here is over capacity in the simulation too; one passed here may still be close.
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

/** Standard normal cumulative distribution (erfc after Numerical Recipes §6.2; error < 1.2e-7). */
export function normalCdf(z: number): number {
  const x = Math.abs(z) / Math.SQRT2;
  const t = 1 / (1 + 0.5 * x);
  const erfc =
    t *
    Math.exp(
      -x * x - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418 + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))),
    );
  return z >= 0 ? 1 - erfc / 2 : erfc / 2;
}

/** Chance that a normal(mean, sd) variable is at or above `level` (sd 0 gives 0 or 1). */
function above(level: number, mean: number, sd: number): number {
  if (sd <= 0) return mean >= level ? 1 : 0;
  return 1 - normalCdf((level - mean) / sd);
}

const status = (rho: number): StageLoad['status'] => (rho >= 1 ? 'over' : rho >= NEAR_CAPACITY ? 'near' : 'ok');

function stage(s: Omit<StageLoad, 'rho' | 'status'>): StageLoad {
  const rho = s.capacity > 0 ? s.offered / s.capacity : s.offered > 0 ? Infinity : 0;
  return { ...s, rho, status: status(rho) };
}

/** Points of the grid over true need used to average the decision rules (per agency). */
const GRID = 240;

/**
 * What happens to a team's first contacts, as shares of all concerns (before diversion): those
 * that become contacts, reach a duty manager, are accepted for assessment, go on to a core
 * assessment, or are returned for reclassification. Averages the decision rules of
 * models/*.rules.ts over true need x ~ normal(mean + agency shift, sd); given x, each person's
 * view of need carries its own error (the agency's information error with the screener's or
 * manager's; the assessing social worker's alone), so the decisions are linked through x.
 */
export function teamFlows(scenario: Scenario, team: Scenario['dutyTeams'][number], screenerSd: number, known: number) {
  const { demand, need, frontDoor: fd, assessment: a, earlyHelp } = scenario;
  const concerns = demand.sources.reduce((sum, src) => sum + src.contactsPerMonth, 0);
  const swSd = Math.sqrt((1 - team.newlyQualifiedShare) * a.qualifiedAssessmentSd ** 2 + team.newlyQualifiedShare * a.newlyQualifiedAssessmentSd ** 2);
  const out = { contacts: 0, reviewed: 0, accepted: 0, core: 0, reclassified: 0 };
  if (concerns <= 0) return out;
  for (const src of demand.sources) {
    const w = src.contactsPerMonth / concerns;
    const mu = demand.meanNeedScore + src.needShift;
    const sd = demand.needScoreSd;
    const scrSd = Math.sqrt(src.informationQualitySd ** 2 + screenerSd ** 2);
    const mgrSd = Math.sqrt(src.informationQualitySd ** 2 + fd.qualifiedScreeningSd ** 2 + team.thresholdInconsistencySd ** 2);
    const n = sd > 0 ? GRID : 1;
    for (let i = 0; i < n; i++) {
      // midpoint rule over mu ± 5 sd
      const z = n === 1 ? 0 : -5 + (10 * (i + 0.5)) / n;
      const x = mu + z * sd;
      const weight = w * (n === 1 ? 1 : (Math.exp(-0.5 * z * z) / Math.sqrt(2 * Math.PI)) * (10 / n));
      const moderate = x >= need.moderateLevel && x < need.childInNeedLevel;
      const pass = 1 - (moderate ? team.earlyHelpCoverage * earlyHelp.upstreamDiversionShare : 0);
      const pFast = fd.childProtectionFastTrack ? above(need.childProtectionLevel, x, scrSd) : 0;
      const pRef = above(fd.referralThreshold, x, scrSd);
      const pAcc = above(team.threshold, x, mgrSd);
      const pCore = above(a.coreAssessmentLevel, x, swSd) * (1 - a.prematureClosureBaseRate);
      let reviewed = 0;
      let accepted = 0;
      let reclassified = 0;
      if (fd.structure === 'contactCentre') {
        reviewed = known * (1 - pFast) + (1 - known) * Math.max(0, pRef - pFast);
        accepted = pFast + reviewed * pAcc;
        // Known children the centre did not class as referrals must go back to be reclassified.
        reclassified = fd.reclassificationRequired ? known * (1 - Math.max(pRef, pFast)) * pAcc : 0;
      } else if (fd.structure === 'singleQualified') {
        accepted = pRef;
      } else if (fd.structure === 'districtDuty') {
        reviewed = 1 - pFast;
        accepted = pFast + reviewed * pAcc;
      } else {
        accepted = 1;
      }
      out.contacts += weight * pass;
      out.reviewed += weight * pass * reviewed;
      out.accepted += weight * pass * accepted;
      out.core += weight * pass * accepted * pCore;
      out.reclassified += weight * pass * reclassified;
    }
  }
  return out;
}

/** Offered load at every stage: the front door, then each team's managers and social workers. */
export function offeredLoad(scenario: Scenario): StageLoad[] {
  const { calendar, demand, frontDoor: fd, assessment: a } = scenario;
  // As in src/sim/workingCalendar.ts: "always" means 24 hours a day, 7 days a week.
  const always = calendar.mode === 'always';
  const bankHolidaysPerYear = always ? 0 : calendar.bankHolidayDaysOfYear.length;
  const workingDaysPerMonth = ((always ? 7 : calendar.workingDaysPerWeek) * DAYS_PER_MONTH) / 7 - bankHolidaysPerYear / 12;
  const hoursPerMonth = (always ? 24 : calendar.hoursPerDay) * workingDaysPerMonth;
  const concerns = demand.sources.reduce((sum, src) => sum + src.contactsPerMonth, 0);
  const totalShare = scenario.dutyTeams.reduce((s, t) => s + t.demandShare, 0);
  const central = fd.structure === 'contactCentre' || fd.structure === 'singleQualified';
  const screenerSd = fd.unqualifiedScreeners > 0 ? fd.unqualifiedScreeningSd : fd.qualifiedScreeningSd;
  const known = fd.structure === 'contactCentre' && fd.knownChildrenRescreened ? demand.knownChildShare : 0;

  const loads: StageLoad[] = [];
  let contactsTotal = 0;
  let reclassifiedTotal = 0;
  const teamStages: StageLoad[] = [];
  for (const team of scenario.dutyTeams) {
    const teamShare = totalShare > 0 ? team.demandShare / totalShare : 0;
    const f = teamFlows(scenario, team, screenerSd, known);
    const firstContacts = concerns * teamShare * f.contacts;
    // Duplicates are screened, then linked to the open case: screening work, nothing after.
    contactsTotal += firstContacts * (1 + demand.multiAgencyReportShare);
    reclassifiedTotal += concerns * teamShare * f.reclassified;
    const reviewed = f.contacts > 0 ? f.reviewed / f.contacts : 0;
    const accepted = f.contacts > 0 ? f.accepted / f.contacts : 0;
    const contacts = firstContacts;
    if (reviewed > 0) {
      teamStages.push(
        stage({
          id: `team:${team.name}:managers`,
          stage: 'dutyManagers',
          team: team.name,
          label: `${team.name}: duty managers screening and deciding`,
          offered: contacts * reviewed * team.meanManagerScreeningHours,
          capacity: team.managers * hoursPerMonth,
          unit: 'staff hours',
        }),
      );
    }

    // Assessments: each accepted referral holds a caseload place for its initial assessment, and
    // a share go on to a core assessment (Little's law: places = arrivals × time held).
    const referrals = contacts * accepted;
    const coreShare = f.accepted > 0 ? Math.min(1, f.core / f.accepted) : 0;
    const filled = team.socialWorkerPosts * (1 - team.vacancyRate);
    const places = filled * ((1 - team.newlyQualifiedShare) * team.caseloadCap + team.newlyQualifiedShare * team.newlyQualifiedCaseloadCap);
    const placeMonths = (a.meanInitialAssessmentWorkingDays + coreShare * a.meanCoreAssessmentWorkingDays) / workingDaysPerMonth;
    teamStages.push(
      stage({
        id: `team:${team.name}:places`,
        stage: 'assessmentPlaces',
        team: team.name,
        label: `${team.name}: social workers’ caseload places`,
        offered: referrals * placeMonths,
        capacity: places,
        unit: 'caseload places',
      }),
    );
  }

  if (central) {
    loads.push(
      stage({
        id: 'screening',
        stage: 'screening',
        label: 'Front door: screening contacts',
        offered: (contactsTotal + reclassifiedTotal) * fd.meanScreeningHours,
        capacity: (fd.unqualifiedScreeners + fd.qualifiedScreeners) * hoursPerMonth,
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
