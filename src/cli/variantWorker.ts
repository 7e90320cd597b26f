import { parentPort } from 'node:worker_threads';
import { z } from 'zod';
import { Scenario } from '../scenario/schema.ts';
import { runReplication } from '../sim/batch.ts';

/**
 * A worker thread of `front-door sensitivity`: runs every replication of each scenario it is
 * sent, one after another, so each scenario's warm-start template is built once, in one thread.
 * Posts each replication as it finishes, then `{ index, done: true }`.
 */
const Task = z.strictObject({
  index: z.number().int().min(0),
  scenario: Scenario,
  opts: z.strictObject({ days: z.number(), warmupDays: z.number(), reps: z.number().int().min(1), seed: z.number().int() }),
});

parentPort!.on('message', (m: unknown) => {
  const task = Task.parse(m);
  for (let rep = 0; rep < task.opts.reps; rep++) {
    parentPort!.postMessage({ index: task.index, result: runReplication(task.scenario, { ...task.opts, rep }) });
  }
  parentPort!.postMessage({ index: task.index, done: true });
});
