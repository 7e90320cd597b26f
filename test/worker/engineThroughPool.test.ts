import { describe, expect, it } from 'vitest';
import { runBatch, runReplication, summariseBatch } from '../../src/sim/batch.ts';
import { BatchResult } from '../../src/sim/results.ts';
import { handleWorkerMessage } from '../../src/worker/handler.ts';
import { runJobs, type WorkerLike } from '../../src/worker/pool.ts';
import { workerTemplates } from '../../src/worker/templateStore.ts';
import type { RunSettings } from '../../src/worker/protocol.ts';
import { fixtureScenario } from '../fixtures/scenario.ts';

/** The worker's handler with the real engine, in-process and asynchronous, through a structured clone. */
const inProcessWorker = (): WorkerLike => {
  const w: WorkerLike = {
    onmessage: null,
    onerror: null,
    postMessage: (m) =>
      setTimeout(() =>
        w.onmessage?.({ data: structuredClone(handleWorkerMessage(structuredClone(m), runReplication, () => performance.now(), workerTemplates)) }),
      ),
    terminate: () => {},
  };
  return w;
};

describe('the real engine through the worker protocol and pool', () => {
  const settings: RunSettings = { days: 60, warmupDays: 14, reps: 3, seed: 7 };
  const summarise = (s: Parameters<typeof summariseBatch>[0], r: RunSettings, reps: Parameters<typeof summariseBatch>[2]) => summariseBatch(s, r, reps);

  it('gives exactly what runBatch gives in one thread, with 1 or 2 workers, and passes the results schema', async () => {
    const scenario = fixtureScenario();
    const direct = runBatch(scenario, settings);
    const [one] = await runJobs([scenario], settings, { createWorker: inProcessWorker, size: 1, summarise });
    const [two] = await runJobs([scenario], settings, { createWorker: inProcessWorker, size: 2, summarise });
    expect(one).toEqual(direct);
    expect(two).toEqual(direct);
    expect(BatchResult.safeParse(two).success).toBe(true);
    expect(two!.replications.map((r) => r.rep)).toEqual([0, 1, 2]);
  });
});
