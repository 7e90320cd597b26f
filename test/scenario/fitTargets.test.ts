import { describe, expect, it } from 'vitest';
import { baseScenario, ENGLAND_SOCIAL_WORKERS_PER_CHILD, slug } from '../../src/scenario/fit/base.ts';
import { NATIONAL_FIGURES } from '../../src/scenario/fit/national.ts';
import { applyParameters, FIT_PARAMETERS, fitParameter, fitParametersFor } from '../../src/scenario/fit/parameters.ts';
import { FIGURES, FitTargets, toleranceOf } from '../../src/scenario/fit/targets.ts';
import { parseScenario, problemsOf } from '../../src/scenario/parse.ts';
import { getPreset } from '../../src/scenario/presets.ts';

const kent = getPreset('kent-2010')!;

describe('a council’s published figures (fit targets)', () => {
  it('needs only the population, and names the field of every problem', () => {
    expect(FitTargets.safeParse({ childPopulation: 50_000 }).success).toBe(true);
    const bad = FitTargets.safeParse({ reReferralPct: 140, caseload: 16 });
    expect(bad.success).toBe(false);
    const paths = problemsOf(bad.error!).map((p) => p.path);
    expect(paths).toEqual(expect.arrayContaining(['childPopulation', 'reReferralPct']));
    expect(problemsOf(bad.error!).some((p) => p.message.includes('caseload'))).toBe(true);
  });

  it('gives every figure where to find it and a definition, and tolerances relative or in points as documented', () => {
    for (const f of Object.values(FIGURES)) expect(f.where.length > 20 && f.definition.length > 20).toBe(true);
    const t = FitTargets.parse({ childPopulation: 50_000, referralsPer10k: 500, reReferralPct: 22, tolerances: { reReferralPct: 2 } });
    expect(toleranceOf(t, 'referralsPer10k')).toBeCloseTo(50);
    expect(toleranceOf(t, 'reReferralPct')).toBe(2);
  });

  it('scales the base preset to the population, sets posts from FTE against England’s rate and the vacancy rate', () => {
    const half = FitTargets.parse({ childPopulation: 156_690, vacancyPct: 25 });
    const { scenario, scaling } = baseScenario(kent, half);
    expect(scaling.demandFactor).toBeCloseTo(0.5);
    const contacts = (s: typeof kent) => s.demand.sources.reduce((a, x) => a + x.contactsPerMonth, 0);
    expect(contacts(scenario)).toBeCloseTo(contacts(kent) / 2);
    expect(scenario.dutyTeams.every((t) => t.vacancyRate === 0.25)).toBe(true);
    expect(parseScenario(scenario).ok).toBe(true);
    const posts = (s: typeof kent) => s.dutyTeams.reduce((a, t) => a + t.socialWorkerPosts, 0);
    const doubleFte = FitTargets.parse({ childPopulation: 313_380, socialWorkersFte: 2 * 313_380 * ENGLAND_SOCIAL_WORKERS_PER_CHILD });
    expect(posts(baseScenario(kent, doubleFte).scenario)).toBe(2 * posts(kent));
    expect(() => baseScenario({ ...kent, id: 'somewhere' }, half)).toThrow(/child population of preset "somewhere"/);
    expect(slug('Royal Borough of Kingston upon Thames')).toBe('royal-borough-of-kingston-upon-thames-fitted');
  });

  it('starts from England 2023-24 by default, which is per 100,000 children and scales to any council, keeping its framework', () => {
    const t = FitTargets.parse({ childPopulation: 250_000 });
    expect(t.basePreset).toBe('england-2023-24');
    const england = getPreset(t.basePreset)!;
    const { scenario, scaling } = baseScenario(england, t);
    expect(scaling.presetPopulation).toBe(100_000);
    expect(scaling.demandFactor).toBeCloseTo(2.5);
    const contacts = (s: typeof kent) => s.demand.sources.reduce((a, x) => a + x.contactsPerMonth, 0);
    expect(contacts(scenario)).toBeCloseTo(contacts(england) * 2.5);
    expect(scenario.assessment.framework).toBe('wt2013');
    expect(scenario.frontDoor.structure).toBe('mash');
    expect(parseScenario(scenario).ok).toBe(true);
    expect(baseScenario(getPreset('england-2009-10')!, t).scenario.assessment.framework).toBe('wt2010');
  });

  it('applies every fit parameter to the base, within the schema, at both ends of its range', () => {
    const { scenario: base } = baseScenario(kent, FitTargets.parse({ childPopulation: 313_380 }));
    for (const end of [0, 1]) {
      const values = FIT_PARAMETERS.map((p) => p.range(base)[end]!);
      const s = applyParameters(base, FIT_PARAMETERS, values);
      expect(parseScenario(s).ok).toBe(true);
      FIT_PARAMETERS.forEach((p, i) => {
        if (p.id.includes('.') && !['demand.scale', 'dutyTeams.threshold', 'assessment.workHours'].includes(p.id))
          expect(p.baseValue(s)).toBeCloseTo(values[i]!);
      });
    }
    expect(applyParameters(base, [fitParameter('dutyTeams.threshold')], [5]).dutyTeams.map((t) => t.threshold)).toEqual(
      base.dutyTeams.map((t) => t.threshold + 5),
    );
    // Work hours scale initial and core together.
    const slower = applyParameters(base, [fitParameter('assessment.workHours')], [1.5]).assessment;
    expect([slower.initialAssessmentWorkHours, slower.coreAssessmentWorkHours]).toEqual([
      base.assessment.initialAssessmentWorkHours * 1.5,
      base.assessment.coreAssessmentWorkHours * 1.5,
    ]);
    expect(() => fitParameter('nope')).toThrow(/not a fit parameter/);
  });

  it('holds England’s figures with a year and a source for each', () => {
    for (const f of NATIONAL_FIGURES) expect(f.year && f.source.length > 10).toBeTruthy();
    expect(NATIONAL_FIGURES.find((f) => f.key === 'reReferralPct')?.value).toBe(22);
  });
});

describe('the MASH’s check after acceptance is fitted only where it can be pinned', () => {
  it('is moved for a MASH base given the council’s referrals ending in NFA, and not otherwise', () => {
    const england = getPreset('england-2023-24')!;
    const kent = getPreset('kent-2010')!;
    const ids = (ps: readonly { id: string }[]) => ps.map((p) => p.id);
    expect(ids(fitParametersFor(england, true))).toContain('frontDoor.mashClosedBeforeAssessmentShare');
    expect(ids(fitParametersFor(england, false))).not.toContain('frontDoor.mashClosedBeforeAssessmentShare');
    expect(ids(fitParametersFor(kent, true))).not.toContain('frontDoor.mashClosedBeforeAssessmentShare');
    const p = fitParameter('frontDoor.mashClosedBeforeAssessmentShare');
    expect(p.range(england)).toEqual([0, 0.7]);
    expect(p.apply(england, 0.2).frontDoor.mashClosedBeforeAssessmentShare).toBe(0.2);
  });
});
