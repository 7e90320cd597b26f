import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../src/scenario/parse.ts';
import { SWEEP_PARAMETERS, sweepParameter, sweepScenarios, sweepValues, type SweepParameter } from '../../src/ui/features/sweep/sweepParameters.ts';
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
    expect(r.ok && r.scenarios.map((s) => s.dutyTeams.map((t) => t.socialWorkerPosts))).toEqual([
      [10, 10],
      [40, 40],
    ]);
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

/**
 * A sweep's bounds are the schema's: checked against parseScenario (the zod schema itself), not
 * against the helper that reads them, so bounds written into sweepParameters.ts by hand that
 * disagree with src/scenario/schema.ts fail here.
 */
describe('sweep bounds agree with the scenario schema', () => {
  const base = fixtureScenario();
  /** The problems the schema reports at the parameter's own field when every team (or the front door) takes `v`. */
  const problemsAt = (p: SweepParameter, v: number) => {
    const parsed = parseScenario(p.set(base, v));
    return parsed.ok ? [] : parsed.problems.filter((x) => x.path === p.path!.join('.'));
  };
  const withField = SWEEP_PARAMETERS.filter((p) => p.path);

  it.each(withField.map((p) => [p.id, p] as const))(
    '%s: the schema accepts its min and max, refuses just beyond either, and agrees on whole numbers',
    (_, p) => {
      const step = p.integer ? 1 : 1e-6;
      expect(problemsAt(p, p.min), `min ${p.min}`).toEqual([]);
      expect(problemsAt(p, p.max), `max ${p.max}`).toEqual([]);
      expect(problemsAt(p, p.min - step), `below min ${p.min}`).not.toEqual([]);
      expect(problemsAt(p, p.max + step), `above max ${p.max}`).not.toEqual([]);
      const between = p.min + Math.min(1, (p.max - p.min) / 2) / 2; // not a whole number
      if (p.integer) expect(problemsAt(p, between), `${between}`).not.toEqual([]);
      else expect(problemsAt(p, between), `${between}`).toEqual([]);
    },
  );

  it('every parameter but the demand factor sets a schema field', () => {
    expect(SWEEP_PARAMETERS.filter((p) => !p.path).map((p) => p.id)).toEqual(['demandScale']);
  });

  it('social worker posts go up to the schema’s 5,000 (the sweep used to stop at 200)', () => {
    expect(sweepParameter('socialWorkerPosts')).toMatchObject({ integer: true, min: 0, max: 5000 });
    expect(sweepScenarios(base, sweepParameter('socialWorkerPosts'), [5000]).ok).toBe(true);
  });
});
