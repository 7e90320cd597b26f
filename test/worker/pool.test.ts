import { describe, expect, it } from 'vitest';
import type { Scenario } from '../../src/scenario/schema.ts';
import { handleWorkerMessage, type Replicate, type TemplateStore } from '../../src/worker/handler.ts';
import { RunCancelled, runJobs, type WorkerLike } from '../../src/worker/pool.ts';
import type { RunSettings, WorkerRequest } from '../../src/worker/protocol.ts';
import { fixtureScenario } from '../fixtures/scenario.ts';
import { fakeReplication } from '../fixtures/results.ts';

/** A replication whose numbers depend on the scenario's first team threshold, the seed and rep. */
const replicate: Replicate = (scenario, { seed, rep }) => fakeReplication(rep, seed, scenario.dutyTeams[0]!.threshold / 50);

/** Templates that cost nothing: the pool's bookkeeping is what these tests are about. */
const noTemplates: TemplateStore = { template: () => ({ snapshots: 1, months: 0, states: [], values: new Float64Array(0) }), remember: () => {} };

/** An in-process stand-in for a Worker: the real handler, answered asynchronously. */
function fakeWorkerFactory(log: { created: number; terminated: number; posted: WorkerRequest[] }, run: Replicate = replicate) {
  return (): WorkerLike => {
    log.created += 1;
    let alive = true;
    const w: WorkerLike = {
      onmessage: null,
      onerror: null,
      postMessage(message) {
        log.posted.push(message);
        // answer after a delay that varies, so replies arrive out of order
        const delay = message.type === 'replicate' ? (message.rep * 37) % 5 : 0;
        setTimeout(() => alive && w.onmessage?.({ data: handleWorkerMessage(structuredClone(message), run, () => 0, noTemplates) }), delay);
      },
      terminate() {
        alive = false;
        log.terminated += 1;
      },
    };
    return w;
  };
}

const settings: RunSettings = { days: 100, warmupDays: 10, reps: 7, seed: 42 };
const identity = (_s: Scenario, _r: RunSettings, reps: unknown[]) => reps;

describe('worker pool', () => {
  it('gives the same results whatever the number of workers', async () => {
    const scenarios = [fixtureScenario(), { ...fixtureScenario(), id: 'b' }];
    const run = (size: number) =>
      runJobs(scenarios, settings, { createWorker: fakeWorkerFactory({ created: 0, terminated: 0, posted: [] }), size, summarise: identity });
    const one = await run(1);
    const three = await run(3);
    expect(three).toEqual(one);
    expect((one[0] as { rep: number }[]).map((r) => r.rep)).toEqual([0, 1, 2, 3, 4, 5, 6]);
  });

  it('runs every scenario on the same seeds (common random numbers)', async () => {
    const log = { created: 0, terminated: 0, posted: [] as WorkerRequest[] };
    const scenarios = [fixtureScenario(), { ...fixtureScenario(), id: 'b' }, { ...fixtureScenario(), id: 'c' }];
    await runJobs(scenarios, settings, { createWorker: fakeWorkerFactory(log), size: 2, summarise: identity });
    const seedsPerScenario = scenarios.map((s) =>
      log.posted
        .filter((p) => p.type === 'replicate' && p.scenario === s)
        .map((p) => `${p.seed}/${p.type === 'replicate' ? p.rep : ''}`)
        .sort(),
    );
    expect(seedsPerScenario[1]).toEqual(seedsPerScenario[0]);
    expect(seedsPerScenario[2]).toEqual(seedsPerScenario[0]);
  });

  it('reports progress after every replication, up to the total, and stops its workers', async () => {
    const log = { created: 0, terminated: 0, posted: [] as WorkerRequest[] };
    const seen: number[] = [];
    await runJobs([fixtureScenario()], settings, { createWorker: fakeWorkerFactory(log), size: 4, summarise: identity, onProgress: (p) => seen.push(p.done) });
    expect(seen).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(log.created).toBe(4);
    expect(log.terminated).toBe(4);
  });

  it('never starts more workers than there are replications', async () => {
    const log = { created: 0, terminated: 0, posted: [] as WorkerRequest[] };
    await runJobs([fixtureScenario()], { ...settings, reps: 2 }, { createWorker: fakeWorkerFactory(log), size: 4, summarise: identity });
    expect(log.created).toBe(2);
  });

  it('cancels: rejects with RunCancelled and terminates every worker', async () => {
    const log = { created: 0, terminated: 0, posted: [] as WorkerRequest[] };
    const controller = new AbortController();
    const promise = runJobs(
      [fixtureScenario()],
      { ...settings, reps: 50 },
      {
        createWorker: fakeWorkerFactory(log),
        size: 2,
        summarise: identity,
        signal: controller.signal,
        onProgress: (p) => p.done === 3 && controller.abort(),
      },
    );
    await expect(promise).rejects.toBeInstanceOf(RunCancelled);
    expect(log.terminated).toBe(2);
    expect(log.posted.length).toBeLessThan(50);
  });

  it('passes on the engine’s error message when a replication throws', async () => {
    const log = { created: 0, terminated: 0, posted: [] as WorkerRequest[] };
    const failing: Replicate = (_s, { rep }) => {
      if (rep === 3) throw new Error('cannot schedule in the past: t=3.2 < now=4.0');
      return fakeReplication(rep, 1);
    };
    await expect(runJobs([fixtureScenario()], settings, { createWorker: fakeWorkerFactory(log, failing), size: 2, summarise: identity })).rejects.toThrow(
      /the simulation stopped: cannot schedule in the past/,
    );
    expect(log.terminated).toBe(2);
  });

  it('survives a worker crash and a malformed reply by rejecting with a reason', async () => {
    const crashing = (): WorkerLike => {
      const w: WorkerLike = {
        onmessage: null,
        onerror: null,
        postMessage: () => setTimeout(() => w.onerror?.({ message: 'out of memory' })),
        terminate: () => {},
      };
      return w;
    };
    await expect(runJobs([fixtureScenario()], settings, { createWorker: crashing, size: 1, summarise: identity })).rejects.toThrow(
      /stopped unexpectedly: out of memory/,
    );
    const garbling = (): WorkerLike => {
      const w: WorkerLike = {
        onmessage: null,
        onerror: null,
        postMessage: () => setTimeout(() => w.onmessage?.({ data: { type: 'replicated', taskId: 0 } })),
        terminate: () => {},
      };
      return w;
    };
    await expect(runJobs([fixtureScenario()], settings, { createWorker: garbling, size: 1, summarise: identity })).rejects.toThrow(
      /does not match the protocol/,
    );
  });
});

describe('worker message handler', () => {
  it('refuses a message outside the protocol and a scenario that fails the schema, saying why', () => {
    expect(handleWorkerMessage({ type: 'launch-missiles' }, replicate, () => 0)).toMatchObject({ type: 'failed', taskId: -1 });
    const bad = { ...fixtureScenario(), dutyTeams: [] };
    const reply = handleWorkerMessage({ type: 'replicate', taskId: 5, scenario: bad, days: 10, warmupDays: 0, seed: 1, rep: 0 }, replicate, () => 0);
    expect(reply).toMatchObject({ type: 'failed', taskId: 5, problems: expect.arrayContaining([expect.objectContaining({ path: 'dutyTeams' })]) });
  });

  it('times the replication with the clock it is given', () => {
    let t = 100;
    const reply = handleWorkerMessage(
      { type: 'replicate', taskId: 0, scenario: fixtureScenario(), days: 10, warmupDays: 0, seed: 1, rep: 2 },
      replicate,
      () => (t += 25),
    );
    expect(reply).toMatchObject({ type: 'replicated', elapsedMs: 25, result: { rep: 2 } });
  });
});
