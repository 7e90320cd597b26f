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

/** Offered load at every stage: the front door, then each team's managers and social workers. */
export function offeredLoad(scenario: Scenario): StageLoad[] {
  const { calendar, demand, need, frontDoor: fd, assessment: a } = scenario;
  // As in src/sim/workingCalendar.ts: "always" means 24 hours a day, 7 days a week.
  const always = calendar.mode === 'always';
  const bankHolidaysPerYear = always ? 0 : calendar.bankHolidayDaysOfYear.length;
  const workingDaysPerMonth = ((always ? 7 : calendar.workingDaysPerWeek) * DAYS_PER_MONTH) / 7 - bankHolidaysPerYear / 12;
  const hoursPerMonth = (always ? 24 : calendar.hoursPerDay) * workingDaysPerMonth;
  const concerns = demand.sources.reduce((sum, src) => sum + src.contactsPerMonth, 0);
  const weights = demand.sources.map((src) => (concerns > 0 ? src.contactsPerMonth / concerns : 0));
  /** Share of contacts whose need, seen with the given error, is at or above a level. */
  const shareAbove = (level: number, errorSd: number) =>
    demand.sources.reduce((sum, src, i) => {
      const sd = Math.sqrt(demand.needScoreSd ** 2 + src.informationQualitySd ** 2 + errorSd ** 2);
      return sum + (weights[i] as number) * above(level, demand.meanNeedScore + src.needShift, sd);
    }, 0);
  const trueShareAbove = (level: number) =>
    demand.sources.reduce((sum, src, i) => sum + (weights[i] as number) * above(level, demand.meanNeedScore + src.needShift, demand.needScoreSd), 0);
  const moderateShare = trueShareAbove(need.moderateLevel) - trueShareAbove(need.childInNeedLevel);
  const totalShare = scenario.dutyTeams.reduce((s, t) => s + t.demandShare, 0);

  const central = fd.structure === 'contactCentre' || fd.structure === 'singleQualified';
  const screenerSd = fd.unqualifiedScreeners > 0 ? fd.unqualifiedScreeningSd : fd.qualifiedScreeningSd;
  const referralShare = shareAbove(fd.referralThreshold, screenerSd);
  const fastTrackShare = fd.childProtectionFastTrack ? shareAbove(need.childProtectionLevel, screenerSd) : 0;

  const loads: StageLoad[] = [];
  let contactsTotal = 0;
  let reclassifiedTotal = 0;
  const teamStages: StageLoad[] = [];
  for (const team of scenario.dutyTeams) {
    const teamShare = totalShare > 0 ? team.demandShare / totalShare : 0;
    const diverted = team.earlyHelpCoverage * scenario.earlyHelp.upstreamDiversionShare * moderateShare;
    const contacts = concerns * teamShare * (1 - diverted) * (1 + demand.multiAgencyReportShare);
    contactsTotal += contacts;

    // What reaches the duty manager, and what the manager accepts (perceived need ≥ threshold).
    const managerSd = Math.sqrt(fd.qualifiedScreeningSd ** 2 + team.thresholdInconsistencySd ** 2);
    const acceptShare = shareAbove(team.threshold, managerSd);
    let reviewed: number;
    let accepted: number;
    if (fd.structure === 'contactCentre') {
      const known = fd.knownChildrenRescreened ? demand.knownChildShare : 0;
      const referred = Math.min(1, fastTrackShare + (1 - known) * Math.max(0, referralShare - fastTrackShare));
      reviewed = known + referred;
      accepted = Math.min(reviewed, fastTrackShare + known * acceptShare + (referred - fastTrackShare) * acceptShare);
      if (fd.reclassificationRequired) reclassifiedTotal += contacts * known * acceptShare;
    } else if (fd.structure === 'singleQualified') {
      reviewed = 0;
      accepted = referralShare;
    } else if (fd.structure === 'districtDuty') {
      reviewed = 1;
      accepted = acceptShare;
    } else {
      reviewed = 0;
      accepted = 1;
    }
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
    const coreShare = acceptShare > 0 ? Math.min(1, shareAbove(Math.max(a.coreAssessmentLevel, team.threshold), managerSd) / acceptShare) : 0;
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
