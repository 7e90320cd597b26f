import {
  METRIC_NAMES,
  METRICS,
  type MetricName,
  type MetricUnit,
  metricDefinitionFor,
  metricNamesFor,
  sharedNaming,
  type FrameworkNaming,
} from '../../../sim/metricDefinitions.ts';
import type { BatchResult } from '../../../sim/results.ts';
import { DAYS_PER_MONTH } from '../../../sim/workingCalendar.ts';
import { formatDifference, formatInterval, formatValue } from '../format.ts';
import { pairedDifference, type PairedDifference } from '../pairedDifference.ts';
import { betterDirection, MECHANISM_STAGES, stageOf } from './mechanism.ts';
import { headlineMetrics } from '../seriesMeta.ts';

/**
 * Findings in plain words, generated from the model's own numbers: which measures differ between
 * two runs on the same seeds beyond their paired 95% interval, by how much, and the chain of
 * measures in the model that carried the change. A difference whose interval includes zero is
 * never stated as a difference. Pure (no React, no DOM); the words are English for UK readers.
 */

/** Average days in a month, as the engine's per-month measures use. */

/** One measure whose paired difference is clear (its 95% interval excludes zero). */
export interface Finding {
  metric: MetricName;
  label: string;
  unit: MetricUnit;
  /** Means in the baseline and the other run (counts per month where `perMonth`). */
  from: number;
  to: number;
  /** Counts over the window are shown per month, so runs of different lengths read the same. */
  perMonth: boolean;
  difference: PairedDifference;
  /** Which way the other run differs. */
  direction: 'higher' | 'lower';
  /** Better or worse for children and staff, or neutral where that depends. */
  judgement: 'better' | 'worse' | 'neutral';
  /** |difference| ÷ |baseline|: used to order findings (Infinity from a zero baseline). */
  relative: number;
  /** The finding as a sentence. */
  text: string;
}

/** The findings of one scenario against the baseline. */
export interface ComparisonFindings {
  baselineLabel: string;
  label: string;
  /** The lead sentence: how many measures differ clearly and which way. */
  headline: string;
  /** The lead sentence without the scenarios' names (for a place that already shows them). */
  tally: string;
  /** The chain of clear changes that drove the outcomes, or null when there is none to tell. */
  mechanism: string | null;
  /** Clear differences, most important first: outcomes that are better or worse, then the rest. */
  clear: Finding[];
  /** Measures whose paired interval includes zero (no clear difference). */
  unclear: MetricName[];
  /** Replication pairs behind each difference. */
  pairs: number;
}

const windowMonths = (b: BatchResult) => Math.max(1e-9, (b.days - b.warmupDays) / DAYS_PER_MONTH);

/** A value in its unit, with counts over the window given per month. */
export function formatMeasure(x: number, unit: MetricUnit, perMonth: boolean): string {
  return perMonth ? `${formatValue(x, unit)} a month` : formatValue(x, unit);
}

const lowerFirst = (s: string) => (/^[A-Z][a-z]/.test(s) ? s[0]!.toLowerCase() + s.slice(1) : s);

/** The metric names both runs report, in the order of the metric definitions. */
export function sharedMetrics(a: BatchResult, b: BatchResult): MetricName[] {
  return METRIC_NAMES.filter((n) => n in a.metrics && n in b.metrics && n in METRICS);
}

/** The paired difference of one metric (b − a), matched by replication. */
export function metricDifference(a: BatchResult, b: BatchResult, metric: MetricName): PairedDifference {
  return pairedDifference(
    a.replications.map((r) => r.metrics[metric]),
    b.replications.map((r) => r.metrics[metric]),
  );
}

/**
 * Every clear finding of `b` against `a` (same seed and replications, so differences are paired),
 * and the measures with no clear difference. Throws when the runs are not on the same seeds.
 */
export function measureFindings(a: BatchResult, b: BatchResult, naming?: FrameworkNaming): { clear: Finding[]; unclear: MetricName[]; pairs: number } {
  if (a.seed !== b.seed || a.reps !== b.reps) {
    throw new Error(`findings need runs on the same seeds: seed ${a.seed} × ${a.reps} replications against seed ${b.seed} × ${b.reps}`);
  }
  const months = windowMonths(a);
  const clear: Finding[] = [];
  const unclear: MetricName[] = [];
  for (const metric of metricNamesFor(sharedMetrics(a, b), naming)) {
    const d = metricDifference(a, b, metric);
    if (!d.excludesZero || !d.ci95) {
      unclear.push(metric);
      continue;
    }
    const def = metricDefinitionFor(metric, naming);
    const perMonth = def.unit === 'count';
    const scale = perMonth ? 1 / months : 1;
    const from = a.metrics[metric].mean * scale;
    const to = b.metrics[metric].mean * scale;
    const direction = d.mean > 0 ? 'higher' : 'lower';
    const better = betterDirection(metric);
    const judgement = better === 'neutral' ? 'neutral' : (better === 'lower') === (direction === 'lower') ? 'better' : 'worse';
    const diff = { ...d, mean: d.mean * scale, ci95: [d.ci95[0] * scale, d.ci95[1] * scale] as [number, number] };
    const verb = direction === 'higher' ? 'up' : 'down';
    const text =
      `${def.label}: ${verb} from ${formatMeasure(from, def.unit, perMonth)} to ${formatMeasure(to, def.unit, perMonth)} ` +
      `(${formatDifference(diff.mean, def.unit)}; 95% interval ${formatInterval(diff.ci95, def.unit, true)})` +
      (judgement === 'neutral' ? '.' : `: ${judgement}.`);
    clear.push({
      metric,
      label: def.label,
      unit: def.unit,
      from,
      to,
      perMonth,
      difference: diff,
      direction,
      judgement,
      relative: Math.abs(d.mean) / Math.max(Math.abs(a.metrics[metric].mean), 1e-12),
      text,
    });
  }
  return { clear: orderFindings(clear), unclear, pairs: a.reps };
}

/** Outcomes judged better or worse first (largest relative change first), then neutral measures. */
export function orderFindings(findings: readonly Finding[]): Finding[] {
  const rank = (f: Finding) => (f.judgement === 'neutral' ? 1 : 0);
  return [...findings].sort((x, y) => rank(x) - rank(y) || y.relative - x.relative || x.metric.localeCompare(y.metric));
}

/** The smallest relative change a measure must make to be named as a step in a mechanism. */
export const MATERIAL_CHANGE = 0.05;

/** A short clause for a finding in a chain: "referrals down from 326 to 176 a month". */
export function clause(f: Finding): string {
  return `${lowerFirst(f.label)} ${f.direction === 'higher' ? 'up' : 'down'} from ${formatMeasure(f.from, f.unit, f.perMonth)} to ${formatMeasure(f.to, f.unit, f.perMonth)}`;
}

/**
 * The mechanism: the largest clear change at each stage of the pathway before the outcomes
 * (demand, work at the door, social workers' capacity), then the largest clear outcome, joined
 * as the model's chain. Null when no stage before the outcomes changed clearly. A step must move
 * by at least `MATERIAL_CHANGE` of its baseline: a clear but tiny shift (58.0% to 57.7%) is not a cause.
 */
export function mechanism(clear: readonly Finding[]): string | null {
  const m = mechanismSteps(clear);
  if (!m) return null;
  const chain = m.steps.map(clause).join('; then ');
  const sentence = m.outcome ? `${chain}; so ${clause(m.outcome)}.` : `${chain}, with no clear change in the outcomes that are better or worse for children.`;
  return sentence[0]!.toUpperCase() + sentence.slice(1);
}

/**
 * The findings a mechanism is told from: one step per stage before the outcomes, and the outcome
 * (or null): the first headline measure, in the order the results show them, that changed clearly
 * and by at least MATERIAL_CHANGE of its baseline, else the largest other clear outcome. Ending on
 * the largest relative change ended a single front door's chain on a backlog at the run's end
 * (3.85 to 0) rather than on re-referral.
 */
export function mechanismSteps(clear: readonly Finding[]): { steps: Finding[]; outcome: Finding | null } | null {
  const steps: Finding[] = [];
  for (const stage of MECHANISM_STAGES) {
    const inStage = clear.filter((f) => stageOf(f.metric) === stage && f.relative >= MATERIAL_CHANGE);
    const top = [...inStage].sort((x, y) => y.relative - x.relative)[0];
    if (top) steps.push(top);
  }
  if (steps.length === 0) return null;
  const outcomes = clear.filter((f) => stageOf(f.metric) === 'outcome' && f.judgement !== 'neutral');
  const headline = headlineMetrics()
    .map((metric) => outcomes.find((f) => f.metric === metric && f.relative >= MATERIAL_CHANGE))
    .find((f) => f !== undefined);
  return { steps, outcome: headline ?? outcomes[0] ?? null };
}

/** The lead sentence for one scenario against the baseline. */
export function headline(label: string, baselineLabel: string, clear: readonly Finding[], total: number): string {
  if (clear.length === 0)
    return `${label} against ${baselineLabel}: no clear difference in any of the ${total} measures (every paired 95% interval includes zero).`;
  const better = clear.filter((f) => f.judgement === 'better').length;
  const worse = clear.filter((f) => f.judgement === 'worse').length;
  const parts = [better ? `${better} better` : '', worse ? `${worse} worse` : ''].filter(Boolean);
  return `${label} against ${baselineLabel}: ${clear.length} of ${total} measures differ clearly${parts.length ? ` (${parts.join(', ')})` : ''}; no clear difference in the other ${total - clear.length}.`;
}

/** Findings for `other` against `baseline`, both run on the same seeds. */
export function compareFindings(
  baseline: { label: string; batch: BatchResult; scenario?: { assessment: FrameworkNaming } | undefined },
  other: { label: string; batch: BatchResult; scenario?: { assessment: FrameworkNaming } | undefined },
): ComparisonFindings {
  // In the frameworks' words when both scenarios are known and share one (metricDefinitions.ts).
  const naming = sharedNaming([baseline.scenario?.assessment, other.scenario?.assessment]);
  const { clear, unclear, pairs } = measureFindings(baseline.batch, other.batch, naming);
  return {
    baselineLabel: baseline.label,
    label: other.label,
    headline: headline(other.label, baseline.label, clear, clear.length + unclear.length),
    tally: headline('', baseline.label, clear, clear.length + unclear.length).replace(/^ against /, 'Against '),
    mechanism: mechanism(clear),
    clear,
    unclear,
    pairs,
  };
}
