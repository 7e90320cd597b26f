import { scaleLinear } from 'd3-scale';

/**
 * Geometry of the board's small chart: one row per scenario, its paired difference from the
 * baseline as a point with its 95% interval, and a line at zero (no difference). Pure (d3 scales only).
 */

/** One row: a scenario's difference and its interval. */
export interface DifferenceRow {
  label: string;
  mean: number;
  lo: number;
  hi: number;
}

/** Positions for drawing: the zero line, ticks, and each row's point and interval. */
export interface DifferenceGeometry {
  height: number;
  zeroX: number;
  ticks: { value: number; x: number }[];
  rows: (DifferenceRow & { y: number; x: number; x0: number; x1: number })[];
}

/** Lays out `rows` across `width` px, with `left` px for labels; the domain always includes zero. */
export function differenceChart(
  rows: readonly DifferenceRow[],
  opts: { width: number; left: number; rowHeight?: number; top?: number; bottom?: number },
): DifferenceGeometry {
  const rowHeight = opts.rowHeight ?? 22;
  const top = opts.top ?? 6;
  const bottom = opts.bottom ?? 34;
  const lo = Math.min(0, ...rows.map((r) => r.lo));
  const hi = Math.max(0, ...rows.map((r) => r.hi));
  const pad = (hi - lo || 1) * 0.05;
  const x = scaleLinear()
    .domain([lo - pad, hi + pad])
    .nice(4)
    .range([opts.left, opts.width - 24]);
  return {
    height: top + rowHeight * rows.length + bottom,
    zeroX: x(0),
    ticks: x.ticks(4).map((value) => ({ value, x: x(value) })),
    rows: rows.map((r, i) => ({ ...r, y: top + rowHeight * (i + 0.5), x: x(r.mean), x0: x(r.lo), x1: x(r.hi) })),
  };
}
