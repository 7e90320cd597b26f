import { describe, expect, it } from 'vitest';
import { scenarioDiff } from '../../src/ui/lib/scenarioDiff.ts';
import { fixtureScenario } from '../fixtures/scenario.ts';

describe('scenario differences', () => {
  it('finds nothing between a scenario and itself', () => {
    expect(scenarioDiff(fixtureScenario(), fixtureScenario())).toEqual([]);
  });

  it('lists each changed leaf with its path and both values', () => {
    const a = fixtureScenario();
    const b = {
      ...a,
      frontDoor: { ...a.frontDoor, structure: 'singleQualified' as const, unqualifiedScreeners: 0 },
      dutyTeams: a.dutyTeams.map((t, i) => (i === 1 ? { ...t, threshold: 70 } : t)),
    };
    expect(scenarioDiff(a, b)).toEqual([
      { path: 'frontDoor.structure', before: 'contactCentre', after: 'singleQualified' },
      { path: 'frontDoor.unqualifiedScreeners', before: 6, after: 0 },
      { path: 'dutyTeams.1.threshold', before: 60, after: 70 },
    ]);
  });

  it('reports lists of different lengths once, by length', () => {
    const a = fixtureScenario();
    const b = { ...a, dutyTeams: a.dutyTeams.slice(0, 1) };
    expect(scenarioDiff(a, b)).toEqual([{ path: 'dutyTeams', before: '2 items', after: '1 items' }]);
  });
});
