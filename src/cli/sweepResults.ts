import { z } from 'zod';
import { BatchResult } from '../sim/results.ts';

/** One point of a sweep: its number, the value tried, and the batch's results. */
export const SweepPointResult = z.strictObject({ index: z.number().int().min(0), value: z.unknown(), result: BatchResult });

/** What one shard writes: the resolved sweep (scenario inlined), its fingerprint, and its points. */
export const SweepShardFile = z.strictObject({
  kind: z.literal('front-door-sweep-shard'),
  version: z.literal(1),
  fingerprint: z.string(),
  shard: z.strictObject({ index: z.number().int().min(0), count: z.number().int().min(1) }),
  sweep: z.strictObject({
    parameter: z.string(),
    values: z.array(z.unknown()),
    days: z.number(),
    warmupDays: z.number(),
    reps: z.number(),
    seed: z.number(),
    scenario: z.unknown(),
  }),
  points: z.array(SweepPointResult),
});
export type SweepShardFile = z.infer<typeof SweepShardFile>;

/** The merged sweep: every point once, in order. */
export const SweepFile = z.strictObject({
  kind: z.literal('front-door-sweep'),
  version: z.literal(1),
  fingerprint: z.string(),
  sweep: SweepShardFile.shape.sweep,
  points: z.array(SweepPointResult),
});
export type SweepFile = z.infer<typeof SweepFile>;
