import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { capacityWarnings, filledPosts, normalCdf, offeredLoad } from '../../src/sim/flow/capacity.ts';
import { parseScenario } from '../../src/scenario/parse.ts';
import type { Scenario } from '../../src/scenario/schema.ts';
import { countyStaffing } from '../../src/sim/staff.ts';
import { scenarioArb } from '../fixtures/randomScenario.ts';
import { fixtureScenario } from '../fixtures/scenario.ts';

const withTeams = (s: Scenario, patch: Partial<Scenario['dutyTeams'][number]>): Scenario => ({ ...s, dutyTeams: s.dutyTeams.map((t) => ({ ...t, ...patch })) });
const withReturns = (s: Scenario, unmet: number, met: number): Scenario => ({
  ...s,
  reReferral: { ...s.reReferral, unmetNeedReturnsPerYear: unmet, metNeedReturnsPerYear: met },
});
const rhoOf = (s: Scenario, id: string) => offeredLoad(s).find((x) => x.id === id)!.rho;
const rhos = (s: Scenario) => new Map(offeredLoad(s).map((x) => [x.id, x.rho]));

/** The fixture with nothing that makes a team's way of working depend on how busy it is. */
function linearFixture(): Scenario {
  const s = withTeams(fixtureScenario(), { newlyQualifiedShare: 0 });
  return { ...s, assessment: { ...s.assessment, pressureKnee: 2, pressureCap: 2 } };
}

/**
 * The check as it was before returns were counted (commit d56f958, `teamFlows`), for a contact
 * centre, places only: first contacts averaged over need with a midpoint rule over mean ± 5 sd.
 * Valid where its simplifications are exact: one kind of screener, no newly qualified workers,
 * no premature closure, no agency bias and no duplicate reports.
 */
function firstContactPlaces(s: Scenario, team: Scenario['dutyTeams'][number], workingDaysPerMonth: number): number {
  const { demand, need, frontDoor: fd, assessment: a, earlyHelp } = s;
  const above = (level: number, mean: number, sd: number) => 1 - normalCdf((level - mean) / sd);
  const concerns = demand.sources.reduce((sum, src) => sum + src.contactsPerMonth, 0);
  const share = team.demandShare / s.dutyTeams.reduce((x, t) => x + t.demandShare, 0);
  const known = fd.knownChildrenRescreened ? demand.knownChildShare : 0;
  let accepted = 0;
  let core = 0;
  const n = 240;
  for (const src of demand.sources) {
    const w = src.contactsPerMonth / concerns;
    const scrSd = Math.hypot(src.informationQualitySd, fd.qualifiedScreeningSd);
    const mgrSd = Math.sqrt(src.informationQualitySd ** 2 + fd.qualifiedScreeningSd ** 2 + team.thresholdInconsistencySd ** 2);
    for (let i = 0; i < n; i++) {
      const z = -5 + (10 * (i + 0.5)) / n;
      const x = demand.meanNeedScore + src.needShift + z * demand.needScoreSd;
      const weight = (w * Math.exp(-0.5 * z * z) * 10) / n / Math.sqrt(2 * Math.PI);
      const pass = x >= need.moderateLevel && x < need.childInNeedLevel ? 1 - team.earlyHelpCoverage * earlyHelp.upstreamDiversionShare : 1;
      const pFast = above(need.childProtectionLevel, x, scrSd);
      const reviewed = known * (1 - pFast) + (1 - known) * Math.max(0, above(fd.referralThreshold, x, scrSd) - pFast);
      const acc = pFast + reviewed * above(team.threshold, x, mgrSd);
      accepted += weight * pass * acc;
      core += weight * pass * acc * above(a.coreAssessmentLevel, x, a.qualifiedAssessmentSd);
    }
  }
  return (concerns * share * (accepted * a.meanInitialAssessmentWorkingDays + core * a.meanCoreAssessmentWorkingDays)) / workingDaysPerMonth;
}

describe('offered load (ρ) check', () => {
  it('normal CDF matches tables', () => {
    expect(normalCdf(0)).toBeCloseTo(0.5, 7);
    expect(normalCdf(1.959964)).toBeCloseTo(0.975, 6);
    expect(normalCdf(-1)).toBeCloseTo(0.158655254, 6);
  });

  it('rounds filled posts and newly qualified workers exactly as the engine does', () => {
    const teams = [3, 8, 8, 16, 2.5].map((posts, i) => ({
      ...fixtureScenario().dutyTeams[0]!,
      name: `T${i}`,
      socialWorkerPosts: posts,
      vacancyRate: 0.13,
      newlyQualifiedShare: 0.4,
    }));
    expect(filledPosts(teams)).toEqual(countyStaffing(teams));
  });

  it('computes screening capacity by hand and screening load between first contacts and a generous bound', () => {
    const s = fixtureScenario();
    const screening = offeredLoad(s).find((x) => x.id === 'screening');
    // capacity: 7 screeners × 7.5 h × (5 × 30.4375 / 7) working days
    expect(screening?.capacity).toBeCloseTo(7 * 7.5 * ((5 * 30.4375) / 7), 6);
    // 900 concerns less some upstream diversion at 0.75 h, plus duplicates, reclassifications and returns
    expect(screening?.offered).toBeGreaterThan(900 * 0.75 * 0.8);
    expect(screening?.offered).toBeLessThan(900 * 0.75 * 4);
    expect(screening?.rho).toBeCloseTo((screening?.offered ?? 0) / (screening?.capacity ?? 1), 12);
  });

  it('equals the first-contact estimate it replaced when children never come back', () => {
    const base = linearFixture();
    const s: Scenario = {
      ...withReturns(base, 0, 0),
      frontDoor: { ...base.frontDoor, unqualifiedScreeners: 0, qualifiedScreeners: 7 },
      demand: { ...base.demand, multiAgencyReportShare: 0 },
      assessment: { ...base.assessment, prematureClosureBaseRate: 0 },
    };
    const workingDaysPerMonth = (5 * 30.4375) / 7;
    for (const stage of offeredLoad(s).filter((x) => x.stage === 'assessmentPlaces')) {
      const team = s.dutyTeams.find((t) => t.name === stage.team)!;
      const old = firstContactPlaces(s, team, workingDaysPerMonth);
      expect(Math.abs(stage.offered / old - 1), stage.label).toBeLessThan(0.005);
    }
  });

  it('counts returns: every stage carries more work when children come back, more the sooner they come', () => {
    const none = rhos(withReturns(fixtureScenario(), 0, 0));
    const some = rhos(withReturns(fixtureScenario(), 1, 0.1));
    const more = rhos(withReturns(fixtureScenario(), 3, 0.3));
    for (const [id, r] of none) {
      expect(some.get(id), id).toBeGreaterThan(r);
      expect(more.get(id), id).toBeGreaterThan(some.get(id)!);
    }
  });

  it('a higher threshold raises the team’s load when refused children come back, and lowers it when they do not', () => {
    const id = 'team:North:places';
    const strict = (s: Scenario): Scenario => ({ ...s, dutyTeams: s.dutyTeams.map((t) => (t.name === 'North' ? { ...t, threshold: 75 } : t)) });
    // As in the Kent presets: refused children with unmet need come back, need escalated.
    const base = withReturns(linearFixture(), 2, 0);
    const returning = { ...base, reReferral: { ...base.reReferral, escalationOnReturn: 10 } };
    expect(rhoOf(strict(returning), id)).toBeGreaterThan(rhoOf(returning, id));
    const once = withReturns(linearFixture(), 0, 0);
    expect(rhoOf(strict(once), id)).toBeLessThan(rhoOf(once, id));
  });

  it('flags a team whose caseload places cannot hold the assessments it accepts, with the numbers', () => {
    const s = withTeams(fixtureScenario(), { socialWorkerPosts: 1, vacancyRate: 0.5 });
    const warnings = capacityWarnings(s);
    const places = warnings.find((w) => w.id === 'team:South:places');
    expect(places?.status).toBe('over');
    expect(places?.rho).toBeGreaterThan(1);
    expect(places?.unit).toBe('caseload places');
    // worst first
    const rs = warnings.map((w) => w.rho);
    expect(rs).toEqual([...rs].sort((a, b) => b - a));
  });

  it('says nothing for a scenario with ample staff', () => {
    const s = withTeams(
      { ...fixtureScenario(), frontDoor: { ...fixtureScenario().frontDoor, unqualifiedScreeners: 60 } },
      { socialWorkerPosts: 200, managers: 20 },
    );
    expect(capacityWarnings(s)).toEqual([]);
  });

  it('is linear in demand where busyness does not change the work, and monotone where it does', () => {
    const double = (s: Scenario): Scenario => ({
      ...s,
      demand: { ...s.demand, sources: s.demand.sources.map((x) => ({ ...x, contactsPerMonth: x.contactsPerMonth * 2 })) },
    });
    const linear = linearFixture();
    const [b, u] = [rhos(linear), rhos(double(linear))];
    for (const [id, r] of b) expect(u.get(id), id).toBeCloseTo(2 * r, 9);
    // Pressure and caseload balancing only add work as a team fills.
    const base = fixtureScenario();
    const [b2, u2, st] = [rhos(base), rhos(double(base)), rhos(withTeams(base, { socialWorkerPosts: 30, managers: 5 }))];
    for (const [id, r] of b2) {
      expect(u2.get(id), id).toBeGreaterThanOrEqual(2 * r * 0.999);
      if (id.endsWith(':places')) expect(st.get(id), id).toBeLessThan(r);
    }
  });

  it('has no screening stage where every contact goes straight to the teams, and infinite ρ with no staff', () => {
    const direct = parseScenario({ ...fixtureScenario(), frontDoor: { ...fixtureScenario().frontDoor, structure: 'direct' } });
    if (!direct.ok) throw new Error('fixture');
    expect(offeredLoad(direct.value).some((x) => x.stage === 'frontDoorScreeners' || x.stage === 'dutyManagers')).toBe(false);
    const empty = withTeams(fixtureScenario(), { socialWorkerPosts: 0 });
    expect(offeredLoad(empty).find((x) => x.id === 'team:North:places')?.rho).toBe(Infinity);
  });

  it('gives every stage of any valid scenario a load of 0 or more, infinite only where work meets no staff', () => {
    fc.assert(
      fc.property(scenarioArb, (s) => {
        for (const stage of offeredLoad(s)) {
          expect(stage.offered, stage.id).toBeGreaterThanOrEqual(0);
          expect(stage.capacity, stage.id).toBeGreaterThanOrEqual(0);
          expect(Number.isNaN(stage.rho), stage.id).toBe(false);
          if (stage.rho === Infinity) expect(stage.capacity === 0 || stage.offered === Infinity, stage.id).toBe(true);
        }
      }),
      { numRuns: 60, seed: 20261202 },
    );
  });
});
