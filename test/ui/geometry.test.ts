import { describe, expect, it } from 'vitest';
import { bandChart, intervalChart, type BandSeries } from '../../src/ui/lib/charts/geometry.ts';
import { contrastRatio, SERIES_STYLES } from '../../src/ui/lib/charts/palette.ts';

const series: BandSeries[] = [
  { key: 'a', label: 'A', points: [0, 7, 14, 21].map((x, i) => ({ x, mean: 10 + i, lo: 8 + i, hi: 12 + i })) },
  { key: 'b', label: 'B', points: [0, 7, 14, 21].map((x, i) => ({ x, mean: 20 - i, lo: 18 - i, hi: 22 - i })) },
];

describe('band chart geometry', () => {
  const g = bandChart(series, { width: 600, height: 300, shadeTo: 7 });

  it('maps the x domain to the plot area and starts y at zero', () => {
    expect(g.xTicks[0]).toEqual({ value: 0, pos: g.margin.left });
    expect(g.xTicks.at(-1)?.pos).toBeLessThanOrEqual(600 - g.margin.right);
    expect(g.yTicks[0]?.value).toBe(0);
    expect(g.zeroY).toBe(300 - g.margin.bottom);
  });

  it('draws one line and one band per series, and ends each line at its last point', () => {
    expect(g.series.map((s) => s.key)).toEqual(['a', 'b']);
    for (const s of g.series) {
      expect(s.line).toMatch(/^M[\d.]+,[\d.]+(L[\d.]+,[\d.]+){3}$/);
      expect(s.band.startsWith('M')).toBe(true);
      expect(s.last?.x).toBe(600 - g.margin.right);
    }
    // series a rises, so its last point is higher on screen (smaller y) than its first
    expect(g.series[0]!.last!.y).toBeLessThan(Number(g.series[0]!.line.slice(1).split(/[,L]/)[1]));
  });

  it('shades the warm-up from the start of the axis to its end day', () => {
    expect(g.shade?.x0).toBe(g.margin.left);
    expect(g.shade!.x1).toBeGreaterThan(g.shade!.x0);
  });

  it('caps shares at 1 and copes with no data', () => {
    const capped = bandChart(
      [
        {
          key: 's',
          label: 'S',
          points: [
            { x: 0, mean: 0.9, lo: 0.7, hi: 1.3 },
            { x: 1, mean: 0.95, lo: 0.8, hi: 1.2 },
          ],
        },
      ],
      { width: 300, height: 200, yMaxLimit: 1 },
    );
    expect(Math.max(...capped.yTicks.map((t) => t.value))).toBe(1);
    const empty = bandChart([], { width: 300, height: 200 });
    expect(empty.series).toEqual([]);
    expect(empty.yTicks.length).toBeGreaterThan(0);
  });

  it('draws interval ends below zero at zero for quantities that cannot be negative', () => {
    const g2 = bandChart(
      [
        {
          key: 'c',
          label: 'C',
          points: [
            { x: 0, mean: 1, lo: -3, hi: 5 },
            { x: 1, mean: 2, lo: -1, hi: 5 },
          ],
        },
      ],
      { width: 300, height: 200, nonNegative: true },
    );
    expect(g2.yTicks[0]?.value).toBe(0);
    const free = bandChart(
      [
        {
          key: 'c',
          label: 'C',
          points: [
            { x: 0, mean: 1, lo: -3, hi: 5 },
            { x: 1, mean: 2, lo: -1, hi: 5 },
          ],
        },
      ],
      { width: 300, height: 200 },
    );
    expect(free.yTicks[0]?.value).toBeLessThan(0);
  });

  it('breaks a line at non-finite values instead of drawing through them', () => {
    const gappy = bandChart(
      [
        {
          key: 'g',
          label: 'G',
          points: [
            { x: 0, mean: 1, lo: 0, hi: 2 },
            { x: 1, mean: NaN, lo: NaN, hi: NaN },
            { x: 2, mean: 1, lo: 0, hi: 2 },
          ],
        },
      ],
      { width: 300, height: 200 },
    );
    expect(gappy.series[0]!.line.match(/M/g)).toHaveLength(2);
  });
});

describe('interval chart geometry', () => {
  it('places one row per item in order, with the interval around the point', () => {
    const g = intervalChart(
      [
        { key: 'n', label: 'North', mean: 0.2, lo: 0.15, hi: 0.25 },
        { key: 's', label: 'South', mean: 0.3, lo: 0.2, hi: 0.4 },
      ],
      { width: 600, reference: 0.25 },
    );
    expect(g.rows.map((r) => r.label)).toEqual(['North', 'South']);
    expect(g.rows[1]!.y).toBeGreaterThan(g.rows[0]!.y);
    for (const r of g.rows) expect(r.x0 <= r.cx && r.cx <= r.x1).toBe(true);
    expect(g.refX).toBeGreaterThan(g.rows[0]!.cx);
    expect(g.refX).toBeLessThan(g.rows[1]!.cx);
  });
});

describe('series palette', () => {
  it('gives every scenario line at least 3:1 contrast on white and its own dash pattern (WCAG 1.4.1, 1.4.11)', () => {
    for (const s of SERIES_STYLES) expect(contrastRatio(s.colour, '#ffffff')).toBeGreaterThanOrEqual(3);
    expect(new Set(SERIES_STYLES.map((s) => s.dash)).size).toBe(SERIES_STYLES.length);
  });
});
