import type { MetricUnit, SeriesName } from './metricDefinitions.ts';
import { SERIES_NAMES } from './metricDefinitions.ts';
import { estimate, mean } from './stats.ts';
import { HOURS_PER_DAY, HOURS_PER_MONTH, HOURS_PER_WEEK } from './workingCalendar.ts';

/**
 * Is the measured window in a steady state? Two checks per weekly series, both from the
 * replications alone:
 *
 * - **Trend**: each replication's change per month, year on year where the run allows it: the
 *   mean of the weeks a year apart (week w and week w + 52, 364 days later) differenced and
 *   divided by twelve months. The working calendar repeats every year (bank holidays: a backlog
 *   peaks just after Christmas and is lowest in late summer), so a straight line through a single
 *   measured year reads that season as a rise or a fall (kent-2010's initial assessments open:
 *   +0.9 a month on a line through days 90-455, no growth over four years); comparing the same
 *   weeks a year apart cancels it, as a manager compares a month with the same month last year
 *   (the seasonal-difference idea of Box and Jenkins, *Time Series Analysis*, ch. 9). Where the
 *   run does not hold YEAR_ON_YEAR_MIN_PAIRS such pairs, a least-squares line over the measured
 *   weeks is fitted instead, and the verdict says so (`method: 'line'`). The replications'
 *   estimates give a t-interval. A series trends when that interval excludes 0 *and* the change
 *   over the measured window is material (TREND_MATERIAL share of its level and at least the
 *   unit's floor): with twenty replications a drift of a fraction of a case a month is
 *   "significant" but says nothing a manager should act on.
 * - **Warm-up adequacy**: MSER-5 (White 1997, Simulation 69:323; recommended by Hoad, Robinson
 *   and Davies 2010, JORS 61:1389) on the replications' mean series over the whole run, warm-up
 *   included: the truncation point that minimises the standard error of the remaining mean.
 *   If it falls after the warm-up (by more than one batch), the warm-up was too short.
 */

/** A fitted change over the window smaller than this share of the series' level is not a trend. */
export const TREND_MATERIAL = 0.1;

/** Smallest change over the window that counts as a trend, by unit (counts per week, cases, shares). */
const TREND_FLOOR: Record<MetricUnit, number> = { count: 5, cases: 5, share: 0.02, hours: 5, perMonth: 5 };

/** Weeks between the two weeks of a year-on-year pair: 364 days, a day short of a calendar year. */
export const WEEKS_PER_YEAR_PAIR = 52;

/** Fewest year-on-year pairs for which the year-on-year estimate is used (else a line is fitted). */
export const YEAR_ON_YEAR_MIN_PAIRS = 8;

/**
 * Weeks of a warm-started run that year-on-year pairs may start from: after the first four,
 * which still carry the snapshot's start (weeks 0-3 differ from steady state by 2-17%, weeks 4-12
 * by at most 2%: DESIGN.md, warm start). A run started empty pairs from its warm-up's end only.
 */
export const WARM_START_SETTLED_DAYS = 28;

/** Per-series verdict. */
export interface SeriesSteadiness {
  /** Change per month: mean of the replications' estimates, 95% interval. */
  slopePerMonth: { mean: number; ci95: [number, number] };
  /** How the change was estimated: weeks a year apart (season cancels) or a line through the window. */
  method: 'yearOnYear' | 'line';
  /** Mean level over the measured window (all replications). */
  level: number;
  trend: 'steady' | 'rising' | 'falling';
  /** MSER-5 truncation point, in days from the start of the run (warm-up included). */
  settlesAfterDays: number;
  /** Whether the warm-up covers the MSER-5 truncation point (within one batch of five weeks). */
  warmupAdequate: boolean;
}

export type Steadiness = Record<SeriesName, SeriesSteadiness>;

/** Least-squares slope of ys against 0, 1, 2, … (0 for fewer than two points). */
export function slope(ys: readonly number[]): number {
  const n = ys.length;
  if (n < 2) return 0;
  const xm = (n - 1) / 2;
  const ym = mean(ys);
  let sxy = 0;
  let sxx = 0;
  for (let i = 0; i < n; i++) {
    sxy += (i - xm) * (ys[i]! - ym);
    sxx += (i - xm) * (i - xm);
  }
  return sxy / sxx;
}

/**
 * MSER-5: batch the series in fives, and return the number of leading observations (a multiple
 * of 5) whose deletion minimises Σ(Yᵢ − Ȳ)² / (n − d)² over the remaining batch means, searching
 * the first half only (White 1997).
 */
export function mser5(ys: readonly number[]): number {
  const batches: number[] = [];
  for (let i = 0; i + 5 <= ys.length; i += 5) batches.push(mean(ys.slice(i, i + 5)));
  const n = batches.length;
  if (n < 4) return 0;
  let best = 0;
  let bestValue = Infinity;
  for (let d = 0; d <= Math.floor(n / 2); d++) {
    const rest = batches.slice(d);
    const m = mean(rest);
    let ss = 0;
    for (const y of rest) ss += (y - m) * (y - m);
    const value = ss / (rest.length * rest.length);
    if (value < bestValue - 1e-12) {
      bestValue = value;
      best = d;
    }
  }
  return best * 5;
}

/** The weeks wholly inside the measured window, as [first, end) week indices. */
export function measuredWeeks(warmupDays: number, totalDays: number): [number, number] {
  const first = Math.max(0, Math.ceil((warmupDays * HOURS_PER_DAY) / HOURS_PER_WEEK - 1e-9));
  const end = Math.floor((totalDays * HOURS_PER_DAY) / HOURS_PER_WEEK + 1e-9);
  return [first, Math.max(first, end)];
}

const WEEKS_PER_MONTH = HOURS_PER_MONTH / HOURS_PER_WEEK;

/**
 * Change per month from weeks a year apart: mean over pairs (w, w + 52) of the difference, per
 * twelve months (52 weeks). Null when fewer than YEAR_ON_YEAR_MIN_PAIRS pairs fit in [from, end).
 */
export function yearOnYearChangePerMonth(ys: readonly number[], from: number, end: number): number | null {
  const pairs = end - WEEKS_PER_YEAR_PAIR - from;
  if (pairs < YEAR_ON_YEAR_MIN_PAIRS) return null;
  let sum = 0;
  for (let w = from; w < from + pairs; w++) sum += ys[w + WEEKS_PER_YEAR_PAIR]! - ys[w]!;
  return sum / pairs / (WEEKS_PER_YEAR_PAIR / WEEKS_PER_MONTH);
}

/**
 * Steadiness of every weekly series, from the replications' series. `settledFromDays` is the
 * first day whose weeks may enter a year-on-year pair: WARM_START_SETTLED_DAYS for a warm-started
 * run (its warm-up is already near steady state), the warm-up's end for a run started empty.
 */
export function assessSteadiness(
  seriesByRep: readonly Record<SeriesName, readonly number[]>[],
  units: Record<SeriesName, MetricUnit>,
  warmupDays: number,
  totalDays: number,
  settledFromDays: number = warmupDays,
): Steadiness {
  const [first, end] = measuredWeeks(warmupDays, totalDays);
  const weeksMeasured = end - first;
  const [pairFrom] = measuredWeeks(Math.min(settledFromDays, warmupDays), totalDays);
  const out = {} as Steadiness;
  for (const name of SERIES_NAMES) {
    const perRep = seriesByRep.map((r) => r[name].slice(first, end));
    const yearOnYear = seriesByRep.map((r) => yearOnYearChangePerMonth(r[name], pairFrom, end));
    const method = yearOnYear.every((x) => x !== null) && seriesByRep.length > 0 ? 'yearOnYear' : 'line';
    const slopes = method === 'yearOnYear' ? (yearOnYear as number[]) : perRep.map((ys) => slope(ys) * WEEKS_PER_MONTH);
    const slopeEstimate = estimate(slopes);
    const level = mean(perRep.flat());
    const change = Math.abs(slopeEstimate.mean) * (weeksMeasured / WEEKS_PER_MONTH);
    const significant = seriesByRep.length >= 2 ? slopeEstimate.ci95[0] > 0 || slopeEstimate.ci95[1] < 0 : false;
    const material = change >= Math.max(TREND_MATERIAL * Math.abs(level), TREND_FLOOR[units[name]]);
    const trend = significant && material && weeksMeasured >= 8 ? (slopeEstimate.mean > 0 ? 'rising' : 'falling') : 'steady';
    const weeks = seriesByRep[0]?.[name].length ?? 0;
    const meanSeries = Array.from({ length: Math.min(weeks, end) }, (_, w) => mean(seriesByRep.map((r) => r[name][w] ?? 0)));
    const cut = mser5(meanSeries);
    const settlesAfterDays = (cut * HOURS_PER_WEEK) / HOURS_PER_DAY;
    // MSER-5 on a flat noisy series may still cut a few batches; a warm-up is called too short
    // only when the measured weeks before the cut differ materially from those after it.
    const before = meanSeries.slice(first, Math.max(first, cut));
    const after = meanSeries.slice(Math.max(first, cut));
    const gap = before.length && after.length ? Math.abs(mean(before) - mean(after)) : 0;
    const lateAndMaterial = settlesAfterDays > warmupDays + 35 && gap >= Math.max(TREND_MATERIAL * Math.abs(level), TREND_FLOOR[units[name]]);
    out[name] = {
      slopePerMonth: slopeEstimate,
      method,
      level,
      trend,
      settlesAfterDays,
      warmupAdequate: !lateAndMaterial,
    };
  }
  return out;
}
