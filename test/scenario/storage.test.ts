import { describe, expect, it } from 'vitest';
import { AUTOSAVE_KEY, autosaveScenario, clearAutosave, loadAutosave, type KeyValueStore } from '../../src/scenario/storage.ts';
import { fixtureScenario } from '../fixtures/scenario.ts';

function memoryStore(): KeyValueStore & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return {
    data,
    getItem: (k) => data.get(k) ?? null,
    setItem: (k, v) => void data.set(k, v),
    removeItem: (k) => void data.delete(k),
  };
}

describe('autosave', () => {
  it('returns null when nothing was saved', () => {
    expect(loadAutosave(memoryStore())).toBeNull();
  });

  it('reads back exactly the scenario it saved', () => {
    const store = memoryStore();
    expect(autosaveScenario(store, fixtureScenario())).toEqual({ ok: true });
    expect(loadAutosave(store)).toEqual({ ok: true, value: fixtureScenario() });
  });

  it('reports, rather than trusts, an entry that is not JSON, in another format, or invalid', () => {
    const store = memoryStore();
    store.setItem(AUTOSAVE_KEY, '{oops');
    expect(loadAutosave(store)?.ok).toBe(false);
    store.setItem(AUTOSAVE_KEY, JSON.stringify({ hello: 1 }));
    expect(loadAutosave(store)?.ok).toBe(false);
    const bad = { ...fixtureScenario(), dutyTeams: [] };
    store.setItem(AUTOSAVE_KEY, JSON.stringify({ format: 'front-door-autosave', version: 1, scenario: bad }));
    const loaded = loadAutosave(store);
    expect(loaded?.ok === false && loaded.problems[0]?.path).toBe('dutyTeams');
  });

  it('turns a full or blocked store into a message instead of an exception', () => {
    const store: KeyValueStore = {
      getItem: () => {
        throw new Error('blocked');
      },
      setItem: () => {
        throw new Error('QuotaExceededError');
      },
      removeItem: () => {
        throw new Error('blocked');
      },
    };
    expect(autosaveScenario(store, fixtureScenario())).toEqual({ ok: false, message: expect.stringMatching(/QuotaExceeded/) });
    expect(loadAutosave(store)).toBeNull();
    expect(() => clearAutosave(store)).not.toThrow();
  });
});
