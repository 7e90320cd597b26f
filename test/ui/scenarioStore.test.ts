import { describe, expect, it } from 'vitest';
import { scenarioReducer, type ScenarioState } from '../../src/ui/features/controls/useScenarioStore.ts';
import { fixtureScenario } from '../fixtures/scenario.ts';

const start = (): ScenarioState => ({ draft: fixtureScenario(), revision: 0, fieldErrors: {}, origin: 'test', past: [], future: [] });

describe('scenario editing state', () => {
  it('applies a change at a path and can undo and redo it', () => {
    let s = scenarioReducer(start(), { type: 'set', path: ['dutyTeams', 0, 'threshold'], value: 65 });
    expect(s.draft.dutyTeams[0]?.threshold).toBe(65);
    s = scenarioReducer(s, { type: 'undo' });
    expect(s.draft.dutyTeams[0]?.threshold).toBe(55);
    s = scenarioReducer(s, { type: 'redo' });
    expect(s.draft.dutyTeams[0]?.threshold).toBe(65);
  });

  it('changes every team at once as one step', () => {
    const s = scenarioReducer(start(), { type: 'setMany', changes: [0, 1].map((i) => ({ path: ['dutyTeams', i, 'vacancyRate'], value: 0.3 })) });
    expect(s.draft.dutyTeams.map((t) => t.vacancyRate)).toEqual([0.3, 0.3]);
    expect(s.past).toHaveLength(1);
  });

  it('keeps refused values by path and clears them when the whole scenario is replaced', () => {
    let s = scenarioReducer(start(), { type: 'fieldError', path: ['frontDoor', 'referralThreshold'], message: 'Too big' });
    expect(s.fieldErrors).toEqual({ 'frontDoor.referralThreshold': 'Too big' });
    s = scenarioReducer(s, { type: 'replace', scenario: fixtureScenario(), origin: 'preset' });
    expect(s.fieldErrors).toEqual({});
    expect(s.revision).toBe(1);
  });

  it('a value set for every team clears a value a team’s control had refused', () => {
    let s = scenarioReducer(start(), { type: 'fieldError', path: ['dutyTeams', 1, 'threshold'], message: 'Too big' });
    s = scenarioReducer(s, { type: 'setMany', changes: [0, 1].map((i) => ({ path: ['dutyTeams', i, 'threshold'], value: 50 })) });
    expect(s.fieldErrors).toEqual({});
  });

  it('returns the same state for a no-op, so React does not re-render', () => {
    const s = start();
    expect(scenarioReducer(s, { type: 'fieldError', path: ['name'], message: null })).toBe(s);
    expect(scenarioReducer(s, { type: 'undo' })).toBe(s);
  });
});
