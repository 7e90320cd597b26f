import { describe, expect, it } from 'vitest';
import { SWEEP_PARAMETERS, sweepParameter, sweepScenarios, sweepValues } from '../../src/ui/features/sweep/sweepParameters.ts';
import { fixtureScenario } from '../fixtures/scenario.ts';

describe('sweep parameters', () => {
  it('each parameter sets the value it then reads back, and leaves a valid scenario', () => {
    const base = fixtureScenario();
    for (const p of SWEEP_PARAMETERS) {
      const v = p.integer ? Math.max(p.min, 3) : Math.min(p.max, 0.5);
      const result = sweepScenarios(base, p, [v]);
      if (!result.ok) throw new Error(`${p.id}: ${JSON.stringify(result.problems)}`);
      if (p.id !== 'demandScale') expect(p.get(result.scenarios[0]!)).toBeCloseTo(v, 9);
    }
  });

  it('sweeps duty social workers from 10 to 40 in whole posts', () => {
    const p = sweepParameter('socialWorkerPosts');
    expect(sweepValues(p, 10, 40, 7)).toEqual([10, 15, 20, 25, 30, 35, 40]);
    expect(sweepValues(p, 1, 3, 7)).toEqual([1, 2, 3]);
    const r = sweepScenarios(fixtureScenario(), p, [10, 40]);
    expect(r.ok && r.scenarios.map((s) => s.dutyTeams.map((t) => t.socialWorkerPosts))).toEqual([[10, 10], [40, 40]]);
  });

  it('keeps the newly qualified cap within the full cap when the cap is swept down', () => {
    const r = sweepScenarios(fixtureScenario(), sweepParameter('caseloadCap'), [4]);
    expect(r.ok && r.scenarios[0]!.dutyTeams[0]).toMatchObject({ caseloadCap: 4, newlyQualifiedCaseloadCap: 4 });
  });

  it('scales demand without touching anything else', () => {
    const r = sweepScenarios(fixtureScenario(), sweepParameter('demandScale'), [2]);
    expect(r.ok && r.scenarios[0]!.demand.sources.map((s) => s.contactsPerMonth)).toEqual([1200, 600]);
  });

  it('reports a value outside the parameter’s bounds instead of running it', () => {
    const r = sweepScenarios(fixtureScenario(), sweepParameter('vacancyRate'), [0.2, 1.5]);
    expect(r).toMatchObject({ ok: false, value: 1.5 });
  });

  it('refuses an unknown parameter', () => {
    expect(() => sweepParameter('nope')).toThrow(/unknown sweep parameter/);
  });
});
