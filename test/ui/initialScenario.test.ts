import { describe, expect, it } from 'vitest';
import { AUTOSAVE_KEY, autosaveScenario, type KeyValueStore } from '../../src/scenario/storage.ts';
import { encodeScenario } from '../../src/scenario/urlCodec.ts';
import { chooseInitialScenario } from '../../src/ui/initialScenario.ts';
import { fixtureScenario } from './fixtures/scenario.ts';

const store = (): KeyValueStore => {
  const m = new Map<string, string>();
  return { getItem: (k) => m.get(k) ?? null, setItem: (k, v) => void m.set(k, v), removeItem: (k) => void m.delete(k) };
};
const preset = { ...fixtureScenario(), id: 'preset-a', name: 'Preset A' };
const edited = { ...fixtureScenario(), id: 'edited', name: 'Edited' };
const linked = { ...fixtureScenario(), id: 'linked', name: 'Linked' };

describe('opening scenario', () => {
  it('opens the default preset on a first visit', () => {
    expect(chooseInitialScenario({ hash: '', store: store(), presets: [preset], defaultId: 'preset-a' })).toMatchObject({ scenario: preset, origin: 'preset preset-a', notice: null });
  });

  it('prefers the link over the autosave, and the autosave over the preset', () => {
    const s = store();
    autosaveScenario(s, edited);
    expect(chooseInitialScenario({ hash: '', store: s, presets: [preset], defaultId: 'preset-a' }).scenario).toEqual(edited);
    expect(chooseInitialScenario({ hash: '#' + encodeScenario(linked), store: s, presets: [preset], defaultId: 'preset-a' }).scenario).toEqual(linked);
  });

  it('reports a broken link and falls back, without using any of it', () => {
    const s = store();
    autosaveScenario(s, edited);
    const r = chooseInitialScenario({ hash: '#v1.bm90IGRlZmxhdGU', store: s, presets: [preset], defaultId: 'preset-a' });
    expect(r.scenario).toEqual(edited);
    expect(r.notice?.kind).toBe('error');
    expect(r.notice?.problems[0]?.message).toMatch(/damaged or incomplete/);
  });

  it('reports an unreadable autosave and opens the preset', () => {
    const s = store();
    s.setItem(AUTOSAVE_KEY, '{"format":"front-door-autosave","version":1,"scenario":{"id":"x"}}');
    const r = chooseInitialScenario({ hash: '', store: s, presets: [preset], defaultId: 'preset-a' });
    expect(r.scenario).toEqual(preset);
    expect(r.notice?.title).toMatch(/saved in this browser could not be read/);
  });

  it('leaves other fragments alone (e.g. a skip link target)', () => {
    expect(chooseInitialScenario({ hash: '#main', store: null, presets: [preset], defaultId: 'preset-a' }).notice).toBeNull();
  });
});
