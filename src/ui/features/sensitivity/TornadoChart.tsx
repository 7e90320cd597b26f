import { useId, useRef, useState, type KeyboardEvent } from 'react';
import { METRICS, type MetricName } from '../../../sim/metricDefinitions.ts';
import type { MeasureSensitivity, TornadoRow } from '../../../sim/sensitivity.ts';
import { formatDifference, formatInterval, formatValue, unitWords } from '../../lib/format.ts';
import { tickFormat } from '../../lib/charts/BandChart.tsx';
import { SERIES_STYLES } from '../../lib/charts/palette.ts';
import { ROW, tornadoChart } from './tornado.ts';

const FONT = 'Arial, sans-serif';
const TEXT = '#0b0c0c';
const GRID = '#d8d9da';
const AXIS = '#505a5f';
const LOW = SERIES_STYLES[0].colour;
const HIGH = SERIES_STYLES[1].colour;

/** How a parameter is named and its values written (the view knows the scenario's fields). */
export interface RowText {
  label: (path: string) => string;
  value: (path: string, v: number) => string;
}

/** One side of a row in words: "at 3: +2.0 pp (95% interval +1.2 to +2.8)". */
export function sideWords(row: TornadoRow, which: 'low' | 'high', metric: MetricName, text: RowText): string {
  const side = row[which];
  const unit = METRICS[metric].unit;
  const at = `at ${text.value(row.path, side.value)}`;
  if (!side.run) return `${at}: the same as the base (not run)`;
  return `${at}: ${formatDifference(side.effect.mean, unit)} (95% interval ${formatInterval(side.effect.ci95, unit, true)})`;
}

/** A row in one sentence, for its accessible name and the line under the chart. */
export function rowWords(row: TornadoRow, metric: MetricName, text: RowText): string {
  return `${text.label(row.path)} (now ${text.value(row.path, row.base)}): ${sideWords(row, 'low', metric, text)}; ${sideWords(row, 'high', metric, text)}.`;
}

interface Props {
  measure: MeasureSensitivity;
  width: number;
  text: RowText;
  labelIds: { title: string; desc: string };
  /** The measure's name in the scenario's framework's words (metricDefinitionFor); its plain label if absent. */
  measureLabel?: string;
}

/**
 * The tornado: one row per parameter, largest swing first, two bars from the base value (upper:
 * the parameter at its low value, solid blue; lower: at its high value, striped vermilion) with
 * paired 95% intervals as whiskers. The rows are one Tab stop (up and down arrows, Home and End
 * move between them), and the focused or hovered row is written out in full under the chart. Presentation attributes only, so the SVG saves as it is.
 */
export function TornadoChart({ measure, width, text, labelIds, measureLabel }: Props) {
  const id = useId();
  // The focused row wins over the hovered one, so a keyboard user reads the row they are on.
  const [focused, setFocused] = useState<string | null>(null);
  const [hovered, setHovered] = useState<string | null>(null);
  // Roving focus: one Tab stop for the chart (the last row focused, else the first); arrows move.
  const [current, setCurrent] = useState<string | null>(null);
  const listRef = useRef<SVGGElement>(null);
  const active = focused ?? hovered;
  const tabStop = measure.rows.some((r) => r.path === current) ? current : (measure.rows[0]?.path ?? null);
  const onKeyDown = (e: KeyboardEvent<SVGGElement>, i: number) => {
    const next = e.key === 'ArrowDown' ? i + 1 : e.key === 'ArrowUp' ? i - 1 : e.key === 'Home' ? 0 : e.key === 'End' ? measure.rows.length - 1 : null;
    if (next === null) return;
    e.preventDefault();
    const target = measure.rows[Math.max(0, Math.min(measure.rows.length - 1, next))];
    if (target) listRef.current?.querySelector<SVGGElement>(`[data-row="${target.path}"]`)?.focus();
  };
  const unit = METRICS[measure.metric].unit;
  const g = tornadoChart(measure, unit, width);
  const fmt = tickFormat(unit);
  const plotBottom = g.height - g.margin.bottom;
  const stripes = `${id}-stripes`;
  const maxChars = Math.max(16, Math.floor((width - g.margin.left - g.margin.right) / 6.4));
  const activeRow = measure.rows.find((r) => r.path === active) ?? null;
  const valueLabel = (x1: number, lo: number, hi: number, y: number, v: string) => {
    // Beyond the whisker on the bar's side; where that runs off the chart, beyond everything on the other side.
    const right = x1 >= g.baseX;
    const outer = right ? Math.max(x1, hi) + 4 : Math.min(x1, lo) - 4;
    const fits = right ? outer + v.length * 6.5 <= width - 2 : outer - v.length * 6.5 >= 2;
    const x = fits ? outer : right ? Math.min(g.baseX, x1, lo) - 4 : Math.max(g.baseX, x1, hi) + 4;
    const anchor = fits === right ? 'start' : 'end';
    return (
      <text x={x} y={y + ROW.bar / 2} dy="0.32em" textAnchor={anchor} fontFamily={FONT} fontSize={11} fill={TEXT}>
        {v}
      </text>
    );
  };
  return (
    <>
      {/* A group of focusable rows, not an image: each row is announced with its sentence. */}
      <svg
        // oxlint-disable-next-line jsx-a11y/prefer-tag-over-role -- an SVG cannot be a fieldset
        role="group"
        className="chart-svg tornado"
        width={width}
        height={g.height}
        viewBox={`0 0 ${width} ${g.height}`}
        aria-labelledby={labelIds.title}
        aria-describedby={labelIds.desc}
      >
        <defs>
          <pattern id={stripes} width={6} height={6} patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
            <rect width={6} height={6} fill={HIGH} />
            <line x1={0} y1={0} x2={0} y2={6} stroke="#ffffff" strokeWidth={2} />
          </pattern>
        </defs>
        <g aria-hidden="true">
          <rect x={g.margin.left} y={4} width={14} height={10} fill={LOW} />
          <text x={g.margin.left + 19} y={9} dy="0.32em" fontFamily={FONT} fontSize={12} fill={TEXT}>
            low value
          </text>
          <rect x={g.margin.left + 92} y={4} width={14} height={10} fill={`url(#${stripes})`} />
          <text x={g.margin.left + 111} y={9} dy="0.32em" fontFamily={FONT} fontSize={12} fill={TEXT}>
            high value
          </text>
          <line x1={g.margin.left + 190} x2={g.margin.left + 210} y1={9} y2={9} stroke={TEXT} strokeWidth={1.5} />
          <text x={g.margin.left + 214} y={9} dy="0.32em" fontFamily={FONT} fontSize={12} fill={TEXT}>
            95% interval
          </text>
          {g.xTicks.map((t) => (
            <g key={t.value}>
              <line x1={t.pos} x2={t.pos} y1={g.margin.top} y2={plotBottom} stroke={GRID} />
              <text x={t.pos} y={plotBottom + 18} textAnchor="middle" fontFamily={FONT} fontSize={12} fill={TEXT}>
                {fmt(t.value)}
              </text>
            </g>
          ))}
          <line x1={g.margin.left} x2={width - g.margin.right} y1={plotBottom} y2={plotBottom} stroke={AXIS} />
          <text x={(g.margin.left + width - g.margin.right) / 2} y={g.height - 6} textAnchor="middle" fontFamily={FONT} fontSize={12} fill={TEXT}>
            {measureLabel ?? METRICS[measure.metric].label} ({unitWords(unit)})
          </text>
        </g>
        {/* oxlint-disable-next-line jsx-a11y/prefer-tag-over-role -- an SVG has no list element */}
        <g role="list" ref={listRef}>
          {measure.rows.map((r, i) => {
            const row = g.rows[i]!;
            const label = text.label(r.path);
            const shown = label.length > maxChars ? `${label.slice(0, maxChars - 1)}…` : label;
            const on = active === r.path;
            return (
              <g
                key={r.path}
                // oxlint-disable-next-line jsx-a11y/prefer-tag-over-role -- an SVG has no list item element
                role="listitem"
                tabIndex={r.path === tabStop ? 0 : -1}
                aria-label={rowWords(r, measure.metric, text)}
                data-row={r.path}
                onFocus={() => {
                  setFocused(r.path);
                  setCurrent(r.path);
                }}
                onBlur={() => setFocused((a) => (a === r.path ? null : a))}
                onKeyDown={(e) => onKeyDown(e, i)}
                onMouseEnter={() => setHovered(r.path)}
                onMouseLeave={() => setHovered((a) => (a === r.path ? null : a))}
              >
                <rect
                  x={1}
                  y={row.top + 1}
                  width={width - 2}
                  height={g.rowHeight - 4}
                  fill={on ? '#f3f2f1' : '#ffffff'}
                  fillOpacity={on ? 1 : 0}
                  stroke={on ? TEXT : 'none'}
                  strokeWidth={on ? 2 : 0}
                />
                <text
                  x={g.margin.left}
                  y={row.labelY}
                  fontFamily={FONT}
                  fontSize={12}
                  fontWeight={on ? 700 : 400}
                  fill={TEXT}
                  stroke={on ? '#f3f2f1' : '#ffffff'}
                  strokeWidth={3}
                  paintOrder="stroke"
                  strokeLinejoin="round"
                >
                  {shown !== label && <title>{label}</title>}
                  {shown}
                </text>
                {row.low && (
                  <g>
                    <rect
                      x={Math.min(row.low.x0, row.low.x1)}
                      y={row.low.y}
                      width={Math.max(1, Math.abs(row.low.x1 - row.low.x0))}
                      height={ROW.bar}
                      fill={LOW}
                    />
                    <line x1={row.low.lo} x2={row.low.hi} y1={row.low.y + ROW.bar / 2} y2={row.low.y + ROW.bar / 2} stroke={TEXT} strokeWidth={1.5} />
                    <line x1={row.low.lo} x2={row.low.lo} y1={row.low.y + 2} y2={row.low.y + ROW.bar - 2} stroke={TEXT} strokeWidth={1.5} />
                    <line x1={row.low.hi} x2={row.low.hi} y1={row.low.y + 2} y2={row.low.y + ROW.bar - 2} stroke={TEXT} strokeWidth={1.5} />
                    {valueLabel(row.low.x1, row.low.lo, row.low.hi, row.low.y, text.value(r.path, r.low.value))}
                  </g>
                )}
                {row.high && (
                  <g>
                    <rect
                      x={Math.min(row.high.x0, row.high.x1)}
                      y={row.high.y}
                      width={Math.max(1, Math.abs(row.high.x1 - row.high.x0))}
                      height={ROW.bar}
                      fill={`url(#${stripes})`}
                    />
                    <line x1={row.high.lo} x2={row.high.hi} y1={row.high.y + ROW.bar / 2} y2={row.high.y + ROW.bar / 2} stroke={TEXT} strokeWidth={1.5} />
                    <line x1={row.high.lo} x2={row.high.lo} y1={row.high.y + 2} y2={row.high.y + ROW.bar - 2} stroke={TEXT} strokeWidth={1.5} />
                    <line x1={row.high.hi} x2={row.high.hi} y1={row.high.y + 2} y2={row.high.y + ROW.bar - 2} stroke={TEXT} strokeWidth={1.5} />
                    {valueLabel(row.high.x1, row.high.lo, row.high.hi, row.high.y, text.value(r.path, r.high.value))}
                  </g>
                )}
              </g>
            );
          })}
        </g>
        <g aria-hidden="true">
          <line x1={g.baseX} x2={g.baseX} y1={g.margin.top - 4} y2={plotBottom} stroke={TEXT} strokeWidth={1.5} strokeDasharray="5 4" />
          <text
            x={g.baseX + (g.baseX > width / 2 ? -4 : 4)}
            y={g.margin.top - 8}
            textAnchor={g.baseX > width / 2 ? 'end' : 'start'}
            fontFamily={FONT}
            fontSize={12}
            fill={TEXT}
          >
            Base {formatValue(measure.base.mean, unit)}
          </text>
        </g>
      </svg>
      <p className="tornado__detail small" aria-hidden="true">
        {activeRow
          ? rowWords(activeRow, measure.metric, text)
          : 'Point at a row, or Tab to the chart and move with the up and down arrow keys, to read it in full.'}
      </p>
    </>
  );
}
