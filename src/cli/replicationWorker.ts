import { parentPort, workerData } from 'node:worker_threads';
import { z } from 'zod';
import { Scenario } from '../scenario/schema.ts';
import { runReplication } from '../sim/batch.ts';

/** A worker thread of the CLI: runs the replications it is given and posts each result. */
const Task = z.strictObject({
  scenario: Scenario,
  opts: z.strictObject({
    days: z.number(),
    warmupDays: z.number(),
    reps: z.number().int(),
    seed: z.number().int(),
    start: z.enum(['warm', 'empty']).optional(),
  }),
  reps: z.array(z.number().int().min(0)),
});

const task = Task.parse(workerData);
for (const rep of task.reps) {
  parentPort!.postMessage(runReplication(task.scenario, { ...task.opts, rep }));
}
