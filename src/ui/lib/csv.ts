import type { Scenario } from '../../scenario/schema.ts';
import { csvFormat } from 'd3-dsv';
import {
  METRIC_NAMES,
  METRICS,
  SERIES,
  SERIES_NAMES,
  TEAM_METRIC_NAMES,
  metricDefinitionFor,
  seriesLabelFor,
  sharedNaming,
  type MetricName,
} from '../../sim/metricDefinitions.ts';
import type { BatchResult } from '../../sim/results.ts';
import { pairedDifference } from './pairedDifference.ts';
import { neutraliseCsvRow } from '../../shared/csvInjection.ts';

/**
 * Results as CSV for spreadsheets: tidy long tables (one row per value) with the run's seed,
 * replications and window on every row, so a file read on its own says where it came from.
 * Prefixed with a byte-order mark so Excel reads UTF-8, and every cell a spreadsheet would run as
 * a formula neutralised (src/shared/csvInjection.ts): the BOM makes Excel open these files directly.
 */

/** A labelled batch: the scenario's display name and its results. */
export interface LabelledBatch {
  label: string;
  batch: BatchResult;
  /** The scenario the batch ran (for its timeline's markers), where the caller has it. */
  scenario?: Scenario;
}

const BOM = '\uFEFF';

/** Rows as a CSV file for spreadsheets: byte-order mark, header from the first row's keys, formula-like cells neutralised. */
export function spreadsheetCsv(rows: readonly object[]): string {
  return BOM + csvFormat(rows.map(neutraliseCsvRow));
}
const provenance = (b: BatchResult) => ({ seed: b.seed, replications: b.reps, days: b.days, warmup_days: b.warmupDays });

/** Summary: mean and 95% interval of every metric, per scenario. */
export function summaryCsv(batches: readonly LabelledBatch[]): string {
  const rows = batches.flatMap(({ label, batch, scenario }) =>
    METRIC_NAMES.map((name) => ({
      scenario: label,
      scenario_id: batch.scenario.id,
      metric: name,
      // In the framework's words (single assessments under Working Together 2013); rows stay the same.
      label: metricDefinitionFor(name, scenario?.assessment).label,
      unit: METRICS[name].unit,
      mean: batch.metrics[name].mean,
      ci95_low: batch.metrics[name].ci95[0],
      ci95_high: batch.metrics[name].ci95[1],
      ...provenance(batch),
    })),
  );
  return spreadsheetCsv(rows);
}

/** Every replication's value of every metric, with the replication's own seed. */
export function replicationsCsv(batches: readonly LabelledBatch[]): string {
  const rows = batches.flatMap(({ label, batch }) =>
    batch.replications.flatMap((r) =>
      METRIC_NAMES.map((name) => ({
        scenario: label,
        scenario_id: batch.scenario.id,
        replication: r.rep,
        replication_seed: r.seed,
        metric: name,
        value: r.metrics[name],
        ...provenance(batch),
      })),
    ),
  );
  return spreadsheetCsv(rows);
}

/** Weekly series: mean and 95% interval for each week of the run (day 0 = start, including warm-up). */
export function seriesCsv(batches: readonly LabelledBatch[], names: readonly (keyof typeof SERIES)[] = SERIES_NAMES): string {
  const rows = batches.flatMap(({ label, batch, scenario }) =>
    names.flatMap((name) =>
      batch.series.values[name].map((e, w) => ({
        scenario: label,
        series: name,
        description: seriesLabelFor(name, scenario?.assessment),
        week_start_day: batch.series.weekStartDays[w],
        in_warmup: (batch.series.weekStartDays[w] ?? 0) < batch.warmupDays ? 'yes' : 'no',
        mean: e.mean,
        ci95_low: e.ci95[0],
        ci95_high: e.ci95[1],
        ...provenance(batch),
      })),
    ),
  );
  return spreadsheetCsv(rows);
}

/** Per duty team: mean and 95% interval of each team metric. */
export function teamsCsv(batches: readonly LabelledBatch[]): string {
  const rows = batches.flatMap(({ label, batch, scenario }) =>
    batch.teams.flatMap((t) =>
      TEAM_METRIC_NAMES.map((name) => ({
        scenario: label,
        team: t.name,
        metric: name,
        label: metricDefinitionFor(name, scenario?.assessment).label,
        unit: METRICS[name].unit,
        mean: t.metrics[name].mean,
        ci95_low: t.metrics[name].ci95[0],
        ci95_high: t.metrics[name].ci95[1],
        ...provenance(batch),
      })),
    ),
  );
  return spreadsheetCsv(rows);
}

/** One comparison row: a metric in the baseline and another scenario, and their paired difference. */
export interface ComparisonRow {
  metric: MetricName;
  baseline: { mean: number; ci95: [number, number] };
  other: { mean: number; ci95: [number, number] };
  difference: ReturnType<typeof pairedDifference>;
}

/** Paired differences (other − baseline) of every metric; both batches must share seed and replications. */
export function comparisonRows(baseline: BatchResult, other: BatchResult): ComparisonRow[] {
  if (baseline.seed !== other.seed || baseline.reps !== other.reps) {
    throw new Error(`a comparison needs the same seeds: seed ${baseline.seed} × ${baseline.reps} replications against seed ${other.seed} × ${other.reps}`);
  }
  return METRIC_NAMES.map((metric) => ({
    metric,
    baseline: baseline.metrics[metric],
    other: other.metrics[metric],
    difference: pairedDifference(
      baseline.replications.map((r) => r.metrics[metric]),
      other.replications.map((r) => r.metrics[metric]),
    ),
  }));
}

/** The comparison table: each scenario against the first (the baseline), paired on seeds. */
export function comparisonCsv(batches: readonly LabelledBatch[]): string {
  const [base, ...others] = batches;
  if (!base) return BOM;
  const rows = others.flatMap(({ label, batch, scenario }) =>
    comparisonRows(base.batch, batch).map((r) => ({
      metric: r.metric,
      label: metricDefinitionFor(r.metric, sharedNaming([base.scenario?.assessment, scenario?.assessment])).label,
      unit: METRICS[r.metric].unit,
      baseline: base.label,
      baseline_mean: r.baseline.mean,
      scenario: label,
      scenario_mean: r.other.mean,
      difference_mean: r.difference.mean,
      difference_ci95_low: r.difference.ci95?.[0] ?? '',
      difference_ci95_high: r.difference.ci95?.[1] ?? '',
      ci_excludes_zero: r.difference.excludesZero ? 'yes' : 'no',
      ...provenance(batch),
    })),
  );
  return spreadsheetCsv(rows);
}
