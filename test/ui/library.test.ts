import { describe, expect, it } from 'vitest';
import { keyValueBackend, memoryBackend, type KeyValue } from '../../src/ui/features/library/backend.ts';
import { describeStorageError, importExport, Library } from '../../src/ui/features/library/library.ts';
import { MAX_VERSIONS, readDraft, VERSION_COALESCE_MS } from '../../src/ui/features/library/records.ts';
import { fixtureScenario } from '../fixtures/scenario.ts';

let clock = 0;
const tick = (ms = 1000) => (clock += ms);
const at = () => clock;

describe('scenario library', () => {
  it('keeps a draft that breaks a cross-field rule, marked invalid, and reads it back for editing', async () => {
    const lib = new Library(memoryBackend(), 'a', at);
    const s = fixtureScenario();
    const made = await lib.create(s, true, 'preset');
    if (!made.ok) throw new Error('not made');
    const bad = { ...s, need: { ...s.need, moderateLevel: 90 } };
    expect(readDraft(bad)).toMatchObject({ ok: true, valid: false });
    tick();
    const out = await lib.save(made.entry.id, bad, false, made.entry.revision);
    expect(out.kind).toBe('saved');
    const [e] = (await lib.load()).entries;
    expect(e?.valid).toBe(false);
    expect(e?.draft.need.moderateLevel).toBe(90);
    // the valid version before it is still in the history
    expect(e?.entry.versions.map((v) => v.valid)).toEqual([true, false]);
  });

  it('never saves over another tab’s save: the second tab gets a conflict and nothing is written', async () => {
    const backend = memoryBackend();
    const a = new Library(backend, 'tab-a', at);
    const b = new Library(backend, 'tab-b', at);
    const s = fixtureScenario();
    const made = await a.create(s, true, 'preset');
    if (!made.ok) throw new Error('not made');
    const rev = made.entry.revision;
    tick();
    expect((await a.save(made.entry.id, { ...s, name: 'A’s edit' }, true, rev)).kind).toBe('saved');
    const out = await b.save(made.entry.id, { ...s, name: 'B’s edit' }, true, rev);
    expect(out.kind).toBe('conflict');
    const [e] = (await a.load()).entries;
    expect(e?.draft.name).toBe('A’s edit');
  });

  it('coalesces one tab’s quick saves into one version, adds a version after a pause, and keeps at most MAX_VERSIONS', async () => {
    const lib = new Library(memoryBackend(), 'a', at);
    const s = fixtureScenario();
    const made = await lib.create(s, true, 'preset');
    if (!made.ok) throw new Error('not made');
    let rev = made.entry.revision;
    tick(VERSION_COALESCE_MS + 1);
    for (let i = 0; i < 5; i++) {
      tick(100);
      const out = await lib.save(made.entry.id, { ...s, name: `n${i}` }, true, rev);
      if (out.kind !== 'saved') throw new Error(out.kind);
      rev = out.entry.revision;
    }
    // after a pause the first save adds a version; the four quick saves after it replace it
    expect((await lib.load()).entries[0]?.entry.versions.map((v) => v.scenario && (v.scenario as { name: string }).name)).toEqual([s.name, 'n4']);
    for (let i = 0; i < MAX_VERSIONS + 5; i++) {
      tick(VERSION_COALESCE_MS + 1);
      const out = await lib.save(made.entry.id, { ...s, name: `m${i}` }, true, rev);
      if (out.kind !== 'saved') throw new Error(out.kind);
      rev = out.entry.revision;
    }
    const versions = (await lib.load()).entries[0]!.entry.versions;
    expect(versions).toHaveLength(MAX_VERSIONS);
    expect((versions.at(-1)!.scenario as { name: string }).name).toBe(`m${MAX_VERSIONS + 4}`);
    expect((versions[0]!.scenario as { name: string }).name).toBe(s.name);
  });

  it('quarantines an unreadable record exactly as found, and opens the rest', async () => {
    const backend = memoryBackend();
    const lib = new Library(backend, 'a', at);
    await lib.create(fixtureScenario(), true, 'preset');
    const junk = [{ format: 'something else' }, 'text', null, { format: 'front-door-library-entry', id: 'x' }];
    junk.forEach((j, i) => backend.stores.entries.set(`bad-${i}`, j));
    const loaded = await lib.load();
    expect(loaded.entries).toHaveLength(1);
    expect(loaded.newlyQuarantined.map((q) => q.raw)).toEqual(junk);
    expect(loaded.quarantined).toHaveLength(4);
    expect([...backend.stores.entries.keys()].filter((k) => k.startsWith('bad'))).toEqual([]);
    // a second load finds nothing new to quarantine
    expect((await lib.load()).newlyQuarantined).toEqual([]);
  });

  it('renames, duplicates, deletes and undoes a delete', async () => {
    const lib = new Library(memoryBackend(), 'a', at);
    const made = await lib.create(fixtureScenario(), true, 'preset');
    if (!made.ok) throw new Error('not made');
    await lib.rename(made.entry.id, '  My plan  ');
    const [e] = (await lib.load()).entries;
    expect(e?.entry.label).toBe('My plan');
    const copy = await lib.duplicate(e!);
    expect(copy.ok && copy.entry.label).toBe('My plan (copy)');
    await lib.delete(made.entry.id);
    expect((await lib.load()).entries.filter((x) => x.entry.deletedAt === null)).toHaveLength(1);
    await lib.restore(made.entry.id);
    expect((await lib.load()).entries.filter((x) => x.entry.deletedAt === null)).toHaveLength(2);
    const exported = JSON.parse(await lib.exportAll()) as { entries: unknown[]; format: string };
    expect(exported.format).toBe('front-door-library-export');
    expect(exported.entries).toHaveLength(2);
  });

  it('turns a full store into a quota failure, and leaves the saved entry as it was', async () => {
    const backend = memoryBackend();
    const lib = new Library(backend, 'a', at);
    const made = await lib.create(fixtureScenario(), true, 'preset');
    if (!made.ok) throw new Error('not made');
    backend.failWith = Object.assign(new Error('The quota has been exceeded.'), { name: 'QuotaExceededError' });
    const out = await lib.save(made.entry.id, { ...fixtureScenario(), name: 'big' }, true, made.entry.revision);
    expect(out).toEqual({ kind: 'failed', failure: { kind: 'quota', message: expect.stringMatching(/full/) } });
    expect((await lib.load()).entries[0]?.draft.name).toBe(fixtureScenario().name);
    expect(describeStorageError(new Error('disk broke')).kind).toBe('other');
  });

  it('works over Web Storage too, quarantining text that is not JSON', async () => {
    const m = new Map<string, string>();
    const kv: KeyValue = {
      get length() {
        return m.size;
      },
      key: (i) => [...m.keys()][i] ?? null,
      getItem: (k) => m.get(k) ?? null,
      setItem: (k, v) => void m.set(k, v),
      removeItem: (k) => void m.delete(k),
    };
    const lib = new Library(keyValueBackend(kv), 'a', at);
    await lib.create(fixtureScenario(), true, 'preset');
    m.set('front-door.library.entries.zzz', '{not json');
    const loaded = await lib.load();
    expect(loaded.entries).toHaveLength(1);
    expect(loaded.newlyQuarantined[0]?.raw).toBe('{not json');
  });

  it('imports an export into another browser: entries with their history, twice adds nothing, the unreadable quarantined', async () => {
    const from = new Library(memoryBackend(), 'a', at);
    const made = await from.create(fixtureScenario(), true, 'preset');
    if (!made.ok) throw new Error('not made');
    tick();
    await from.save(made.entry.id, { ...fixtureScenario(), name: 'Edited' }, true, made.entry.revision);
    const doc = JSON.parse(await from.exportAll()) as { entries: unknown[] };
    doc.entries.push({ format: 'front-door-library-entry', id: 'broken' });
    const text = '\uFEFF' + JSON.stringify(doc);
    const to = new Library(memoryBackend(), 'b', at);
    expect(await importExport(to, text)).toEqual({ ok: true, summary: { added: 1, alreadyHere: 0, quarantined: 1 } });
    expect(await importExport(to, text)).toEqual({ ok: true, summary: { added: 0, alreadyHere: 1, quarantined: 1 } });
    const loaded = await to.load();
    expect(loaded.entries[0]?.draft.name).toBe('Edited');
    expect(loaded.entries[0]?.entry.versions).toHaveLength(2);
    const refused = await importExport(to, JSON.stringify(fixtureScenario()));
    expect(!refused.ok && refused.message).toMatch(/not an export of My scenarios/);
    expect((await importExport(to, '[')).ok).toBe(false);
  });
});
