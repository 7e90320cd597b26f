import { describe, expect, it } from 'vitest';
import { handleWorkerMessage, type Replicate, type TemplateStore } from '../../src/worker/handler.ts';
import { SimulationPool, type WorkerLike } from '../../src/worker/pool.ts';
import type { RunSettings, WorkerRequest } from '../../src/worker/protocol.ts';
import { fakeReplication } from '../fixtures/results.ts';
import { fixtureScenario } from '../fixtures/scenario.ts';

/**
 * Templates in the page's pool: built once per scenario and seed by one worker, handed to the
 * others with their first replication, kept for the next run, and built ahead on `prepare`.
 */
const replicate: Replicate = (_s, { seed, rep }) => fakeReplication(rep, seed);
const settings: RunSettings = { days: 100, warmupDays: 10, reps: 6, seed: 42 };
const identity = (_s: unknown, _r: RunSettings, reps: unknown[]) => reps;

function harness() {
  const posted: { worker: number; message: WorkerRequest }[] = [];
  const built: number[] = [];
  const received: number[] = [];
  let created = 0;
  const createWorker = (): WorkerLike => {
    const me = created++;
    const store: TemplateStore = {
      template: () => (built.push(me), { snapshots: 1, months: 0, states: [], values: new Float64Array(20) }),
      remember: () => void received.push(me),
    };
    const w: WorkerLike = {
      onmessage: null,
      onerror: null,
      postMessage: (message) => {
        posted.push({ worker: me, message });
        setTimeout(() => w.onmessage?.({ data: handleWorkerMessage(structuredClone(message), replicate, () => 0, store) }), 1);
      },
      terminate: () => {},
    };
    return w;
  };
  return { posted, built, received, createWorker, created: () => created };
}

/** A worker with no template store: it answers every template request with a failure. */
function failingWorker(): WorkerLike {
  const w: WorkerLike = {
    onmessage: null,
    onerror: null,
    postMessage: (message) => setTimeout(() => w.onmessage?.({ data: handleWorkerMessage(message, replicate, () => 0) })),
    terminate: () => {},
  };
  return w;
}

describe('templates in the worker pool', () => {
  it('prepares every worker, up to the pool size, even before any run', async () => {
    const h = harness();
    const pool = new SimulationPool({ createWorker: h.createWorker, size: 3 });
    pool.prepare(fixtureScenario(), 1);
    await new Promise((r) => setTimeout(r, 20));
    expect(h.created()).toBe(3);
    expect(h.built.sort()).toEqual([0, 1, 2]);
    // Asking again for what every worker holds does nothing.
    pool.prepare(fixtureScenario(), 1);
    await new Promise((r) => setTimeout(r, 20));
    expect(h.built.length).toBe(3);
    pool.dispose();
  });

  it('builds each scenario’s template once, in one worker, and hands it to the others', async () => {
    const h = harness();
    const pool = new SimulationPool({ createWorker: h.createWorker, size: 3 });
    const scenarios = [fixtureScenario(), { ...fixtureScenario(), id: 'b' }];
    const out = await pool.run(scenarios, settings, { summarise: identity });
    expect(out.map((r) => (r as unknown[]).length)).toEqual([6, 6]);
    expect(h.built.length).toBe(2);
    // Every worker that ran a scenario without building it received it once, with its first replication.
    for (const job of [0, 1]) {
      const first = new Map<number, WorkerRequest>();
      for (const { worker, message } of h.posted)
        if (message.type === 'replicate' && message.scenario === scenarios[job] && !first.has(worker)) first.set(worker, message);
      for (const [worker, message] of first) {
        const builtHere = h.posted.some((p) => p.worker === worker && p.message.type === 'template' && p.message.scenario === scenarios[job]);
        expect(message.type === 'replicate' && message.warmState !== undefined).toBe(!builtHere);
      }
    }
    pool.dispose();
  });

  it('builds a later scenario’s template while other workers run replications, not after them', async () => {
    // Two workers, three scenarios: with templates built only once no replication was ready, the
    // third was started after every replication of the first two had been handed out, and one
    // worker sat idle through its build at the end of the comparison.
    const h = harness();
    const pool = new SimulationPool({ createWorker: h.createWorker, size: 2 });
    const scenarios = ['a', 'b', 'c'].map((id) => ({ ...fixtureScenario(), id }));
    await pool.run(scenarios, settings, { summarise: identity });
    const third = h.posted.findIndex((p) => p.message.type === 'template' && p.message.scenario === scenarios[2]);
    const handedOutBefore = h.posted.slice(0, third).filter((p) => p.message.type === 'replicate').length;
    expect(third).toBeGreaterThan(0);
    expect(handedOutBefore).toBeLessThan(settings.reps);
    expect(h.built.length).toBe(3);
    pool.dispose();
  });

  it('keeps workers and templates for the next run, and builds ahead on prepare', async () => {
    const h = harness();
    const pool = new SimulationPool({ createWorker: h.createWorker, size: 2 });
    const a = fixtureScenario();
    await pool.run([a], settings, { summarise: identity });
    const workers = h.created();
    await pool.run([a], settings, { summarise: identity });
    expect(h.built.length).toBe(1);
    expect(h.created()).toBe(workers);

    // Prepared ahead, every worker builds it (warming its compiled code as it does).
    const b = { ...fixtureScenario(), id: 'prepared' };
    pool.prepare(b, settings.seed);
    await new Promise((r) => setTimeout(r, 20));
    expect(h.built.slice(1).sort()).toEqual([0, 1]);
    const before = h.posted.length;
    await pool.run([b], settings, { summarise: identity });
    expect(h.posted.slice(before).some((p) => p.message.type === 'template')).toBe(false);
    pool.dispose();
  });

  it('keeps finished replications: the same run again posts nothing and gives equal results', async () => {
    const h = harness();
    const pool = new SimulationPool({ createWorker: h.createWorker, size: 2 });
    const a = fixtureScenario();
    const first = await pool.run([a], settings, { summarise: identity });
    const before = h.posted.length;
    const progress: number[] = [];
    const again = await pool.run([a], settings, { summarise: identity, onProgress: (p) => progress.push(p.done) });
    expect(h.posted.length).toBe(before);
    expect(again).toEqual(first);
    expect(progress).toEqual([1, 2, 3, 4, 5, 6]);
    // A longer run reuses the replications it shares (the same days, warm-up and numbers) only.
    await pool.run([a], { ...settings, reps: 8 }, { summarise: identity });
    const extra = h.posted.slice(before).filter((p) => p.message.type === 'replicate');
    expect(extra.map((p) => (p.message.type === 'replicate' ? p.message.rep : -1)).sort()).toEqual([6, 7]);
    await pool.run([a], { ...settings, days: 101 }, { summarise: identity });
    expect(h.posted.filter((p) => p.message.type === 'replicate' && p.message.days === 101).length).toBe(6);
    pool.dispose();
  });

  it('computes a prepared run ahead; the run then collects it, equal to a cold run', async () => {
    const h = harness();
    const pool = new SimulationPool({ createWorker: h.createWorker, size: 2 });
    const a = fixtureScenario();
    const b = { ...fixtureScenario(), id: 'b' };
    pool.prepare([a, b], settings);
    await new Promise((r) => setTimeout(r, 60));
    const ahead = h.posted.filter((p) => p.message.type === 'replicate').length;
    expect(ahead).toBe(12);
    const out = await pool.run([a, b], settings, { summarise: identity });
    expect(h.posted.filter((p) => p.message.type === 'replicate').length).toBe(12);
    const cold = new SimulationPool({ createWorker: harness().createWorker, size: 1 });
    expect(out).toEqual(await cold.run([a, b], settings, { summarise: identity }));
    cold.dispose();
    pool.dispose();
  });

  it('drops replications computed ahead when the page prepares something else, and serves runs first', async () => {
    const h = harness();
    const pool = new SimulationPool({ createWorker: h.createWorker, size: 1 });
    const a = fixtureScenario();
    const b = { ...fixtureScenario(), id: 'b' };
    pool.prepare([a], { ...settings, reps: 200 });
    await new Promise((r) => setTimeout(r, 5));
    pool.prepare([b], settings);
    await new Promise((r) => setTimeout(r, 60));
    const forA = h.posted.filter((p) => p.message.type === 'replicate' && p.message.scenario === a).length;
    expect(forA).toBeLessThan(200);
    // A run of something else asked while work is computed ahead goes first.
    pool.prepare([a], { ...settings, reps: 200 });
    await new Promise((r) => setTimeout(r, 5));
    const c = { ...fixtureScenario(), id: 'c' };
    await pool.run([c], settings, { summarise: identity });
    const order = h.posted.filter((p) => p.message.type === 'replicate').map((p) => (p.message.scenario as { id: string }).id);
    const lastC = order.lastIndexOf('c');
    const firstC = order.indexOf('c');
    // Once c was asked for, at most the one replication under way came between c's.
    expect(order.slice(firstC, lastC + 1).filter((id) => id !== 'c').length).toBeLessThanOrEqual(1);
    pool.dispose();
  });

  it('fails a run whose template cannot be built, with the worker’s reason', async () => {
    const pool = new SimulationPool({ createWorker: failingWorker, size: 2 });
    await expect(pool.run([fixtureScenario()], settings, { summarise: identity })).rejects.toThrow(/does not build warm-start templates/);
    pool.dispose();
  });

  it('gives a view a template: the copy the page holds, one being built, or one built before queued replications', async () => {
    const h = harness();
    const pool = new SimulationPool({ createWorker: h.createWorker, size: 1 });
    const a = fixtureScenario();
    // Nothing held or being built: one is built at once, ahead of replications a run waits for.
    const running = pool.run([{ ...a, id: 'queued' }], settings, { summarise: identity });
    const built = await pool.template(a, settings.seed);
    expect(built?.values).toBeInstanceOf(Float64Array);
    const order = h.posted.map((p) => `${p.message.type}:${(p.message as { scenario: { id: string } }).scenario.id}`);
    expect(order.indexOf(`template:${a.id}`)).toBeLessThan(order.indexOf('replicate:queued'));
    await running;
    // Held on the page now: answered without a worker.
    const before = h.posted.length;
    expect(await pool.template(a, settings.seed)).toBe(built);
    expect(h.posted.length).toBe(before);
    // Being built for a run: the view waits for that build, and no second one is made.
    const b = { ...fixtureScenario(), id: 'b' };
    const run = pool.run([b], settings, { summarise: identity });
    await new Promise((r) => setTimeout(r, 0));
    const forB = await pool.template(b, settings.seed);
    await run;
    expect(forB).not.toBeNull();
    expect(h.posted.filter((p) => p.message.type === 'template' && p.message.scenario === b).length).toBe(1);
    pool.dispose();
  });

  it('answers null when the template cannot be built or the pool stops, so the view builds its own', async () => {
    const pool = new SimulationPool({ createWorker: failingWorker, size: 2 });
    expect(await pool.template(fixtureScenario(), 1)).toBeNull();
    const silent = new SimulationPool({ createWorker: () => ({ onmessage: null, onerror: null, postMessage: () => {}, terminate: () => {} }), size: 1 });
    const waiting = silent.template(fixtureScenario(), 1);
    silent.dispose();
    expect(await waiting).toBeNull();
    pool.dispose();
  });
});
