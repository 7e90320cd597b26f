import { scaleLinear } from 'd3-scale';
import type { MetricUnit } from '../../../sim/metricDefinitions.ts';
import type { MeasureSensitivity, SideEffect } from '../../../sim/sensitivity.ts';

/**
 * Geometry of a tornado chart, computed by d3 as plain data so it is tested in Node and React only
 * draws it. One row per parameter, in the order given (largest swing first); each row has a
 * label line and two bars from the base value, the upper to the measure with the parameter at
 * its low value, the lower at its high value, each with its paired 95% interval as a whisker.
 */

/** One side's bar: pixel ends of the bar (from the base) and of its whisker; null when not run. */
export interface TornadoBar {
  x0: number;
  x1: number;
  lo: number;
  hi: number;
  y: number;
}

/** One row's geometry. */
export interface TornadoRowGeometry {
  key: string;
  /** Top of the row (its label line sits here), and its height. */
  top: number;
  labelY: number;
  low: TornadoBar | null;
  high: TornadoBar | null;
}

/** Everything the chart draws. */
export interface TornadoGeometry {
  width: number;
  height: number;
  margin: { top: number; right: number; bottom: number; left: number };
  baseX: number;
  xTicks: { value: number; pos: number }[];
  rows: TornadoRowGeometry[];
  /** Height of one row: a label line and two bars. */
  rowHeight: number;
}

/** Pixel sizes of a row. */
export const ROW = { label: 18, bar: 12, gap: 3, after: 12 } as const;

/** The measure's value with the parameter on one side: base + effect (its interval likewise). */
export function sideLevel(base: number, side: SideEffect): { mean: number; lo: number; hi: number } {
  return { mean: base + side.effect.mean, lo: base + side.effect.ci95[0], hi: base + side.effect.ci95[1] };
}

/** Lays out a measure's tornado at `width` pixels; the x axis holds the base, every bar and whisker (shares within 0-100%). */
export function tornadoChart(m: MeasureSensitivity, unit: MetricUnit, width: number): TornadoGeometry {
  const margin = { top: 44, right: 16, bottom: 44, left: 12 };
  const rowHeight = ROW.label + 2 * ROW.bar + ROW.gap + ROW.after;
  const base = m.base.mean;
  const sides = m.rows.flatMap((r) => [r.low, r.high].filter((s) => s.run).map((s) => sideLevel(base, s)));
  let lo = Math.min(base, ...sides.map((s) => Math.min(s.lo, s.mean)));
  let hi = Math.max(base, ...sides.map((s) => Math.max(s.hi, s.mean)));
  lo = Math.max(lo, 0);
  if (unit === 'share') hi = Math.min(hi, 1);
  if (!(hi > lo)) [lo, hi] = [Math.max(0, base - 1), base + 1];
  const x = scaleLinear()
    .domain([lo, hi])
    .nice(6)
    .range([margin.left, width - margin.right]);
  const [d0, d1] = x.domain() as [number, number];
  const px = (v: number) => Math.round(x(Math.max(d0, Math.min(d1, v))) * 10) / 10;
  const bar = (side: SideEffect, y: number): TornadoBar | null => {
    if (!side.run) return null;
    const s = sideLevel(base, side);
    return { x0: px(base), x1: px(s.mean), lo: px(s.lo), hi: px(s.hi), y };
  };
  const rows = m.rows.map((r, i): TornadoRowGeometry => {
    const top = margin.top + i * rowHeight;
    const y = top + ROW.label;
    return { key: r.path, top, labelY: top + ROW.label - 5, low: bar(r.low, y), high: bar(r.high, y + ROW.bar + ROW.gap) };
  });
  return {
    width,
    height: margin.top + rowHeight * m.rows.length + margin.bottom,
    margin,
    baseX: px(base),
    xTicks: x.ticks(width < 500 ? 4 : 6).map((value) => ({ value, pos: px(value) })),
    rows,
    rowHeight,
  };
}
