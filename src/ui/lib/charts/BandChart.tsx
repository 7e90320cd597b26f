import { format } from 'd3-format';
import type { MetricUnit } from '../../../sim/metricDefinitions.ts';
import { bandChart, type BandSeries } from './geometry.ts';
import { seriesStyle } from './palette.ts';

const FONT = 'Arial, sans-serif';
const TEXT = '#0b0c0c';
const GRID = '#d8d9da';
const AXIS = '#505a5f';

/** Tick labels for a unit: shares as whole or one-decimal percentages, others with separators. */
export function tickFormat(unit: MetricUnit): (v: number) => string {
  if (unit === 'share') return format('.0~%');
  return (v) => format(',~g')(v).replace('-', '−');
}

/** Places legend items left to right, wrapping to a new row when one would not fit. */
function legendLayout(series: readonly BandSeries[], left: number, width: number) {
  const items: { key: string; label: string; full: string; x: number; y: number; style: ReturnType<typeof seriesStyle> }[] = [];
  let x = left;
  let y = 12;
  const maxChars = Math.max(12, Math.floor((width - left - 60) / 6.5));
  for (const [i, s] of series.entries()) {
    const label = s.label.length > maxChars ? `${s.label.slice(0, maxChars - 1)}…` : s.label;
    const w = 48 + label.length * 6.5;
    if (x + w > width - 10 && x > left) {
      x = left;
      y += 20;
    }
    items.push({ key: s.key, label, full: s.label, x, y, style: seriesStyle(i) });
    x += w;
  }
  return items;
}

interface Props {
  series: readonly BandSeries[];
  width: number;
  height?: number;
  unit: MetricUnit;
  xLabel: string;
  yLabel: string;
  /** Shade the x axis up to this value and say why (e.g. the warm-up). */
  shadeTo?: number;
  shadeLabel?: string;
  labelIds: { title: string; desc: string };
  /** Draw markers at each point (for sweeps, where points are few). */
  markers?: boolean;
  /** Unit of the x values, for tick labels (default: plain numbers). */
  xUnit?: MetricUnit;
  /** A value of x to mark with a dashed vertical line and a label (e.g. today's value in a sweep); not drawn outside the x range. */
  reference?: { x: number; label: string };
  /**
   * Dated events to mark (a scenario's timeline changes): each a solid vertical line with its
   * number in a box at the top, the number keyed to the chart's description, which says each in
   * words (text, not colour alone). Events outside the x range are not drawn.
   */
  events?: readonly { x: number; label: string }[];
}

/** Where x = `value` falls across the plot, or null outside the points' x range. */
function referencePosition(series: readonly BandSeries[], value: number, left: number, right: number): number | null {
  const xs = series.flatMap((s) => s.points.map((p) => p.x));
  const lo = Math.min(...xs);
  const hi = Math.max(...xs);
  if (!(hi > lo) || value < lo || value > hi) return null;
  return left + ((value - lo) / (hi - lo)) * (right - left);
}

/**
 * Lines with 95% bands for one or more series, drawn from `bandChart` geometry. Everything is a
 * presentation attribute (no CSS), so the SVG can be saved as a file as it is.
 */
export function BandChart({
  series,
  width,
  height = 260,
  unit,
  xLabel,
  yLabel,
  shadeTo,
  shadeLabel,
  labelIds,
  markers = false,
  xUnit = 'count',
  reference,
  events = [],
}: Props) {
  const legend = legendLayout(series.length > 1 ? series : [], 64, width);
  const legendRows = legend.length ? Math.round(((legend[legend.length - 1]?.y ?? 12) - 12) / 20) + 1 : 0;
  const margin = { top: 14 + legendRows * 20, right: 20, bottom: 46, left: 64 };
  const g = bandChart(series, {
    width,
    height: height + legendRows * 20,
    margin,
    nonNegative: true,
    ...(shadeTo !== undefined ? { shadeTo } : {}),
    ...(unit === 'share' ? { yMaxLimit: 1 } : {}),
  });
  const fmt = tickFormat(unit);
  const xFmt = tickFormat(xUnit);
  const plotBottom = g.height - margin.bottom;
  const refX = reference ? referencePosition(series, reference.x, margin.left, width - margin.right) : null;
  return (
    // An SVG chart is an image with a text alternative (its title, description and data table).
    <svg
      className="chart-svg"
      width={width}
      height={g.height}
      viewBox={`0 0 ${width} ${g.height}`}
      // oxlint-disable-next-line jsx-a11y/prefer-tag-over-role
      role="img"
      aria-labelledby={labelIds.title}
      aria-describedby={labelIds.desc}
    >
      {g.shade && (
        <g>
          <rect x={g.shade.x0} y={margin.top} width={Math.max(0, g.shade.x1 - g.shade.x0)} height={plotBottom - margin.top} fill="#eeefef" />
          {shadeLabel && g.shade.x1 - g.shade.x0 > 40 && (
            <text x={g.shade.x0 + 4} y={margin.top + 14} fontFamily={FONT} fontSize={11} fill={AXIS}>
              {shadeLabel}
            </text>
          )}
        </g>
      )}
      {g.yTicks.map((t) => (
        <g key={`y${t.value}`}>
          <line x1={margin.left} x2={width - margin.right} y1={t.pos} y2={t.pos} stroke={GRID} strokeWidth={1} />
          <text x={margin.left - 8} y={t.pos} dy="0.32em" textAnchor="end" fontFamily={FONT} fontSize={12} fill={TEXT}>
            {fmt(t.value)}
          </text>
        </g>
      ))}
      {g.xTicks.map((t) => (
        <g key={`x${t.value}`}>
          <line x1={t.pos} x2={t.pos} y1={plotBottom} y2={plotBottom + 5} stroke={AXIS} strokeWidth={1} />
          <text x={t.pos} y={plotBottom + 18} textAnchor="middle" fontFamily={FONT} fontSize={12} fill={TEXT}>
            {xFmt(t.value)}
          </text>
        </g>
      ))}
      <line x1={margin.left} x2={width - margin.right} y1={plotBottom} y2={plotBottom} stroke={AXIS} strokeWidth={1} />
      <text x={(margin.left + width - margin.right) / 2} y={g.height - 6} textAnchor="middle" fontFamily={FONT} fontSize={12} fill={TEXT}>
        {xLabel}
      </text>
      <text transform={`translate(14 ${(margin.top + plotBottom) / 2}) rotate(-90)`} textAnchor="middle" fontFamily={FONT} fontSize={12} fill={TEXT}>
        {yLabel}
      </text>
      {refX !== null && reference && (
        <g data-reference={reference.x}>
          <line x1={refX} x2={refX} y1={margin.top} y2={plotBottom} stroke={TEXT} strokeWidth={1.5} strokeDasharray="5 4" />
          <text
            x={refX + (refX > width / 2 ? -4 : 4)}
            y={margin.top + 12}
            textAnchor={refX > width / 2 ? 'end' : 'start'}
            fontFamily={FONT}
            fontSize={12}
            fill={TEXT}
          >
            {reference.label}
          </text>
        </g>
      )}
      {events.map((e, i) => {
        const x = referencePosition(series, e.x, margin.left, width - margin.right);
        if (x === null) return null;
        return (
          <g key={`event-${i}`} data-event={i + 1}>
            <title>{`${i + 1}: ${e.label}`}</title>
            <line x1={x} x2={x} y1={margin.top + 18} y2={plotBottom} stroke={TEXT} strokeWidth={1.5} />
            <rect x={x - 9} y={margin.top} width={18} height={18} fill="#ffffff" stroke={TEXT} strokeWidth={1.5} />
            <text x={x} y={margin.top + 9} dy="0.35em" textAnchor="middle" fontFamily={FONT} fontSize={12} fontWeight="bold" fill={TEXT}>
              {i + 1}
            </text>
          </g>
        );
      })}
      {g.series.map((s, i) => (
        <path key={`band-${s.key}`} d={s.band} fill={seriesStyle(i).colour} fillOpacity={0.16} stroke="none" />
      ))}
      {g.series.map((s, i) => (
        <path
          key={`line-${s.key}`}
          d={s.line}
          fill="none"
          stroke={seriesStyle(i).colour}
          strokeWidth={2.5}
          strokeDasharray={seriesStyle(i).dash || undefined}
          strokeLinejoin="round"
        />
      ))}
      {markers &&
        g.series.map((s, i) =>
          s.dots.map((d) => <circle key={`dot-${s.key}-${d.x}`} cx={d.x} cy={d.y} r={4} fill="#ffffff" stroke={seriesStyle(i).colour} strokeWidth={2.5} />),
        )}
      {legend.map((item) => (
        <g key={`legend-${item.key}`}>
          <line
            x1={item.x}
            x2={item.x + 30}
            y1={item.y}
            y2={item.y}
            stroke={item.style.colour}
            strokeWidth={3}
            strokeDasharray={item.style.dash || undefined}
          />
          <text x={item.x + 36} y={item.y} dy="0.32em" fontFamily={FONT} fontSize={12} fill={TEXT}>
            {item.label !== item.full && <title>{item.full}</title>}
            {item.label}
          </text>
        </g>
      ))}
    </svg>
  );
}
