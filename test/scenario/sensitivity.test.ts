import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PRESETS } from '../../src/scenario/presets.ts';
import {
  fieldBounds,
  parameterRange,
  SENSITIVITY_PARAMETERS,
  sensitivityParameter,
  sensitivityVariants,
  valueAt,
  variantCount,
  withValue,
} from '../../src/scenario/sensitivity.ts';
import type { Scenario } from '../../src/scenario/schema.ts';
import { smallScenario } from '../fixtures/small.ts';
import { fixtureScenario } from '../fixtures/scenario.ts';

/** Every leaf path whose value differs between two scenarios (arrays by index). */
function differences(a: unknown, b: unknown, path = ''): string[] {
  if (a !== null && b !== null && typeof a === 'object' && typeof b === 'object') {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    return [...keys].flatMap((k) => differences((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], path ? `${path}.${k}` : k));
  }
  return Object.is(a, b) ? [] : [path];
}

const SCENARIOS: Scenario[] = [...PRESETS, smallScenario, fixtureScenario()];

describe('the parameters a sensitivity analysis varies', () => {
  it('are each a number in the schema, in every preset, and listed as assumed or calibrated in models/ASSUMPTIONS.md', () => {
    const assumptions = readFileSync(new URL('../../models/ASSUMPTIONS.md', import.meta.url), 'utf8').split('\n');
    for (const p of SENSITIVITY_PARAMETERS) {
      expect(() => fieldBounds(p.path), p.path).not.toThrow();
      for (const s of PRESETS) expect(typeof valueAt(s, p.path), `${p.path} in ${s.id}`).toBe('number');
      const row = assumptions.find((line) => line.startsWith('|') && line.split('|')[1]!.includes(`\`${p.path}\``));
      expect(row, `${p.path} has a row in ASSUMPTIONS.md`).toBeDefined();
      expect(row!.split('|')[3], `${p.path}'s basis`).toMatch(/assumed|calibrated/);
    }
    expect(new Set(SENSITIVITY_PARAMETERS.map((p) => p.path)).size).toBe(SENSITIVITY_PARAMETERS.length);
  });

  it('are listed in the README with their label, kent-2010 range and reason, as the code has them', () => {
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    const kent = PRESETS.find((s) => s.id === 'kent-2010')!;
    const n = (v: number) => String(Number(v.toPrecision(4)));
    for (const p of SENSITIVITY_PARAMETERS) {
      const r = parameterRange(p, kent);
      expect(readme).toContain(`| \`${p.path}\` | ${p.label} | ${n(r.base)} | ${n(r.low)} | ${n(r.high)} | ${p.basis} |`);
    }
  });

  it('have a plain-English label and a reason for their range', () => {
    for (const p of SENSITIVITY_PARAMETERS) {
      expect(p.label.length).toBeGreaterThan(10);
      expect(p.label).not.toMatch(/[a-z][A-Z]/); // not a field name
      expect(p.basis.length).toBeGreaterThan(10);
    }
    expect(() => sensitivityParameter('demand.nothing')).toThrow(/not a sensitivity parameter/);
  });
});

describe('a parameter’s range', () => {
  it('follows its rule: ±50% of 2 is 1 to 3; the unmet share of 0.88 ±50% is 0.82 to 0.94; ±2 points of 8 is 6 to 10', () => {
    const kent = PRESETS.find((s) => s.id === 'kent-2010')!;
    expect(parameterRange(sensitivityParameter('reReferral.unmetNeedReturnsPerYear'), kent)).toEqual({
      path: 'reReferral.unmetNeedReturnsPerYear',
      base: 2,
      low: 1,
      high: 3,
      cut: false,
    });
    expect(parameterRange(sensitivityParameter('services.needMetShare'), kent)).toMatchObject({ base: 0.88, low: 0.82, high: 0.94, cut: false });
    expect(parameterRange(sensitivityParameter('reReferral.escalationOnReturn'), kent)).toMatchObject({ low: 6, high: 10 });
  });

  it('is cut to the schema: a rate of 0 cannot go lower, a lookback cannot pass 120 months', () => {
    const kent = PRESETS.find((s) => s.id === 'kent-2010')!;
    expect(parameterRange(sensitivityParameter('reReferral.metNeedReturnsPerYear'), kent)).toMatchObject({ base: 0, low: 0, high: 0.1, cut: true });
    expect(parameterRange(sensitivityParameter('reReferral.historicReferralLookbackMonths'), kent)).toMatchObject({ base: 96, low: 48, high: 120, cut: true });
  });

  it('stays within the schema’s bounds with low ≤ value ≤ high, for any value the schema allows', () => {
    fc.assert(
      fc.property(fc.constantFrom(...SENSITIVITY_PARAMETERS), fc.double({ min: 0, max: 1, noNaN: true }), (p, u) => {
        const { min, max, integer } = fieldBounds(p.path);
        const value = integer ? Math.round(min + u * (Math.min(max, 1000) - min)) : min + u * (Math.min(max, 1000) - min);
        const r = parameterRange(p, withValue(smallScenario, p.path, value));
        expect(r.low).toBeGreaterThanOrEqual(min);
        expect(r.high).toBeLessThanOrEqual(max);
        expect(r.low).toBeLessThanOrEqual(value);
        expect(r.high).toBeGreaterThanOrEqual(value);
        if (integer) expect(Number.isInteger(r.low) && Number.isInteger(r.high)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});

describe('the variants of a scenario', () => {
  it('each change only their own field, to the low or high value inside the schema’s bounds, and parse as scenarios (every preset and two test scenarios)', () => {
    for (const s of SCENARIOS) {
      const plan = sensitivityVariants(s);
      expect(plan.ok, s.id).toBe(true);
      if (!plan.ok) continue;
      expect(plan.value.ranges.map((r) => r.path)).toEqual(SENSITIVITY_PARAMETERS.map((p) => p.path));
      expect(plan.value.variants.length).toBe(
        variantCount(
          s,
          SENSITIVITY_PARAMETERS.map((p) => p.path),
        ),
      );
      for (const v of plan.value.variants) {
        const { min, max } = fieldBounds(v.path);
        const range = plan.value.ranges.find((r) => r.path === v.path)!;
        expect(v.value, `${s.id} ${v.path} ${v.side}`).toBe(range[v.side]);
        expect(v.value).toBeGreaterThanOrEqual(min);
        expect(v.value).toBeLessThanOrEqual(max);
        expect(differences(s, v.scenario), `${s.id} ${v.path} ${v.side}`).toEqual([v.path]);
        expect(valueAt(v.scenario, v.path)).toBe(v.value);
      }
    }
  });

  it('leave out a side equal to the scenario’s value (nothing to run), and vary only the parameters asked for', () => {
    const kent = PRESETS.find((s) => s.id === 'kent-2010')!;
    const plan = sensitivityVariants(kent, ['reReferral.metNeedReturnsPerYear', 'reReferral.unmetNeedReturnsPerYear']);
    expect(plan.ok && plan.value.variants.map((v) => `${v.path} ${v.side} ${v.value}`)).toEqual([
      'reReferral.metNeedReturnsPerYear high 0.1',
      'reReferral.unmetNeedReturnsPerYear low 1',
      'reReferral.unmetNeedReturnsPerYear high 3',
    ]);
  });

  it('report a variant that is not a valid scenario instead of running it', () => {
    // No varied field has a cross-field rule today, so start from a scenario that was never
    // parsed: every variant of it keeps the bad field, and the first that does is reported.
    const bad = withValue(smallScenario, 'earlyHelp.needMetShare', 1.5);
    const plan = sensitivityVariants(bad, ['earlyHelp.needMetShare', 'reReferral.unmetNeedReturnsPerYear']);
    expect(plan.ok).toBe(false);
    if (!plan.ok) expect(plan.problems[0]!.message).toMatch(/with reReferral\.unmetNeedReturnsPerYear at 0\.75\)/);
  });
});
