import { z } from 'zod';
import { ReplicationResult } from '../sim/results.ts';
import { STRIDE, type EncodedWarmState as EncodedWarmStateType } from '../sim/warmStateCodec.ts';

/**
 * The message protocol between the page and a simulation worker: a closed union in each
 * direction, checked with zod on receipt at both ends. One request runs one replication, so a
 * pool can spread replications over workers and report progress after each.
 */

/** How long to run and how many times: the same for every scenario in a comparison or sweep. */
export const RunSettings = z.strictObject({
  days: z.number().int().min(7).max(3650).describe('Days measured in each run, after the warm-up'),
  warmupDays: z
    .number()
    .int()
    .min(0)
    .max(3650)
    .describe('Days simulated before the measured days and left out of the figures (each run already starts from a warmed-up state)'),
  reps: z.number().int().min(1).max(500).describe('Runs with different random numbers'),
  seed: z.number().int().min(0).max(2_147_483_647).describe('The same seed gives the same results'),
});
export type RunSettings = z.infer<typeof RunSettings>;

/**
 * The app's default run: a steady-state year measured after 90 days, twenty times (calibration
 * runs at the same settings: src/cli/calibrationTargets.ts). A build ships every preset's run at
 * these settings (shippedRuns.ts).
 */
export const DEFAULT_RUN_SETTINGS: RunSettings = Object.freeze({ days: 365, warmupDays: 90, reps: 20, seed: 2010 });

/**
 * A warm-start template packed for passing between threads (src/sim/warmStateCodec.ts); its
 * entities are checked when the worker decodes it.
 */
export const EncodedWarmState = z.strictObject({
  snapshots: z.number().int().min(1),
  months: z.number().min(0),
  states: z.array(z.string()),
  values: z.instanceof(Float64Array).refine((v) => v.length % STRIDE === 0, `holds a whole number of ${STRIDE}-number entities`),
});
// The schema and the codec's type must agree.
((x: z.infer<typeof EncodedWarmState>): EncodedWarmStateType => x) satisfies unknown;

/**
 * Page to worker: run replication `rep` of `scenario` (parsed again in the worker). `warmState`
 * comes with the first replication of a scenario a worker runs when another worker built the
 * template; without it the worker uses its own copy or builds one.
 */
export const ReplicateRequest = z.strictObject({
  type: z.literal('replicate'),
  taskId: z.number().int().min(0),
  scenario: z.unknown(),
  days: z.number().int(),
  warmupDays: z.number().int(),
  seed: z.number().int(),
  rep: z.number().int().min(0),
  warmState: EncodedWarmState.optional(),
});

/** Page to worker: build (or recall) the warm-start template of `scenario` on `seed` and send it back. */
export const TemplateRequest = z.strictObject({
  type: z.literal('template'),
  taskId: z.number().int().min(0),
  scenario: z.unknown(),
  seed: z.number().int(),
});

/** Every message the page may send to a worker. */
export const WorkerRequest = z.discriminatedUnion('type', [ReplicateRequest, TemplateRequest]);
export type WorkerRequest = z.infer<typeof WorkerRequest>;

/** Worker to page: one replication finished. */
export const ReplicatedResponse = z.strictObject({
  type: z.literal('replicated'),
  taskId: z.number().int().min(0),
  result: ReplicationResult,
  elapsedMs: z.number().min(0),
});

/** Worker to page: a scenario's warm-start template, packed (its buffer is transferred, not copied). */
export const TemplateResponse = z.strictObject({
  type: z.literal('template'),
  taskId: z.number().int().min(0),
  warmState: EncodedWarmState,
  elapsedMs: z.number().min(0),
});

/** Worker to page: the request could not be run (bad message, bad scenario, or the engine threw). */
export const FailedResponse = z.strictObject({
  type: z.literal('failed'),
  taskId: z.number().int().min(-1),
  message: z.string(),
  problems: z.array(z.strictObject({ path: z.string(), message: z.string() })),
});

/** Every message a worker may send to the page. */
export const WorkerResponse = z.discriminatedUnion('type', [ReplicatedResponse, TemplateResponse, FailedResponse]);
export type WorkerResponse = z.infer<typeof WorkerResponse>;
