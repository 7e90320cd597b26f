import { describe, expect, it } from 'vitest';
import { handleWorkerMessage, type Replicate, type TemplateStore } from '../../src/worker/handler.ts';
import { SimulationPool, type WorkerLike } from '../../src/worker/pool.ts';
import { repKeys, templateKey } from '../../src/worker/runKeys.ts';
import type { RunSettings, WorkerRequest } from '../../src/worker/protocol.ts';
import type { ResultStore } from '../../src/worker/resultStore.ts';
import type { ReplicationResult } from '../../src/sim/results.ts';
import { fakeReplication } from '../fixtures/results.ts';
import { fixtureScenario } from '../fixtures/scenario.ts';

/**
 * Replications kept in the browser between visits (worker/resultStore.ts), as the pool uses them:
 * looked up before any worker is asked, given every replication a worker finishes.
 */
const replicate: Replicate = (_s, { seed, rep }) => fakeReplication(rep, seed);
const settings: RunSettings = { days: 100, warmupDays: 10, reps: 6, seed: 42 };
const identity = (_s: unknown, _r: RunSettings, reps: unknown[]) => reps;

function harness() {
  const posted: WorkerRequest[] = [];
  let created = 0;
  const store: TemplateStore = {
    template: () => ({ snapshots: 1, months: 0, states: [], values: new Float64Array(20) }),
    remember: () => {},
  };
  const createWorker = (): WorkerLike => {
    created++;
    const w: WorkerLike = {
      onmessage: null,
      onerror: null,
      postMessage: (message) => {
        posted.push(message);
        setTimeout(() => w.onmessage?.({ data: handleWorkerMessage(structuredClone(message), replicate, () => 0, store) }), 1);
      },
      terminate: () => {},
    };
    return w;
  };
  return { posted, createWorker, created: () => created };
}

/** A store in memory (what the browser's IndexedDB store does, without the browser). */
function memoryStore(fail = false) {
  const kept = new Map<string, ReplicationResult>();
  const store: ResultStore = {
    find: async (keys) => {
      if (fail) throw new Error('the browser refused');
      return new Map(keys.filter((k) => kept.has(k)).map((k) => [k, structuredClone(kept.get(k)!)]));
    },
    keep: (key, result) => void kept.set(key, structuredClone(result)),
  };
  return { store, kept };
}

/** A store holding the fixture's run on `settings`, as an earlier page (its own pool) left it. */
async function storeFromAnEarlierVisit(): Promise<ResultStore> {
  const { store } = memoryStore();
  const earlier = new SimulationPool({ createWorker: harness().createWorker, size: 2, store });
  await earlier.run([fixtureScenario()], settings, { summarise: identity });
  earlier.dispose();
  return store;
}

describe('replications kept between visits', () => {
  it('a run of what an earlier visit ran asks no worker for anything, and gives the same results', async () => {
    const { store, kept } = memoryStore();
    const first = harness();
    const before = new SimulationPool({ createWorker: first.createWorker, size: 2, store });
    const cold = await before.run([fixtureScenario()], settings, { summarise: identity });
    before.dispose();
    expect(kept.size).toBe(settings.reps);

    // A new page (a new pool, nothing in memory) with the same store.
    const again = harness();
    const pool = new SimulationPool({ createWorker: again.createWorker, size: 2, store });
    const progress: number[] = [];
    const reused: (number | undefined)[] = [];
    const out = await pool.run([fixtureScenario()], settings, {
      summarise: identity,
      onProgress: (p) => (progress.push(p.done), reused.push(p.reused)),
    });
    expect(out).toEqual(cold);
    expect(again.created()).toBe(0);
    expect(again.posted).toEqual([]);
    expect(progress).toEqual([1, 2, 3, 4, 5, 6]);
    // Every one was computed before the run asked, and the progress says so (the status line's note).
    expect(reused).toEqual([1, 2, 3, 4, 5, 6]);
    pool.dispose();
  });

  it('computes only what the store lacks: other replication numbers, other lengths, other scenarios', async () => {
    const store = await storeFromAnEarlierVisit();
    const h = harness();
    const pool = new SimulationPool({ createWorker: h.createWorker, size: 2, store });
    await pool.run([fixtureScenario()], { ...settings, reps: 8 }, { summarise: identity });
    const reps = h.posted.flatMap((m) => (m.type === 'replicate' ? [m.rep] : []));
    expect(reps.sort()).toEqual([6, 7]);
    let last: number | undefined;
    await pool.run([fixtureScenario()], { ...settings, reps: 9 }, { summarise: identity, onProgress: (p) => (last = p.reused) });
    // Eight held (six from the store, two computed by the run before), the ninth computed now.
    expect(last).toBe(8);
    await pool.run([fixtureScenario()], { ...settings, days: 101 }, { summarise: identity });
    expect(h.posted.filter((m) => m.type === 'replicate' && m.days === 101).length).toBe(settings.reps);
    await pool.run([{ ...fixtureScenario(), id: 'other' }], settings, { summarise: identity });
    expect(h.posted.filter((m) => m.type === 'replicate' && (m.scenario as { id: string }).id === 'other').length).toBe(settings.reps);
    pool.dispose();
  });

  it('a prepared run the store holds is not waited for: the workers only warm up on it, and a run posts nothing', async () => {
    const store = await storeFromAnEarlierVisit();
    const h = harness();
    const pool = new SimulationPool({ createWorker: h.createWorker, size: 2, store });
    pool.prepare([fixtureScenario()], settings);
    // The run is answered from the store at once, while the workers are still warming up.
    const out = await pool.run([fixtureScenario()], settings, { summarise: identity });
    const keys = repKeys(templateKey(fixtureScenario(), settings.seed), settings);
    const held = await store.find(keys);
    expect(out).toEqual([keys.map((k) => held.get(k))]);
    await new Promise((r) => setTimeout(r, 50));
    // Warming: each worker builds the template and computes some of the run's replications again.
    expect(h.created()).toBe(2);
    expect(h.posted.filter((m) => m.type === 'template').length).toBe(2);
    const warmed = h.posted.flatMap((m) => (m.type === 'replicate' ? [m.rep] : []));
    expect(warmed.sort()).toEqual([0, 1, 2, 3, 4, 5]);
    const posted = h.posted.length;
    await pool.run([fixtureScenario()], settings, { summarise: identity });
    expect(h.posted.length).toBe(posted);
    pool.dispose();
  });

  it('a store that fails is no worse than none: the run computes everything', async () => {
    const { store } = memoryStore(true);
    const h = harness();
    const pool = new SimulationPool({ createWorker: h.createWorker, size: 2, store });
    const out = await pool.run([fixtureScenario()], settings, { summarise: identity });
    expect((out[0] as unknown[]).length).toBe(settings.reps);
    expect(h.posted.filter((m) => m.type === 'replicate').length).toBe(settings.reps);
    pool.dispose();
  });
});
