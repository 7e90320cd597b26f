import { describe, expect, it } from 'vitest';
import { AUTOSAVE_KEY, autosaveScenario, type KeyValueStore } from '../../src/scenario/storage.ts';
import { encodeScenario } from '../../src/scenario/urlCodec.ts';
import { memoryBackend } from '../../src/ui/features/library/backend.ts';
import { Library } from '../../src/ui/features/library/library.ts';
import { openInitialScenario, TAB_ENTRY_KEY } from '../../src/ui/initialScenario.ts';
import { fixtureScenario } from '../fixtures/scenario.ts';

const store = (): KeyValueStore & { m: Map<string, string> } => {
  const m = new Map<string, string>();
  return { m, getItem: (k) => m.get(k) ?? null, setItem: (k, v) => void m.set(k, v), removeItem: (k) => void m.delete(k) };
};
const preset = { ...fixtureScenario(), id: 'preset-a', name: 'Preset A' };
const edited = { ...fixtureScenario(), id: 'edited', name: 'Edited' };
const linked = { ...fixtureScenario(), id: 'linked', name: 'Linked' };

let clock = 1_000;
const lib = () => new Library(memoryBackend(), 'tab-1', () => (clock += 1000));
const open = (library: Library, opts: { hash?: string; legacy?: KeyValueStore | null; session?: KeyValueStore | null } = {}) =>
  openInitialScenario({ hash: opts.hash ?? '', library, legacy: opts.legacy ?? null, session: opts.session ?? null, presets: [preset], defaultId: 'preset-a' });

describe('opening scenario', () => {
  it('opens the default preset on a first visit, saved as the first library entry', async () => {
    const library = lib();
    const r = await open(library);
    expect(r).toMatchObject({ scenario: preset, origin: 'preset preset-a', notice: null });
    expect(r.library.entryId).not.toBeNull();
    expect((await library.load()).entries.map((e) => e.draft)).toEqual([preset]);
  });

  it('adds a scenario from a link beside the saved work, never in place of it', async () => {
    const library = lib();
    await library.create(edited, true, 'edits');
    const r = await open(library, { hash: '#' + encodeScenario(linked) });
    expect(r.scenario).toEqual(linked);
    expect(r.library.notices.map((n) => n.key)).toContain('opened');
    const names = (await library.load()).entries.map((e) => e.draft.name).sort();
    expect(names).toEqual(['Edited', 'Linked']);
    // Reloading with the same link opens the same entry rather than adding another.
    const again = await open(library, { hash: '#' + encodeScenario(linked) });
    expect(again.library.entryId).toBe(r.library.entryId);
    expect((await library.load()).entries).toHaveLength(2);
  });

  it('reopens the entry this tab had open, else the most recently saved', async () => {
    const library = lib();
    const a = await library.create(edited, true, 'edits');
    await library.create(linked, true, 'edits');
    expect((await open(library)).scenario).toEqual(linked);
    const session = store();
    session.setItem(TAB_ENTRY_KEY, a.ok ? a.entry.id : '');
    expect((await open(library, { session })).scenario).toEqual(edited);
  });

  it('reports a broken link and falls back to the saved work, without using any of it', async () => {
    const library = lib();
    await library.create(edited, true, 'edits');
    const r = await open(library, { hash: '#v1.bm90IGRlZmxhdGU' });
    expect(r.scenario).toEqual(edited);
    expect(r.notice?.kind).toBe('error');
    expect(r.notice?.problems[0]?.message).toMatch(/damaged or incomplete/);
  });

  it('moves an earlier version’s autosave into the library, and quarantines one it cannot read (never overwritten)', async () => {
    const legacy = store();
    autosaveScenario(legacy, edited);
    const library = lib();
    expect((await open(library, { legacy })).scenario).toEqual(edited);
    expect(legacy.m.has(AUTOSAVE_KEY)).toBe(false);

    for (const bad of ['{oops', '', 'null', '{"format":"front-door-autosave","version":1,"scenario":{"id":"x"}}']) {
      const old = store();
      old.setItem(AUTOSAVE_KEY, bad);
      const l2 = lib();
      const r = await open(l2, { legacy: old });
      expect(r.scenario).toEqual(preset);
      expect(r.library.notices.find((n) => n.key === 'quarantine')?.title).toMatch(/could not be read/);
      const q = (await l2.load()).quarantined;
      expect(q.map((x) => x.raw)).toEqual([bad]);
    }
  });

  it('leaves other fragments alone (e.g. a skip link target)', async () => {
    expect((await open(lib(), { hash: '#main' })).notice).toBeNull();
  });
});
