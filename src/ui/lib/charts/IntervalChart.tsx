import type { MetricUnit } from '../../../sim/metricDefinitions.ts';
import { tickFormat } from './BandChart.tsx';
import { intervalChart, type IntervalRow } from './geometry.ts';

const FONT = 'Arial, sans-serif';
const TEXT = '#0b0c0c';

interface Props {
  rows: readonly IntervalRow[];
  width: number;
  unit: MetricUnit;
  xLabel: string;
  /** A reference value drawn as a dashed line (e.g. the whole county's mean). */
  reference?: { value: number; label: string };
  labelIds: { title: string; desc: string };
}

/** Points with 95% intervals, one row per item (e.g. per duty team), from `intervalChart` geometry. */
export function IntervalChart({ rows, width, unit, xLabel, reference, labelIds }: Props) {
  const longest = Math.max(8, ...rows.map((r) => r.label.length));
  const margin = { top: reference ? 26 : 8, right: 28, bottom: 42, left: Math.min(260, 16 + longest * 6.6) };
  const g = intervalChart(rows, { width, margin, ...(reference ? { reference: reference.value } : {}), ...(unit === 'share' ? { xMaxLimit: 1 } : {}) });
  const fmt = tickFormat(unit);
  const bottom = g.height - margin.bottom;
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
      {g.xTicks.map((t) => (
        <g key={t.value}>
          <line x1={t.pos} x2={t.pos} y1={margin.top} y2={bottom} stroke="#d8d9da" />
          <text x={t.pos} y={bottom + 18} textAnchor="middle" fontFamily={FONT} fontSize={12} fill={TEXT}>
            {fmt(t.value)}
          </text>
        </g>
      ))}
      <line x1={margin.left} x2={width - margin.right} y1={bottom} y2={bottom} stroke="#505a5f" />
      <text x={(margin.left + width - margin.right) / 2} y={g.height - 6} textAnchor="middle" fontFamily={FONT} fontSize={12} fill={TEXT}>
        {xLabel}
      </text>
      {g.refX !== null && reference && (
        <g>
          <line x1={g.refX} x2={g.refX} y1={margin.top - 6} y2={bottom} stroke="#0b0c0c" strokeWidth={1.5} strokeDasharray="5 4" />
          <text x={g.refX} y={margin.top - 10} textAnchor="middle" fontFamily={FONT} fontSize={12} fill={TEXT}>
            {reference.label}
          </text>
        </g>
      )}
      {g.rows.map((r) => (
        <g key={r.key}>
          <text x={margin.left - 10} y={r.y} dy="0.32em" textAnchor="end" fontFamily={FONT} fontSize={12} fill={TEXT}>
            {r.label}
          </text>
          <line x1={r.x0} x2={r.x1} y1={r.y} y2={r.y} stroke="#0072B2" strokeWidth={3} />
          <line x1={r.x0} x2={r.x0} y1={r.y - 6} y2={r.y + 6} stroke="#0072B2" strokeWidth={2} />
          <line x1={r.x1} x2={r.x1} y1={r.y - 6} y2={r.y + 6} stroke="#0072B2" strokeWidth={2} />
          <circle cx={r.cx} cy={r.y} r={5.5} fill="#0072B2" stroke="#ffffff" strokeWidth={1.5} />
        </g>
      ))}
    </svg>
  );
}
