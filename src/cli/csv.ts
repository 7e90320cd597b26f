import { METRIC_NAMES, SERIES_NAMES, TEAM_METRIC_NAMES, metricDefinitionFor, type FrameworkNaming } from '../sim/metricDefinitions.ts';
import type { BatchResult } from '../sim/results.ts';
import { neutraliseCsvCell } from '../shared/csvInjection.ts';

/**
 * One CSV field: a text cell a spreadsheet would run as a formula is neutralised first (OWASP; a
 * team named `@SUM(1+1)` must stay text), then quoted when it needs it (RFC 4180).
 */
export function csvField(v: string | number): string {
  const s = typeof v === 'number' ? (Number.isFinite(v) ? String(v) : '') : neutraliseCsvCell(v);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/**
 * Results as CSV, one row per metric and scope: scope (county or a team), metric, label, mean,
 * lower and upper 95% limits, then one column per replication. Labels are in the framework's
 * words when `naming` is given (single assessments under Working Together 2013); the metric
 * names, and so the rows, are the same under every framework.
 */
export function batchToCsv(b: BatchResult, naming?: FrameworkNaming): string {
  const reps = b.replications.map((r) => `rep${r.rep}_seed${r.seed}`);
  const rows: (string | number)[][] = [['scope', 'metric', 'label', 'mean', 'ci95_low', 'ci95_high', ...reps]];
  for (const n of METRIC_NAMES) {
    const e = b.metrics[n];
    rows.push(['county', n, metricDefinitionFor(n, naming).label, e.mean, e.ci95[0], e.ci95[1], ...b.replications.map((r) => r.metrics[n])]);
  }
  b.teams.forEach((t, i) => {
    for (const n of TEAM_METRIC_NAMES) {
      const e = t.metrics[n];
      rows.push([t.name, n, metricDefinitionFor(n, naming).label, e.mean, e.ci95[0], e.ci95[1], ...b.replications.map((r) => r.teams[i]!.metrics[n])]);
    }
  });
  return rows.map((r) => r.map(csvField).join(',')).join('\n') + '\n';
}

/**
 * The weekly series as CSV, one row per simulated week: its first day of the run (warm-up
 * included), its first calendar date (from the scenario's timeline start date) and whether it
 * is measured, then each series' mean and 95% limits across replications (`--series`). The
 * timeline's changes are listed in a `changes` column on the week they fall in.
 */
export function seriesToCsv(b: BatchResult, dateOf: (runDay: number) => string, changesIn: (fromDay: number, toDay: number) => string[]): string {
  const head = ['week', 'run_day', 'date', 'measured', ...SERIES_NAMES.flatMap((n) => [n, `${n}_ci95_low`, `${n}_ci95_high`]), 'changes'];
  const rows: (string | number)[][] = [head];
  b.series.weekStartDays.forEach((d, w) => {
    const cells: (string | number)[] = [w, d, dateOf(d), d >= b.warmupDays ? 1 : 0];
    for (const n of SERIES_NAMES) {
      const e = b.series.values[n][w]!;
      cells.push(e.mean, e.ci95[0], e.ci95[1]);
    }
    cells.push(changesIn(d, d + 7).join('; '));
    rows.push(cells);
  });
  return rows.map((r) => r.map(csvField).join(',')).join('\n') + '\n';
}
