import { describe, expect, it } from 'vitest';
import type { KeyValueStore } from '../../src/scenario/storage.ts';
import { memoryBackend } from '../../src/ui/features/library/backend.ts';
import { Library } from '../../src/ui/features/library/library.ts';
import { forgetUnsaved, keepUnsaved, markClosing, RESCUE_KEY, STALE_MS } from '../../src/ui/features/library/rescue.ts';
import { openInitialScenario, TAB_ENTRY_KEY } from '../../src/ui/initialScenario.ts';
import { fixtureScenario } from '../fixtures/scenario.ts';

/**
 * The safety copy of an edit not yet saved (src/ui/features/library/rescue.ts): a page that goes
 * away in the moment between an edit and the library's save leaves the copy, and the next page
 * keeps it in the library before it opens, over the entry when nobody saved it since, else
 * beside it. A copy of a tab still open is left alone.
 */

const store = (): KeyValueStore & { m: Map<string, string> } => {
  const m = new Map<string, string>();
  return { m, getItem: (k) => m.get(k) ?? null, setItem: (k, v) => void m.set(k, v), removeItem: (k) => void m.delete(k) };
};
const preset = { ...fixtureScenario(), id: 'preset-a', name: 'Preset A' };
let clock = 1_000;
const lib = () => new Library(memoryBackend(), 'tab-1', () => (clock += 1000));
const open = (library: Library, local: KeyValueStore, session: KeyValueStore | null = null) =>
  openInitialScenario({ hash: '', library, legacy: local, session, presets: [preset], defaultId: 'preset-a' });

describe('an edit made just before the page closed is kept', () => {
  it('goes into its entry when the page closed before the library saved it', async () => {
    const library = lib();
    const local = store();
    const first = await open(library, local);
    const edited = { ...preset, name: 'Edited just before reload' };
    keepUnsaved(local, 'tab-old', { entryId: first.library.entryId, revision: first.library.revision, draft: edited, valid: true, at: Date.now() });
    markClosing(local, 'tab-old');
    const again = await open(library, local);
    expect(again.scenario).toEqual(edited);
    expect(again.library.entryId).toBe(first.library.entryId);
    expect((await library.load()).entries).toHaveLength(1);
    expect(local.getItem(RESCUE_KEY)).toBeNull();
  });

  it('goes beside the entry, never over it, when another tab saved the entry since', async () => {
    const library = lib();
    const local = store();
    const first = await open(library, local);
    const id = first.library.entryId!;
    const theirs = { ...preset, name: 'Saved by another tab' };
    expect((await library.save(id, theirs, true, first.library.revision)).kind).toBe('saved');
    const mine = { ...preset, name: 'My unsaved edit' };
    keepUnsaved(local, 'tab-old', { entryId: id, revision: first.library.revision, draft: mine, valid: true, at: Date.now() });
    markClosing(local, 'tab-old');
    const session = store();
    session.setItem(TAB_ENTRY_KEY, id);
    const again = await open(library, local, session);
    expect(again.scenario).toEqual(mine);
    const names = (await library.load()).entries.map((e) => e.draft.name).sort();
    expect(names).toEqual(['My unsaved edit', 'Saved by another tab']);
  });

  it('leaves alone the copy of a tab still open, and clears a copy once the library has the draft', async () => {
    const library = lib();
    const local = store();
    const first = await open(library, local);
    const busy = { ...preset, name: 'Another tab, mid-edit' };
    keepUnsaved(local, 'tab-open', { entryId: first.library.entryId, revision: first.library.revision, draft: busy, valid: true, at: Date.now() });
    const again = await open(library, local);
    expect(again.scenario).toEqual(preset);
    expect(local.getItem(RESCUE_KEY)).not.toBeNull();
    // Long after, with its tab silent, the copy is taken after all.
    keepUnsaved(local, 'tab-open', {
      entryId: first.library.entryId,
      revision: first.library.revision,
      draft: busy,
      valid: true,
      at: Date.now() - STALE_MS - 1,
    });
    expect((await open(library, local)).scenario).toEqual(busy);
    // A copy whose draft the library saved is forgotten; a newer draft's copy is not.
    keepUnsaved(local, 'tab-x', { entryId: null, revision: 0, draft: busy, valid: true, at: Date.now() });
    forgetUnsaved(local, 'tab-x', { ...busy, name: 'older' });
    expect(local.getItem(RESCUE_KEY)).not.toBeNull();
    forgetUnsaved(local, 'tab-x', busy);
    expect(local.getItem(RESCUE_KEY)).toBeNull();
  });

  it('ignores a slot that is not what it should be', async () => {
    const library = lib();
    const local = store();
    local.setItem(RESCUE_KEY, '{"tab": {"draft": 1}}');
    expect((await open(library, local)).scenario).toEqual(preset);
    local.setItem(RESCUE_KEY, 'not json');
    expect((await open(library, local)).scenario).toEqual(preset);
  });
});
