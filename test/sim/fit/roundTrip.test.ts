import { describe, expect, it } from 'vitest';
import { baseScenario } from '../../../src/scenario/fit/base.ts';
import { applyParameters, fitParameter } from '../../../src/scenario/fit/parameters.ts';
import { FitTargets, type TargetKey } from '../../../src/scenario/fit/targets.ts';
import { getPreset } from '../../../src/scenario/presets.ts';
import { fitScenario } from '../../../src/sim/fit/fit.ts';
import { simulatedTarget } from '../../../src/sim/fit/objective.ts';
import { inProcess } from './inProcess.ts';

// A small council from medway-2006 (20,000 children) keeps each candidate run to a few tens of milliseconds.
const preset = getPreset('medway-2006')!;
const population = 20_000;
const params = ['demand.scale', 'frontDoor.referralThreshold', 'services.needMetShare', 'dutyTeams.threshold'].map(fitParameter);
const search = { days: 180, warmupDays: 30, reps: 2, seed: 2010 };
const check = { days: 365, warmupDays: 60, reps: 6, seed: 2010 };

describe('fitting a scenario to published figures', () => {
  it('fits back targets made by a known scenario whose parameters are hidden, within every tolerance', async () => {
    const { scenario: base } = baseScenario(preset, FitTargets.parse({ childPopulation: population, basePreset: preset.id }));
    // The truth: each parameter moved away from the base (which is where the fit starts).
    const truthU = [0.62, 0.3, 0.7, 0.4];
    const truthValues = params.map((p, i) => {
      const [lo, hi] = p.range(base);
      return lo + truthU[i]! * (hi - lo);
    });
    const truth = applyParameters(base, params, truthValues);
    // Targets from the truth on other seeds than the fit's, as a council's year is one draw.
    const run = { days: 365, warmupDays: 60, reps: 6, seed: 99 };
    const [reps] = await inProcess([truth], run);
    const keys: TargetKey[] = ['referralsPer10k', 'contactToReferralPct', 'reReferralPct', 'referralsNfaPct'];
    const figures = Object.fromEntries(keys.map((k) => [k, reps!.reduce((a, m) => a + simulatedTarget(k, m, run.days, population), 0) / reps!.length]));
    const targets = FitTargets.parse({ childPopulation: population, basePreset: preset.id, ...figures });
    const before = await inProcess([base], check);
    const fit = await fitScenario(preset, targets, inProcess, { parameters: params, search, check, maxEvaluations: 60 });
    expect(fit.comparisons.map((c) => c.key)).toEqual(keys);
    for (const c of fit.comparisons) expect(Math.abs(c.standardisedError), `${c.key}: target ${c.target}, fitted ${c.fitted}`).toBeLessThanOrEqual(1);
    expect(fit.goodFit).toBe(true);
    // The base itself did not fit (so the test can fail): the fit had work to do.
    const { compareTargets } = await import('../../../src/sim/fit/objective.ts');
    expect(compareTargets(targets, before[0]!, check.days).every((c) => c.withinTolerance)).toBe(false);
    // Demand and the front door's threshold are pinned by referrals per 10,000 and the conversion rate.
    expect(fit.parameters.find((p) => p.id === 'demand.scale')!.identification).toBe('pinned');
    expect(fit.scenario.id).toBe('my-authority-fitted');
  }, 60_000);

  it('reports a contradictory target set as a poor fit instead of averaging it away', async () => {
    // 200 contacts a month with 90% becoming referrals is 1,080 referrals per 10,000 children a year, not 100.
    const targets = FitTargets.parse({
      childPopulation: population,
      basePreset: preset.id,
      contactsPerMonth: 200,
      contactToReferralPct: 90,
      referralsPer10k: 100,
    });
    const fit = await fitScenario(preset, targets, inProcess, { parameters: params, search, check: { ...check, reps: 3 }, maxEvaluations: 30 });
    expect(fit.goodFit).toBe(false);
    expect(fit.comparisons.filter((c) => !c.withinTolerance).length).toBeGreaterThan(0);
    expect(fit.checkObjective).toBeGreaterThan(fit.comparisons.length);
  }, 60_000);

  it('refuses to fit with only the population given', async () => {
    await expect(fitScenario(preset, FitTargets.parse({ childPopulation: population }), inProcess)).rejects.toThrow(/at least one published figure/);
  });
});
