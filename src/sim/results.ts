import { z } from 'zod';
import '../scenario/zodConfig.ts';
import { METRIC_NAMES, SERIES_NAMES, TEAM_METRIC_NAMES } from './metricDefinitions.ts';

/**
 * The documented, versioned shape of a batch of replications: what the CLI writes as JSON and
 * what the worker sends to the UI. Checked with zod at both ends (test/sim/results.test.ts).
 */
export const RESULTS_VERSION = 2 as const;

/** Mean of one metric across replications with its 95% confidence interval (Student t). */
export const Estimate = z.strictObject({
  mean: z.number(),
  ci95: z.tuple([z.number(), z.number()]),
});
export type Estimate = z.infer<typeof Estimate>;

const metricRecord = <T extends z.ZodType>(v: T) =>
  z.strictObject(Object.fromEntries(METRIC_NAMES.map((n) => [n, v])) as Record<(typeof METRIC_NAMES)[number], T>);
const teamMetricRecord = <T extends z.ZodType>(v: T) =>
  z.strictObject(Object.fromEntries(TEAM_METRIC_NAMES.map((n) => [n, v])) as Record<(typeof TEAM_METRIC_NAMES)[number], T>);
const seriesRecord = <T extends z.ZodType>(v: T) =>
  z.strictObject(Object.fromEntries(SERIES_NAMES.map((n) => [n, v])) as Record<(typeof SERIES_NAMES)[number], T>);

/** Steadiness of one weekly series (see src/sim/steadiness.ts). */
export const SeriesSteadiness = z.strictObject({
  slopePerMonth: Estimate,
  // Results saved before the year-on-year estimate (session 5) fitted a line.
  method: z.enum(['yearOnYear', 'line']).default('line'),
  level: z.number(),
  trend: z.enum(['steady', 'rising', 'falling']),
  settlesAfterDays: z.number(),
  warmupAdequate: z.boolean(),
});

/** Metric values of one replication (NaN is not allowed: an undefined ratio is reported as 0 with a note in its definition). */
export const MetricValues = metricRecord(z.number());
export type MetricValues = z.infer<typeof MetricValues>;

export const TeamMetricValues = teamMetricRecord(z.number());
export type TeamMetricValues = z.infer<typeof TeamMetricValues>;

/** One replication's results. */
export const ReplicationResult = z.strictObject({
  rep: z.number().int().min(0),
  seed: z.number().int(),
  metrics: MetricValues,
  teams: z.array(z.strictObject({ name: z.string(), metrics: TeamMetricValues })),
  series: seriesRecord(z.array(z.number())),
  events: z.number().int().min(0),
  transitions: z.number().int().min(0),
});
export type ReplicationResult = z.infer<typeof ReplicationResult>;

/** A batch: summary across replications, each replication, and weekly series with bands. */
export const BatchResult = z.strictObject({
  version: z.literal(RESULTS_VERSION),
  scenario: z.strictObject({ id: z.string(), name: z.string() }),
  days: z.number(),
  warmupDays: z.number(),
  reps: z.number().int().min(1),
  seed: z.number().int(),
  /** How each replication started: from a warm state of the scenario (default) or empty. */
  start: z.enum(['warm', 'empty']),
  metrics: metricRecord(Estimate),
  teams: z.array(z.strictObject({ name: z.string(), metrics: teamMetricRecord(Estimate) })),
  replications: z.array(ReplicationResult),
  /** Per weekly series: trend over the measured window and warm-up adequacy (steadiness.ts). */
  steadiness: seriesRecord(SeriesSteadiness),
  series: z.strictObject({
    weekStartDays: z.array(z.number()),
    values: seriesRecord(z.array(Estimate)),
  }),
});
export type BatchResult = z.infer<typeof BatchResult>;
