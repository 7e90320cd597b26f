import type { MetricName, MetricUnit } from '../../../sim/metricDefinitions.ts';
import { formatNumber } from '../../lib/format.ts';
import type { Scenario } from '../../../scenario/schema.ts';
import { changesLine, summariseChanges } from '../../lib/findings/changes.ts';
import type { ComparisonFindings } from '../../lib/findings/findings.ts';
import { headlineMetrics } from '../../lib/seriesMeta.ts';

/**
 * What goes on the one-page board summary, chosen from the results: the headline measures (the
 * themes' headline measures that the definitions still have), the measure the small chart shows,
 * and one line per scenario. Pure.
 */

/**
 * The measure for the small chart: the headline measure that differs clearly (better or worse) for
 * the most scenarios; ties go to the earlier headline measure; the first headline measure when none differ.
 */
export function chartMetric(findings: readonly ComparisonFindings[], headline: readonly MetricName[] = headlineMetrics()): MetricName {
  let best = headline[0] ?? ('reReferralRate' as MetricName);
  let bestCount = 0;
  for (const m of headline) {
    const n = findings.filter((f) => f.clear.some((x) => x.metric === m && x.judgement !== 'neutral')).length;
    if (n > bestCount) {
      best = m;
      bestCount = n;
    }
  }
  return best;
}

/** The first sentence of a description, cut at `max` characters (with an ellipsis). */
export function firstSentence(text: string, max = 110): string {
  const first = (text.trim().split(/(?<=[.!?])\s/)[0] ?? '').trim();
  return first.length > max ? `${first.slice(0, max - 1).trimEnd()}…` : first;
}

/** A paired interval in little room: "−6.4 to −3.1 pp" (the unit once, at the end). */
export function compactInterval(ci: readonly [number, number], unit: MetricUnit): string {
  const one = (x: number) => formatNumber(unit === 'share' ? x * 100 : x);
  const suffix = unit === 'share' ? ' pp' : unit === 'hours' ? ' h' : '';
  return `${one(ci[0])} to ${one(ci[1])}${suffix}`;
}

/** One line per scenario: the baseline's description, and what each other scenario changes from it. */
export function scenarioLines(
  scenarios: readonly Scenario[],
  labels: readonly string[],
  label: (path: string) => string,
  show?: (v: unknown) => string,
): string[] {
  const [base] = scenarios;
  return scenarios
    .map((s, i) => {
      if (i === 0 || !base) return firstSentence(s.description) || 'the baseline';
      return changesLine(summariseChanges(base, s, label, show), 2);
    })
    .map((line, i) => `${labels[i] ?? scenarios[i]?.name}: ${line}`);
}

/**
 * Shorter labels for a crowded page: the alternatives' shared lead ("Kent 2010 restructured: ") is
 * dropped when every alternative has it, and the baseline is cut at its first colon. Labels stay distinct.
 */
export function shortLabels(labels: readonly string[]): string[] {
  const [base, ...others] = labels;
  if (base === undefined) return [];
  const cut = (s: string) => (s.includes(': ') ? s.slice(0, s.indexOf(': ')) : s);
  const lead = others.length >= 2 && others.every((l) => l.includes(': ') && cut(l) === cut(others[0]!)) ? `${cut(others[0]!)}: ` : '';
  const out = [cut(base), ...others.map((l) => (lead ? l.slice(lead.length) : l))].map((l) => l.charAt(0).toUpperCase() + l.slice(1));
  return new Set(out).size === out.length ? out : [...labels];
}
