import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { computeShippedRun, shippedRunNameSync, shippedRuns } from '../../build/shippedRuns.ts';
import { runReplication } from '../../src/sim/batch.ts';
import type { ReplicationResult } from '../../src/sim/results.ts';
import type { RunSettings } from '../../src/worker/protocol.ts';
import { storesInOrder, type ResultStore } from '../../src/worker/resultStore.ts';
import { repKeys, templateKey } from '../../src/worker/runKeys.ts';
import { shippedResultStore, shippedRunName, type ShippedRunFile } from '../../src/worker/shippedRuns.ts';
import { smallScenario } from '../fixtures/small.ts';

/**
 * The runs a hosted build ships (src/worker/shippedRuns.ts, build/shippedRuns.ts): computed as a
 * worker computes them, found only under their own scenario, length and code, and never trusted
 * when a file is not what its name says.
 */
const CODE = 'c0ffee';
const settings: RunSettings = { days: 40, warmupDays: 10, reps: 3, seed: 7 };
const key = templateKey(smallScenario, settings.seed);
const file: ShippedRunFile = computeShippedRun(CODE, smallScenario, settings);
const name = shippedRunNameSync(CODE, key, settings.days, settings.warmupDays);
const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

/** A store over one file (as fetched: JSON text parsed again), counting its loads. */
function storeOver(json: unknown, names = [name]) {
  const loads: string[] = [];
  const store = shippedResultStore(CODE, new Set(names), async (n) => {
    loads.push(n);
    return json;
  })!;
  return { store, loads };
}

describe('shipped runs', () => {
  it('hold the replications a worker computes, bit for bit after a trip through JSON', async () => {
    const direct = Array.from({ length: settings.reps }, (_, rep) => runReplication(smallScenario, { ...settings, rep }));
    expect(file.results).toEqual(direct);
    const { store } = storeOver(JSON.parse(JSON.stringify(file)));
    const keys = repKeys(key, settings);
    const found = await store.find(keys);
    expect(keys.map((k) => found.get(k))).toEqual(direct);
  });

  it('are named the same in the page (Web Crypto) as in the build (node:crypto)', async () => {
    expect(await shippedRunName(CODE, key, settings.days, settings.warmupDays)).toBe(name);
    expect(name).toMatch(/^[0-9a-f]{24}$/);
  });

  it('answer only for their own scenario, length and replications, and fetch nothing for a run not shipped', async () => {
    const { store, loads } = storeOver(JSON.parse(JSON.stringify(file)));
    const other = templateKey({ ...smallScenario, name: 'changed' }, settings.seed);
    const keys = [
      ...repKeys(other, settings),
      ...repKeys(key, { ...settings, days: 41 }),
      ...repKeys(key, { ...settings, seed: 8 }).map((k) => k.replace(`|${key}`, `|${templateKey(smallScenario, 8)}`)),
      'not a key',
    ];
    expect((await store.find(keys)).size).toBe(0);
    expect(loads).toEqual([]);
    // Replication 5 of a three-replication file is not in it; 0-2 are.
    const more = await store.find(repKeys(key, { ...settings, reps: 6 }));
    expect([...more.keys()]).toEqual(repKeys(key, settings));
    expect(loads).toEqual([name]);
    // Fetched once, however often asked.
    await store.find(repKeys(key, settings));
    expect(loads).toEqual([name]);
  });

  it('find nothing in a file that is not what its name says, or is damaged, or cannot be fetched', async () => {
    const keys = repKeys(key, settings);
    const wrong: unknown[] = [
      { ...file, code: 'another build' },
      { ...file, templateKey: templateKey(smallScenario, 8) },
      { ...file, days: 41 },
      { ...file, results: [{ ...file.results[0], metrics: 'none' }] },
      'not json at all',
      null,
    ];
    for (const json of wrong) expect((await storeOver(json).store.find(keys)).size).toBe(0);
    let tries = 0;
    const flaky = shippedResultStore(CODE, new Set([name]), async () => {
      if (++tries === 1) throw new Error('offline');
      return JSON.parse(JSON.stringify(file));
    })!;
    expect((await flaky.find(keys)).size).toBe(0);
    // A file that could not be fetched is tried again next time.
    expect((await flaky.find(keys)).size).toBe(settings.reps);
  });

  it('are not looked for without a code digest or a list of files', () => {
    expect(shippedResultStore('', new Set([name]), async () => file)).toBeNull();
    expect(shippedResultStore(CODE, new Set(), async () => file)).toBeNull();
  });

  it('are computed once per source and then read from the cache folder', () => {
    const dir = mkdtempSync(join(tmpdir(), 'shipped-'));
    dirs.push(dir);
    const [first] = shippedRuns(CODE, dir, [smallScenario], settings);
    expect(first!.name).toBe(name);
    expect(JSON.parse(first!.json)).toEqual(JSON.parse(JSON.stringify(file)));
    // A cached file is used as it is (here marked, to tell it from a fresh computation) ...
    const path = join(dir, `${name}.json`);
    const marked = JSON.parse(readFileSync(path, 'utf8')) as ShippedRunFile;
    marked.results[0]!.metrics.contactsPerMonth = -1;
    writeFileSync(path, JSON.stringify(marked));
    expect(JSON.parse(shippedRuns(CODE, dir, [smallScenario], settings)[0]!.json).results[0].metrics.contactsPerMonth).toBe(-1);
    // ... and a damaged one is computed again.
    writeFileSync(path, '{"format":"front-door-shipped-run"');
    expect(JSON.parse(shippedRuns(CODE, dir, [smallScenario], settings)[0]!.json)).toEqual(JSON.parse(JSON.stringify(file)));
  });
});

describe('stores in order', () => {
  const result = (rep: number) => ({ ...file.results[0]!, rep }) as ReplicationResult;
  const fixed = (held: Record<string, number>, asked: string[][], kept: string[] = []): ResultStore => ({
    find: async (keys) => {
      asked.push([...keys]);
      return new Map(keys.filter((k) => k in held).map((k) => [k, result(held[k]!)]));
    },
    keep: (k) => void kept.push(k),
  });

  it('asks each store only for what the ones before it did not find, and keeps in the first', async () => {
    const askedA: string[][] = [];
    const askedB: string[][] = [];
    const kept: string[] = [];
    const both = storesInOrder(fixed({ a: 1 }, askedA, kept), null, fixed({ a: 9, b: 2 }, askedB))!;
    const found = await both.find(['a', 'b', 'c']);
    expect(Object.fromEntries([...found].map(([k, r]) => [k, r.rep]))).toEqual({ a: 1, b: 2 });
    expect(askedB).toEqual([['b', 'c']]);
    both.keep('x', result(0));
    expect(kept).toEqual(['x']);
    expect(storesInOrder(null, null)).toBeNull();
  });

  it('goes on to the next store when one fails', async () => {
    const failing: ResultStore = { find: () => Promise.reject(new Error('refused')), keep: () => {} };
    const found = await storesInOrder(failing, fixed({ a: 3 }, []))!.find(['a']);
    expect(found.get('a')?.rep).toBe(3);
  });
});
