import { describe, expect, it } from 'vitest';
import { capacityWarnings, normalCdf, offeredLoad } from '../../src/scenario/capacity.ts';
import { parseScenario } from '../../src/scenario/parse.ts';
import { PRESETS } from '../../src/scenario/presets.ts';
import { runBatch } from '../../src/sim/batch.ts';
import type { Scenario } from '../../src/scenario/schema.ts';
import { fixtureScenario } from './fixtures/scenario.ts';

const withTeams = (s: Scenario, patch: Partial<Scenario['dutyTeams'][number]>): Scenario => ({ ...s, dutyTeams: s.dutyTeams.map((t) => ({ ...t, ...patch })) });

describe('offered load (ρ) check', () => {
  it('normal CDF matches tables', () => {
    expect(normalCdf(0)).toBeCloseTo(0.5, 7);
    expect(normalCdf(1.959964)).toBeCloseTo(0.975, 6);
    expect(normalCdf(-1)).toBeCloseTo(0.158655254, 6);
  });

  it('computes screening load by hand for a direct check: contacts × hours ÷ staff hours', () => {
    const s = fixtureScenario();
    const screening = offeredLoad(s).find((x) => x.id === 'screening');
    // capacity: 7 screeners × 7.5 h × (5 × 30.4375 / 7) working days
    expect(screening?.capacity).toBeCloseTo(7 * 7.5 * ((5 * 30.4375) / 7), 6);
    // 900 concerns + 10% duplicates, less some upstream diversion, plus reclassifications, at 0.75 h
    expect(screening?.offered).toBeGreaterThan(900 * 0.75 * 0.8);
    expect(screening?.offered).toBeLessThan(900 * 1.1 * 0.75 * 1.5);
    expect(screening?.rho).toBeCloseTo((screening?.offered ?? 0) / (screening?.capacity ?? 1), 12);
  });

  it('flags a team whose caseload places cannot hold the assessments it accepts, with the numbers', () => {
    const s = withTeams(fixtureScenario(), { socialWorkerPosts: 1, vacancyRate: 0.5 });
    const warnings = capacityWarnings(s);
    const places = warnings.find((w) => w.id === 'team:South:places');
    expect(places?.status).toBe('over');
    expect(places?.rho).toBeGreaterThan(1);
    expect(places?.unit).toBe('caseload places');
    // worst first
    const rhos = warnings.map((w) => w.rho);
    expect(rhos).toEqual(warnings.map((w) => w.rho).sort((a, b) => b - a));
  });

  it('says nothing for a scenario with ample staff', () => {
    const s = withTeams({ ...fixtureScenario(), frontDoor: { ...fixtureScenario().frontDoor, unqualifiedScreeners: 60 } }, { socialWorkerPosts: 200, managers: 20 });
    expect(capacityWarnings(s)).toEqual([]);
  });

  it('loads each stage more when demand grows and less when staff are added (monotone)', () => {
    const base = fixtureScenario();
    const busier = { ...base, demand: { ...base.demand, sources: base.demand.sources.map((x) => ({ ...x, contactsPerMonth: x.contactsPerMonth * 2 })) } };
    const staffed = withTeams(base, { socialWorkerPosts: 30, managers: 5 });
    const rho = (s: Scenario) => new Map(offeredLoad(s).map((x) => [x.id, x.rho]));
    const [b, u, st] = [rho(base), rho(busier), rho(staffed)];
    for (const [id, r] of b) {
      expect(u.get(id)).toBeCloseTo(2 * r, 9);
      if (id.startsWith('team:')) expect(st.get(id)).toBeLessThan(r);
    }
  });

  it('has no screening stage where every contact goes straight to the teams, and infinite ρ with no staff', () => {
    const direct = parseScenario({ ...fixtureScenario(), frontDoor: { ...fixtureScenario().frontDoor, structure: 'direct' } });
    if (!direct.ok) throw new Error('fixture');
    expect(offeredLoad(direct.value).some((x) => x.stage === 'screening' || x.stage === 'dutyManagers')).toBe(false);
    const empty = withTeams(fixtureScenario(), { socialWorkerPosts: 0 });
    expect(offeredLoad(empty).find((x) => x.id === 'team:North:places')?.rho).toBe(Infinity);
  });
});

describe('offered load against the simulation (a lower bound, by construction)', () => {
  // ρ counts first contacts and duplicates only; returning children, pressure-stretched
  // assessments and cases waiting for transfer only add load. So the simulated utilisation of
  // each stage should be at least ρ, give or take the noise of a short run.
  const NOISE = 0.05;
  it.each(PRESETS.map((p) => [p.id, p] as const))('%s: simulated utilisation is at least ρ at every stage', (_id, preset) => {
    const batch = runBatch(preset, { days: 240, warmupDays: 60, reps: 2, seed: 11 });
    const loads = offeredLoad(preset);
    const pooled = (stage: string) => {
      const xs = loads.filter((x) => x.stage === stage);
      return xs.length ? xs.reduce((s, x) => s + x.offered, 0) / xs.reduce((s, x) => s + x.capacity, 0) : null;
    };
    const screening = pooled('screening');
    if (screening !== null) expect(batch.metrics.screenerUtilisation.mean).toBeGreaterThanOrEqual(screening - NOISE);
    const managers = pooled('dutyManagers');
    if (managers !== null) expect(batch.metrics.managerUtilisation.mean).toBeGreaterThanOrEqual(managers - NOISE);
    for (const place of loads.filter((x) => x.stage === 'assessmentPlaces' && x.rho < 1)) {
      const team = batch.teams.find((t) => t.name === place.team);
      expect(team?.metrics.socialWorkerUtilisation.mean, place.label).toBeGreaterThanOrEqual(place.rho - NOISE);
    }
  });
});
