import type { MetricUnit } from '../../sim/metricDefinitions.ts';

/**
 * Number formatting for people: shares as percentages, counts with thousands separators, a
 * sensible number of decimals for averages. UK English conventions. Pure functions.
 */

const grouping = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 0 });
const oneDp = new Intl.NumberFormat('en-GB', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
const twoDp = new Intl.NumberFormat('en-GB', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** Drops the sign of a number that rounds to zero ("−0.0" and "+0.0" are both "0.0"). */
function noSignedZero(s: string): string {
  return /^[-−+]?[0.,]+$/.test(s.replace(/[^\d.,+−-]/g, '')) ? s.replace(/^[-−+]/, '') : s;
}

/** A plain number with a precision suited to its size (1,234 / 12.3 / 0.12). */
export function formatNumber(x: number): string {
  if (!Number.isFinite(x)) return x > 0 ? '∞' : x < 0 ? '−∞' : '–';
  const a = Math.abs(x);
  const s = a >= 100 ? grouping.format(x) : a >= 10 || a === 0 ? oneDp.format(x) : twoDp.format(x);
  return noSignedZero(s.replace('-', '−'));
}

/** A value in its metric's unit: shares as "23.4%", hours as "12.5 h", others as numbers. */
export function formatValue(x: number, unit: MetricUnit): string {
  switch (unit) {
    case 'share':
      return Number.isFinite(x) ? `${noSignedZero(oneDp.format(x * 100).replace('-', '−'))}%` : formatNumber(x);
    case 'hours':
      return `${formatNumber(x)} h`;
    default:
      return formatNumber(x);
  }
}

/** A difference in a metric's unit, signed: shares as percentage points ("+2.1 pp"). */
export function formatDifference(x: number, unit: MetricUnit): string {
  const sign = x > 0 ? '+' : '';
  if (unit === 'share') return `${noSignedZero(`${sign}${oneDp.format(x * 100).replace('-', '−')}`)} pp`;
  return noSignedZero(`${sign}${formatValue(x, unit)}`);
}

/**
 * The part of a 95% interval a quantity can take: every measure here is at least 0, and shares are
 * at most 1. A t-interval from few replications can reach past these; the ends are shown at the limit.
 */
export function feasibleInterval(ci: readonly [number, number], unit: MetricUnit): [number, number] {
  const hi = unit === 'share' ? Math.min(1, ci[1]) : ci[1];
  return [Math.max(0, ci[0]), Math.max(0, hi)];
}

/** A 95% interval as "12.1 to 14.3" (a difference's interval is shown as it is, signed). */
export function formatInterval(ci: readonly [number, number], unit: MetricUnit, diff = false): string {
  if (diff) return `${formatDifference(ci[0], unit)} to ${formatDifference(ci[1], unit)}`;
  const [lo, hi] = feasibleInterval(ci, unit);
  return `${formatValue(lo, unit)} to ${formatValue(hi, unit)}`;
}

/** Words for a unit, for axis titles and table headers. */
export function unitWords(unit: MetricUnit): string {
  return { count: 'number', share: 'per cent', hours: 'staff hours', cases: 'cases', perMonth: 'per month' }[unit];
}

/** A duration in seconds or minutes ("4.2 s", "2 min 5 s"). */
export function formatDuration(ms: number): string {
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)} s`;
  const s = Math.round(ms / 1000);
  return `${Math.floor(s / 60)} min ${s % 60} s`;
}
