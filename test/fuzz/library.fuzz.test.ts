import fc from 'fast-check';
import { deflateSync, strToU8 } from 'fflate';
import { afterAll, describe, expect, it } from 'vitest';
import { MAX_JSON_DEPTH, MAX_SCENARIO_CHARS } from '../../src/scenario/inputBounds.ts';
import { parseScenarioJson } from '../../src/scenario/parse.ts';
import { PRESETS } from '../../src/scenario/presets.ts';
import { AUTOSAVE_KEY, type KeyValueStore } from '../../src/scenario/storage.ts';
import { decodeScenario, encodeScenario, toBase64Url, URL_PATCH_PREFIX } from '../../src/scenario/urlCodec.ts';
import { memoryBackend } from '../../src/ui/features/library/backend.ts';
import { Library } from '../../src/ui/features/library/library.ts';
import { newEntry } from '../../src/ui/features/library/records.ts';
import { openInitialScenario } from '../../src/ui/initialScenario.ts';

/**
 * Fuzzing for issue 14 (browser half): links with nested and huge patches, the autosave of
 * earlier versions, library records, and interleaved saves from two tabs. Nothing may throw;
 * every refusal names its reason; nothing stored is ever dropped (read, or quarantined exactly
 * as found); no save lands over another tab's. Counts are printed for the closing note.
 */

const counts: Record<string, number> = {};
const count = (k: string) => (counts[k] = (counts[k] ?? 0) + 1);
afterAll(() => console.log('library fuzz counts:', JSON.stringify(counts)));

const kent = PRESETS[0]!;
const link = (json: string) => `#${URL_PATCH_PREFIX}${toBase64Url(deflateSync(strToU8(json), { level: 9 }))}`;
const nested = (depth: number, open: string, close: string, leaf: string) => `${open.repeat(depth)}${leaf}${close.repeat(depth)}`;

/** JSON values of bounded depth with scenario-like keys, so some patches change real fields. */
const key = fc.constantFrom(
  'name',
  'frontDoor',
  'qualifiedScreeners',
  'dutyTeams',
  'threshold',
  'need',
  'moderateLevel',
  'version',
  'id',
  '__proto__',
  'constructor',
  'x',
);
const { json } = fc.letrec((tie) => ({
  json: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constant(null),
    fc.boolean(),
    fc.double(),
    fc.integer({ min: -1e6, max: 1e6 }),
    fc.string({ maxLength: 40 }),
    fc.array(tie('json'), { maxLength: 4 }),
    fc.dictionary(key, tie('json'), { maxKeys: 4 }),
  ),
}));

describe('links (fuzz)', () => {
  it('any patch against a preset decodes to a scenario or to named problems, never a throw', () => {
    fc.assert(
      fc.property(json, (patch) => {
        const r = decodeScenario(link(JSON.stringify({ base: kent.id, patch })));
        count(r.ok ? 'link patch: opened' : 'link patch: refused with problems');
        if (!r.ok) expect(r.problems.length).toBeGreaterThan(0);
      }),
      { numRuns: 400 },
    );
  });

  it('a patch nested past the depth limit is refused before it is applied, whatever its shape', () => {
    fc.assert(
      fc.property(fc.integer({ min: MAX_JSON_DEPTH, max: 50_000 }), fc.constantFrom('object', 'array', 'mixed'), (depth, shape) => {
        const inner =
          shape === 'object' ? nested(depth, '{"a":', '}', '1') : shape === 'array' ? nested(depth, '[', ']', '1') : nested(depth, '{"a":[', ']}', '1');
        const href = link(`{"base":"${kent.id}","patch":${inner}}`);
        const r = decodeScenario(href);
        expect(r.ok).toBe(false);
        expect(!r.ok && r.problems[0]?.message).toMatch(/nests more than 32 levels deep/);
        count('link nested: refused by depth');
        count(`link nested: max link length ${href.length < 200 ? 'under 200' : 'over 200'}`);
      }),
      { numRuns: 60 },
    );
  });

  it('a patch that unpacks past the size limit is refused while inflating (a bomb stops early)', () => {
    fc.assert(
      fc.property(fc.integer({ min: MAX_SCENARIO_CHARS + 1, max: 2 * MAX_SCENARIO_CHARS }), fc.constantFrom('name', 'description'), (size, field) => {
        const json = `{"base":"${kent.id}","patch":{"${field}":"${'A'.repeat(size)}"}}`;
        const href = link(json);
        const t0 = performance.now();
        const r = decodeScenario(href);
        const ms = performance.now() - t0;
        expect(r.ok).toBe(false);
        expect(!r.ok && r.problems[0]?.message).toMatch(/largest scenario Front Door reads is 10 MB/);
        counts['link huge: slowest refusal ms'] = Math.max(counts['link huge: slowest refusal ms'] ?? 0, Math.round(ms));
        count('link huge: refused by size');
      }),
      { numRuns: 8 },
    );
  });

  it('random text after a link prefix, and any other version prefix, is refused in words', () => {
    fc.assert(
      fc.property(fc.constantFrom('v1.', 'v2.', 'v3.', 'v99.'), fc.string({ maxLength: 300 }), (prefix, body) => {
        const r = decodeScenario(`#${prefix}${body}`);
        count(r.ok ? 'link random: opened' : 'link random: refused');
        expect(r.ok).toBe(false);
        if (prefix === 'v3.' || prefix === 'v99.') expect(!r.ok && r.problems[0]?.message).toMatch(/newer version of Front Door/);
      }),
      { numRuns: 400 },
    );
  });

  it('files: a byte-order mark is accepted, oversized or over-nested text is refused by name', () => {
    const text = JSON.stringify(kent);
    expect(parseScenarioJson(`\uFEFF${text}`).ok).toBe(true);
    fc.assert(
      fc.property(fc.integer({ min: MAX_JSON_DEPTH + 1, max: 100_000 }), (depth) => {
        const r = parseScenarioJson(nested(depth, '[', ']', '0'));
        expect(!r.ok && r.problems[0]?.message).toMatch(/file nests more than 32 levels/);
        count('file nested: refused by depth');
      }),
      { numRuns: 40 },
    );
    const big = parseScenarioJson(' '.repeat(MAX_SCENARIO_CHARS + 1));
    expect(!big.ok && big.problems[0]?.message).toMatch(/the file is 10 MB.*not read/);
  });
});

const memoryKv = (): KeyValueStore & { m: Map<string, string> } => {
  const m = new Map<string, string>();
  return { m, getItem: (k) => m.get(k) ?? null, setItem: (k, v) => void m.set(k, v), removeItem: (k) => void m.delete(k) };
};

describe('autosave of earlier versions (fuzz)', () => {
  it('whatever was autosaved opens a scenario and is kept: a readable one as an entry, any other text quarantined exactly', async () => {
    const envelope = (scenario: unknown) => JSON.stringify({ format: 'front-door-autosave', version: 1, scenario });
    const texts = fc.oneof(
      fc.string({ maxLength: 200 }),
      json.map((j) => JSON.stringify(j)),
      json.map(envelope),
      fc.constantFrom('', 'null', '{', envelope({ ...kent, version: 99 }), envelope({ ...kent, name: '' }), envelope(kent)),
    );
    await fc.assert(
      fc.asyncProperty(texts, async (text) => {
        const legacy = memoryKv();
        legacy.setItem(AUTOSAVE_KEY, text);
        const library = new Library(memoryBackend(), 'tab');
        const r = await openInitialScenario({ hash: '', library, legacy, session: null, presets: PRESETS, defaultId: kent.id });
        expect(r.scenario.name.length).toBeGreaterThan(0);
        const loaded = await library.load();
        const kept = loaded.quarantined.some((q) => q.raw === text) || loaded.entries.some((e) => e.entry.origin.includes('earlier version'));
        expect(kept).toBe(true);
        expect(legacy.m.has(AUTOSAVE_KEY)).toBe(false);
        count(loaded.quarantined.length ? 'autosave: quarantined' : 'autosave: opened as an entry');
      }),
      { numRuns: 300 },
    );
  });
});

/** Sets the leaf at `path` (indices into object keys or array items) to `value`. */
function mutate(root: unknown, choices: number[], value: unknown): unknown {
  const copy = structuredClone(root) as Record<string, unknown>;
  let node: Record<string, unknown> = copy;
  for (const c of choices) {
    const keys = Object.keys(node);
    if (!keys.length) break;
    const k = keys[c % keys.length]!;
    const child = node[k];
    if (child && typeof child === 'object') node = child as Record<string, unknown>;
    else {
      node[k] = value;
      return copy;
    }
  }
  return copy;
}

describe('library records (fuzz)', () => {
  it('any stored record is read, quarantined exactly as found, or (deleted over 30 days ago) removed; none is dropped', async () => {
    const valid = newEntry(kent, true, 'preset', 'tab', 1);
    const record = fc.oneof(
      fc.constant(valid),
      fc.anything({ maxDepth: 3 }),
      json,
      fc.tuple(fc.array(fc.nat(), { minLength: 1, maxLength: 8 }), json).map(([choices, v]) => mutate(valid, choices, v)),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(record, { minLength: 1, maxLength: 5 }), async (records) => {
        const backend = memoryBackend();
        // A record is stored under its own id when it has one (as the library stores it), else under another key.
        records.forEach((r, i) => {
          const id = (r as { id?: unknown } | null)?.id;
          backend.stores.entries.set(typeof id === 'string' && !backend.stores.entries.has(id) ? id : `k${i}`, r);
        });
        const library = new Library(backend, 'tab');
        const loaded = await library.load();
        // (an entry the user deleted more than 30 days ago is removed: the only way a record leaves)
        expect(loaded.entries.length + loaded.newlyQuarantined.length + loaded.purged).toBe(records.length);
        counts['library records: deleted over 30 days ago, removed'] = (counts['library records: deleted over 30 days ago, removed'] ?? 0) + loaded.purged;
        for (const q of loaded.newlyQuarantined) expect(records).toContainEqual(q.raw);
        counts['library records: read'] = (counts['library records: read'] ?? 0) + loaded.entries.length;
        counts['library records: quarantined'] = (counts['library records: quarantined'] ?? 0) + loaded.newlyQuarantined.length;
      }),
      { numRuns: 300 },
    );
  });

  it('interleaved saves from two tabs: a save lands only over the revision its tab saw, so no save is overwritten unseen', async () => {
    const op = fc.record({
      tab: fc.constantFrom(0, 1),
      name: fc.string({ minLength: 1, maxLength: 8 }),
      wait: fc.integer({ min: 0, max: 300_000 }),
      reload: fc.boolean(),
    });
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 30 }), async (ops) => {
        let clock = 0;
        const backend = memoryBackend();
        const tabs = [new Library(backend, 'A', () => clock), new Library(backend, 'B', () => clock)];
        const made = await tabs[0]!.create(kent, true, 'preset');
        if (!made.ok) throw new Error('not made');
        const seen = [made.entry.revision, made.entry.revision];
        let lastLanded = kent.name;
        for (const o of ops) {
          clock += o.wait;
          if (o.reload) seen[o.tab] = (await tabs[o.tab]!.load()).entries[0]!.entry.revision;
          const out = await tabs[o.tab]!.save(made.entry.id, { ...kent, name: o.name }, true, seen[o.tab]!);
          const other = seen[1 - o.tab]!;
          if (out.kind === 'saved') {
            seen[o.tab] = out.entry.revision;
            lastLanded = o.name;
            count('two tabs: saved');
            // the other tab's view is now stale: its next save must conflict
            expect(out.entry.revision).not.toBe(other);
          } else {
            expect(out.kind).toBe('conflict');
            count('two tabs: conflict, nothing written');
          }
          expect((await tabs[0]!.load()).entries[0]!.draft.name).toBe(lastLanded);
        }
      }),
      { numRuns: 200 },
    );
  });
});

// Keep the real encoder honest too: an edited preset survives the round trip (at least one screener: 0 breaks a cross-field rule on a central front door).
it('encodeScenario round-trips edited presets (fuzz)', () => {
  fc.assert(
    fc.property(fc.constantFrom(...PRESETS), fc.integer({ min: 1, max: 50 }), (p, n) => {
      const s = { ...structuredClone(p), frontDoor: { ...p.frontDoor, qualifiedScreeners: n } };
      const back = decodeScenario(encodeScenario(s));
      expect(back.ok && back.value).toEqual(s);
      count('round trip: edited preset');
    }),
    { numRuns: 100 },
  );
});
