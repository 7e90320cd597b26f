import { extent, max, min } from 'd3-array';
import { scaleLinear } from 'd3-scale';
import { area, line } from 'd3-shape';

/**
 * Chart geometry computed by d3 as plain data (scales, ticks, SVG path strings), so it is tested
 * in Node and React only renders it. A chart is one or more series of points with a 95% band.
 */

/** One point: x (simulated day, or a swept parameter value), the mean and its 95% interval. */
export interface BandPoint {
  x: number;
  mean: number;
  lo: number;
  hi: number;
}

/** A named series of points. */
export interface BandSeries {
  key: string;
  label: string;
  points: readonly BandPoint[];
}

/** Plot area margins in pixels. */
export interface Margin {
  top: number;
  right: number;
  bottom: number;
  left: number;
}

export const DEFAULT_MARGIN: Margin = { top: 12, right: 16, bottom: 44, left: 60 };

/** Everything a line-with-band chart draws. */
export interface BandChartGeometry {
  width: number;
  height: number;
  margin: Margin;
  xTicks: { value: number; pos: number }[];
  yTicks: { value: number; pos: number }[];
  series: { key: string; label: string; line: string; band: string; last: { x: number; y: number } | null; dots: { x: number; y: number }[] }[];
  /** Pixel x range of a shaded region (e.g. the warm-up), if any. */
  shade: { x0: number; x1: number } | null;
  /** Pixel y of zero, when zero is inside the y domain. */
  zeroY: number | null;
}

/** Options for `bandChart`. */
export interface BandChartOptions {
  width: number;
  height: number;
  margin?: Margin;
  /** Start the y axis at zero (counts and rates); false lets it follow the data. */
  includeZero?: boolean;
  /** The quantity cannot be negative: interval ends below zero are drawn at zero. */
  nonNegative?: boolean;
  /** Upper limit of the y axis (e.g. 1 for shares). */
  yMaxLimit?: number;
  /** Shade x from the domain start to this value (e.g. the end of the warm-up). */
  shadeTo?: number;
  xTickCount?: number;
  yTickCount?: number;
}

/** Computes scales, ticks and paths for lines with 95% bands; empty input gives empty axes. */
export function bandChart(series: readonly BandSeries[], opts: BandChartOptions): BandChartGeometry {
  const margin = opts.margin ?? DEFAULT_MARGIN;
  const { width, height } = opts;
  const floor = (p: BandPoint): BandPoint => (opts.nonNegative && p.lo < 0 ? { ...p, lo: 0 } : p);
  series = series.map((s) => ({ ...s, points: s.points.map(floor) }));
  const points = series.flatMap((s) => s.points.filter((p) => Number.isFinite(p.mean)));
  const [x0, x1] = extent(points, (p) => p.x) as [number | undefined, number | undefined];
  const xDomain: [number, number] = x0 === undefined || x1 === undefined ? [0, 1] : x0 === x1 ? [x0 - 1, x1 + 1] : [x0, x1];
  let yLo = min(points, (p) => Math.min(p.lo, p.mean)) ?? 0;
  let yHi = max(points, (p) => Math.max(p.hi, p.mean)) ?? 1;
  if (opts.includeZero !== false) {
    yLo = Math.min(0, yLo);
    yHi = Math.max(0, yHi);
  }
  if (opts.yMaxLimit !== undefined) yHi = Math.min(yHi, opts.yMaxLimit);
  if (yHi <= yLo) yHi = yLo + 1;
  const x = scaleLinear()
    .domain(xDomain)
    .range([margin.left, width - margin.right]);
  const y = scaleLinear()
    .domain([yLo, yHi])
    .nice(opts.yTickCount ?? 5)
    .range([height - margin.bottom, margin.top]);
  const clampY = (v: number) => Math.max(y.domain()[0] as number, Math.min(y.domain()[1] as number, v));
  const lineGen = line<BandPoint>()
    .defined((p) => Number.isFinite(p.mean))
    .x((p) => x(p.x))
    .y((p) => y(clampY(p.mean)));
  const areaGen = area<BandPoint>()
    .defined((p) => Number.isFinite(p.lo) && Number.isFinite(p.hi))
    .x((p) => x(p.x))
    .y0((p) => y(clampY(p.lo)))
    .y1((p) => y(clampY(p.hi)));
  const round = (v: number) => Math.round(v * 10) / 10;
  const [d0, d1] = y.domain() as [number, number];
  return {
    width,
    height,
    margin,
    xTicks: x.ticks(opts.xTickCount ?? 6).map((value) => ({ value, pos: round(x(value)) })),
    yTicks: y.ticks(opts.yTickCount ?? 5).map((value) => ({ value, pos: round(y(value)) })),
    series: series.map((s) => {
      const finite = s.points.filter((p) => Number.isFinite(p.mean));
      const lastPoint = finite[finite.length - 1];
      return {
        key: s.key,
        label: s.label,
        line: lineGen(s.points as BandPoint[]) ?? '',
        band: areaGen(s.points as BandPoint[]) ?? '',
        last: lastPoint ? { x: round(x(lastPoint.x)), y: round(y(clampY(lastPoint.mean))) } : null,
        dots: finite.map((p) => ({ x: round(x(p.x)), y: round(y(clampY(p.mean))) })),
      };
    }),
    shade: opts.shadeTo !== undefined && opts.shadeTo > xDomain[0] ? { x0: round(x(xDomain[0])), x1: round(x(Math.min(opts.shadeTo, xDomain[1]))) } : null,
    zeroY: d0 <= 0 && d1 >= 0 ? round(y(0)) : null,
  };
}

/** One row of a point-and-interval chart (e.g. a duty team). */
export interface IntervalRow {
  key: string;
  label: string;
  mean: number;
  lo: number;
  hi: number;
}

/** Geometry of a horizontal point-and-interval chart: one row per item. */
export interface IntervalChartGeometry {
  width: number;
  height: number;
  margin: Margin;
  rowHeight: number;
  xTicks: { value: number; pos: number }[];
  rows: { key: string; label: string; y: number; cx: number; x0: number; x1: number }[];
  /** Pixel x of a reference line (e.g. the overall mean). */
  refX: number | null;
}

/** Lays out rows (in the order given) with a shared x scale starting at zero. */
export function intervalChart(
  rows: readonly IntervalRow[],
  opts: { width: number; rowHeight?: number; margin?: Margin; reference?: number; xMaxLimit?: number },
): IntervalChartGeometry {
  const margin = opts.margin ?? { top: 8, right: 24, bottom: 40, left: 200 };
  const rowHeight = opts.rowHeight ?? 28;
  const height = margin.top + margin.bottom + rowHeight * rows.length;
  let hi = max(rows, (r) => Math.max(r.hi, r.mean)) ?? 1;
  if (opts.reference !== undefined) hi = Math.max(hi, opts.reference);
  if (opts.xMaxLimit !== undefined) hi = Math.min(hi, opts.xMaxLimit);
  if (!(hi > 0)) hi = 1;
  const x = scaleLinear()
    .domain([0, hi])
    .nice()
    .range([margin.left, opts.width - margin.right]);
  const round = (v: number) => Math.round(v * 10) / 10;
  const cx = (v: number) => round(x(Math.max(0, Math.min(x.domain()[1] as number, v))));
  return {
    width: opts.width,
    height,
    margin,
    rowHeight,
    xTicks: x.ticks(5).map((value) => ({ value, pos: round(x(value)) })),
    rows: rows.map((r, i) => ({ key: r.key, label: r.label, y: round(margin.top + rowHeight * (i + 0.5)), cx: cx(r.mean), x0: cx(r.lo), x1: cx(r.hi) })),
    refX: opts.reference !== undefined ? cx(opts.reference) : null,
  };
}
