import { z } from 'zod';
import { ReplicationResult } from '../sim/results.ts';

/**
 * The message protocol between the page and a simulation worker: a closed union in each
 * direction, checked with zod on receipt at both ends. One request runs one replication, so a
 * pool can spread replications over workers and report progress after each.
 */

/** How long to run and how many times: the same for every scenario in a comparison or sweep. */
export const RunSettings = z.strictObject({
  days: z.number().int().min(7).max(3650).describe('Days measured in each run, after the warm-up'),
  warmupDays: z.number().int().min(0).max(3650).describe('Days simulated before the measured days and left out of the figures (each run already starts from a warmed-up state)'),
  reps: z.number().int().min(1).max(500).describe('Runs with different random numbers'),
  seed: z.number().int().min(0).max(2_147_483_647).describe('The same seed gives the same results'),
});
export type RunSettings = z.infer<typeof RunSettings>;

/** Page to worker: run replication `rep` of `scenario` (parsed again in the worker). */
export const ReplicateRequest = z.strictObject({
  type: z.literal('replicate'),
  taskId: z.number().int().min(0),
  scenario: z.unknown(),
  days: z.number().int(),
  warmupDays: z.number().int(),
  seed: z.number().int(),
  rep: z.number().int().min(0),
});

/** Every message the page may send to a worker. */
export const WorkerRequest = z.discriminatedUnion('type', [ReplicateRequest]);
export type WorkerRequest = z.infer<typeof WorkerRequest>;

/** Worker to page: one replication finished. */
export const ReplicatedResponse = z.strictObject({
  type: z.literal('replicated'),
  taskId: z.number().int().min(0),
  result: ReplicationResult,
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
export const WorkerResponse = z.discriminatedUnion('type', [ReplicatedResponse, FailedResponse]);
export type WorkerResponse = z.infer<typeof WorkerResponse>;
