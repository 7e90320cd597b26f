import { describe, expect, it } from 'vitest';
import { getPreset } from '../../src/scenario/presets.ts';
import type { Scenario } from '../../src/scenario/schema.ts';
import { countyStaffing } from '../../src/sim/staff.ts';

/**
 * Each restructure is kent-2010 with one change, so that comparing it with kent-2010 isolates
 * that change. The schema has no inheritance, so each file is a full scenario: this test checks
 * that it differs from kent-2010 only where the restructure says (plus id, name, description
 * and sources).
 */

/** Every leaf path where two JSON-like values differ, e.g. `dutyTeams.3.threshold`. */
function diffPaths(a: unknown, b: unknown, path = ''): string[] {
  if (Object.is(a, b)) return [];
  const bothObjects = a !== null && b !== null && typeof a === 'object' && typeof b === 'object';
  if (!bothObjects || Array.isArray(a) !== Array.isArray(b)) return [path];
  const keys = new Set([...Object.keys(a as object), ...Object.keys(b as object)]);
  return [...keys].flatMap((k) => diffPaths((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], path ? `${path}.${k}` : k));
}

const META = /^(id|name|description|sources(\..*)?)$/;

const base = getPreset('kent-2010')!;
const preset = (id: string): Scenario => {
  const p = getPreset(id);
  if (!p) throw new Error(`no preset ${id}`);
  return p;
};

const RESTRUCTURES: { id: string; changes: RegExp; what: string }[] = [
  { id: 'kent-2010-single-front-door', changes: /^frontDoor\./, what: 'the front door only' },
  { id: 'kent-2010-one-threshold', changes: /^dutyTeams\.\d+\.threshold$/, what: "the duty teams' thresholds only" },
  { id: 'kent-2010-vacancies-filled', changes: /^dutyTeams\.\d+\.vacancyRate$/, what: "the duty teams' vacancy rates only" },
  { id: 'kent-2010-caf-relaunched', changes: /^dutyTeams\.\d+\.earlyHelpCoverage$/, what: "the duty teams' early-help coverage only" },
  { id: 'kent-2010-twelve-districts', changes: /^dutyTeams(\..*)?$/, what: 'the duty teams only' },
  { id: 'kent-2010-mash', changes: /^frontDoor\./, what: 'the front door only' },
];

describe('restructures are kent-2010 with one change', () => {
  for (const r of RESTRUCTURES) {
    it(`${r.id} differs from kent-2010 in ${r.what} (besides id, name, description and sources)`, () => {
      const paths = diffPaths(base, preset(r.id)).filter((p) => !META.test(p));
      expect(paths.length, 'the restructure changes something').toBeGreaterThan(0);
      expect(paths.filter((p) => !r.changes.test(p))).toEqual([]);
    });
  }

  it('K10 ¶25: the single front door has no unqualified screeners, no second screening and no reclassification', () => {
    const fd = preset('kent-2010-single-front-door').frontDoor;
    expect(fd.structure).toBe('singleQualified');
    expect(fd.unqualifiedScreeners).toBe(0);
    expect(fd.qualifiedScreeners).toBe(base.frontDoor.unqualifiedScreeners + base.frontDoor.qualifiedScreeners);
    expect(fd.knownChildrenRescreened).toBe(false);
    expect(fd.reclassificationRequired).toBe(false);
  });

  it("K10 ¶24: one county-wide threshold is the demand-weighted average of kent-2010's eleven", () => {
    const teams = base.dutyTeams;
    const avg = Math.round(teams.reduce((s, t) => s + t.threshold * t.demandShare, 0) / teams.reduce((s, t) => s + t.demandShare, 0));
    expect(new Set(preset('kent-2010-one-threshold').dutyTeams.map((t) => t.threshold))).toEqual(new Set([avg]));
    expect(preset('kent-2010-single-front-door').frontDoor.referralThreshold).toBe(avg);
  });

  it('K10R Priority 8: every team is at or below the 10-15% vacancy target, and the county fills more posts than kent-2010', () => {
    const filled = preset('kent-2010-vacancies-filled').dutyTeams;
    for (const t of filled) {
      expect(t.vacancyRate).toBeLessThanOrEqual(0.1);
      expect(t.vacancyRate).toBeLessThan(base.dutyTeams.find((b) => b.name === t.name)!.vacancyRate);
    }
    // The engine rounds filled posts once for the county (largest remainder), as it runs them.
    const total = (ts: readonly Scenario['dutyTeams'][number][]) => countyStaffing(ts).reduce((s, x) => s + x.filled, 0);
    expect(total(filled)).toBeGreaterThan(total(base.dutyTeams));
  });

  it('K10 ¶26: relaunched CAF works everywhere, where kent-2010 has it in one locality', () => {
    expect(base.dutyTeams.filter((t) => t.earlyHelpCoverage > 0)).toHaveLength(1);
    for (const t of preset('kent-2010-caf-relaunched').dutyTeams) expect(t.earlyHelpCoverage).toBe(1);
  });

  it('K10 ¶8, ¶24: twelve district teams hold the same staff, managers and demand as the eleven duty access points', () => {
    const twelve = preset('kent-2010-twelve-districts').dutyTeams;
    expect(base.dutyTeams).toHaveLength(11);
    expect(twelve).toHaveLength(12);
    const sum = (ts: readonly Scenario['dutyTeams'][number][], f: (t: Scenario['dutyTeams'][number]) => number) => ts.reduce((s, t) => s + f(t), 0);
    for (const f of [
      (t: Scenario['dutyTeams'][number]) => t.socialWorkerPosts,
      (t: Scenario['dutyTeams'][number]) => t.managers,
      (t: Scenario['dutyTeams'][number]) => t.demandShare,
    ]) {
      expect(sum(twelve, f)).toBe(sum(base.dutyTeams, f));
    }
    // The engine rounds filled posts once for the county: the split must not change the county's filled posts.
    const filled = (ts: readonly Scenario['dutyTeams'][number][]) => countyStaffing(ts).reduce((s, t) => s + t.filled, 0);
    expect(filled(twelve)).toBe(filled(base.dutyTeams));
  });
});
