import { sensitivityParameter, type RangeRule } from '../scenario/sensitivity.ts';
import { metricDefinitionFor, type FrameworkNaming, type MetricUnit } from '../sim/metricDefinitions.ts';
import type { Effect, SensitivityAnalysis } from '../sim/sensitivity.ts';

/**
 * The plain-text report of a sensitivity analysis: how it was run, each parameter's range and
 * why, then one table per measure with the parameters sorted by swing (a tornado in text).
 */

const pct = (x: number, signed: boolean) => `${signed && x > 0 ? '+' : ''}${(x * 100).toFixed(1)}`;
const num = (x: number, signed: boolean) =>
  `${signed && x > 0 ? '+' : ''}${Math.abs(x) >= 100 ? x.toFixed(0) : Math.abs(x) >= 10 ? x.toFixed(1) : x.toFixed(2)}`;
/** "-0.0" reads as a change; a zero is written without a sign. */
const noNegativeZero = (s: string) => (/^[-+]?0(\.0+)?( pp|%)?$/.test(s) ? s.replace(/^[-+]/, '') : s);

/** A measure's value: shares as percentages, others as numbers. */
export function formatLevel(x: number, unit: MetricUnit): string {
  return noNegativeZero(unit === 'share' ? `${pct(x, false)}%` : num(x, false));
}

/** A signed difference: shares in percentage points. */
export function formatChange(x: number, unit: MetricUnit): string {
  return noNegativeZero(unit === 'share' ? `${pct(x, true)} pp` : num(x, true));
}

/** An effect as "+2.1 pp (+1.3 to +2.9)", with `*` when the interval excludes zero. */
export function formatEffect(e: Effect, unit: MetricUnit, run = true): string {
  if (!run) return 'same as base';
  const clear = e.ci95[0] > 0 || e.ci95[1] < 0;
  const bare = (x: number) => formatChange(x, unit).replace(/ pp$/, '');
  return `${formatChange(e.mean, unit)} (${bare(e.ci95[0])} to ${bare(e.ci95[1])})${clear ? ' *' : ''}`;
}

/** A range rule in a few characters: "±50%", "±2", "share not met ±50%". */
export function ruleText(rule: RangeRule): string {
  const pctText = `${Number((rule.by * 100).toPrecision(3))}%`;
  return rule.kind === 'scale' ? `±${pctText}` : rule.kind === 'shift' ? `±${formatParam(rule.by)}` : `share not met ±${pctText}`;
}

/** A parameter's value, with at most four significant digits. */
export const formatParam = (v: number) => String(Number(v.toPrecision(4)));

function table(header: readonly string[], rows: readonly (readonly string[])[], right: readonly boolean[]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: readonly string[]) =>
    cells
      .map((c, i) => (right[i] ? c.padStart(widths[i]!) : c.padEnd(widths[i]!)))
      .join('  ')
      .trimEnd();
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

/** The whole report. `measures` picks and orders the tables (default: every measure analysed). */
export function sensitivityTable(a: SensitivityAnalysis, measures = a.measures.map((m) => m.metric), naming?: FrameworkNaming): string {
  const out: string[] = [];
  out.push(`Sensitivity of "${a.scenario.name}" (${a.scenario.id})`);
  out.push(
    `${a.reps} replications of ${a.days} days after ${a.warmupDays} days' warm-up, base seed ${a.seed}; every variant runs on the base's seeds (common random numbers).`,
  );
  out.push(
    'Effect = variant minus base: the mean of the differences paired by replication, with its 95% interval (paired Student t). * = the interval excludes zero.',
  );
  out.push('');
  out.push('Parameters and their ranges (why each range: below the tables)');
  out.push(
    table(
      ['parameter', 'base', 'low', 'high', 'rule'],
      a.ranges.map((r) => [
        r.path,
        formatParam(r.base),
        formatParam(r.low),
        formatParam(r.high),
        ruleText(sensitivityParameter(r.path).rule) + (r.cut ? ', cut to the schema' : ''),
      ]),
      [false, true, true, true, false],
    ),
  );
  for (const metric of measures) {
    const m = a.measures.find((x) => x.metric === metric);
    if (!m) continue;
    // In the scenario's framework's words (single assessments under Working Together 2013).
    const { unit, label } = metricDefinitionFor(metric, naming);
    out.push('');
    out.push(
      `${label}: base ${formatLevel(m.base.mean, unit)} (${formatLevel(m.base.ci95[0], unit)} to ${formatLevel(m.base.ci95[1], unit)}); largest swing first`,
    );
    out.push(
      table(
        ['parameter', 'low -> high', 'effect at low', 'effect at high', 'swing'],
        m.rows.map((r) => [
          r.path,
          `${formatParam(r.low.value)} -> ${formatParam(r.high.value)}`,
          formatEffect(r.low.effect, unit, r.low.run),
          formatEffect(r.high.effect, unit, r.high.run),
          formatChange(r.swing, unit).replace(/^\+/, ''),
        ]),
        [false, false, true, true, true],
      ),
    );
  }
  out.push('');
  out.push('Why these ranges (models/ASSUMPTIONS.md gives each value and its source)');
  for (const r of a.ranges) out.push(`  ${r.path}: ${sensitivityParameter(r.path).basis}`);
  if (a.unsteady.length) {
    out.push('');
    out.push(
      "No steady state: in these variants a weekly series rose through the measured days (it did not in the base), so their averages depend on the run's length:",
    );
    for (const u of a.unsteady) out.push(`  ${u.path} at its ${u.side} value: ${u.series.join(', ')}`);
  }
  return out.join('\n') + '\n';
}
