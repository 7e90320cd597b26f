import { useId, useMemo } from 'react';
import { version as APP_VERSION } from '../../../../package.json';
import { METRICS, metricDefinitionFor, metricNamesFor, sharedNaming } from '../../../sim/metricDefinitions.ts';
import { RESULTS_VERSION } from '../../../sim/results.ts';
import { formatDifference, formatInterval, formatValue } from '../../lib/format.ts';
import { tickFormat } from '../../lib/charts/BandChart.tsx';
import type { ComparisonResult } from '../../lib/comparison.ts';
import { OPTION_LABELS, pathLabel } from '../../lib/labels.ts';
import { showValue } from '../../lib/findings/changes.ts';
import { compareFindings, clause, mechanismSteps, metricDifference, type ComparisonFindings, type Finding } from '../../lib/findings/findings.ts';
import { keyAssumptions } from './assumptions.ts';
import { headlineMetrics } from '../../lib/seriesMeta.ts';
import { chartMetric, compactInterval, scenarioLines, shortLabels } from './boardData.ts';
import { differenceChart } from './differenceChart.ts';
import './board.css';

const letter = (i: number) => String.fromCharCode(65 + i);

/** A clause of a finding, marked with its measure and direction so a test can check it against the results. */
function Clause({ f, scenario }: { f: Finding; scenario: string }) {
  return (
    <span data-finding={f.metric} data-direction={f.direction} data-scenario={scenario}>
      {clause(f)}
    </span>
  );
}

/** One scenario's findings in a sentence or two: the tally, then the mechanism (or the clearest differences). */
function ScenarioFindings({ f, index }: { f: ComparisonFindings; index: number }) {
  const better = f.clear.filter((x) => x.judgement === 'better').length;
  const worse = f.clear.filter((x) => x.judgement === 'worse').length;
  const m = mechanismSteps(f.clear);
  const total = f.clear.length + f.unclear.length;
  if (f.clear.length === 0) {
    return (
      <li data-scenario-findings={f.label} data-index={index}>
        <strong>{f.label}:</strong> no clear difference from {f.baselineLabel} in any of the {total} measures.
      </li>
    );
  }
  const tops = m ? [] : f.clear.slice(0, 2);
  return (
    <li data-scenario-findings={f.label} data-index={index}>
      <strong>{f.label}:</strong> {f.clear.length} of {total} measures differ clearly ({better} better, {worse} worse, {f.clear.length - better - worse}{' '}
      neither).{' '}
      {m && (
        <>
          How, in the model:{' '}
          {m.steps.map((s, i) => (
            <span key={s.metric}>
              {i > 0 && '; then '}
              <Clause f={s} scenario={f.label} />
            </span>
          ))}
          {m.outcome ? (
            <>
              ; so <Clause f={m.outcome} scenario={f.label} />.
            </>
          ) : (
            ', with no clear change in outcomes.'
          )}
        </>
      )}
      {tops.map((x, i) => (
        <span key={x.metric}>
          {i > 0 && '; '}
          <Clause f={x} scenario={f.label} />
          {i === tops.length - 1 && '.'}
        </span>
      ))}
    </li>
  );
}

/** The small chart: each scenario's paired difference from the baseline in one measure, with a line at zero. */
function DifferenceChart({ comparison, metric }: { comparison: ComparisonResult; metric: keyof typeof METRICS }) {
  const id = useId();
  const [base, ...others] = comparison.batches;
  const def = metricDefinitionFor(metric, sharedNaming(comparison.scenarios.map((sc) => sc.assessment)));
  const rows = others.map((o, i) => {
    const d = metricDifference(base!.batch, o.batch, metric);
    return { label: `${letter(i + 1)} ${o.label}`, mean: d.mean, lo: d.ci95?.[0] ?? d.mean, hi: d.ci95?.[1] ?? d.mean };
  });
  const width = 360;
  const left = 130;
  const g = differenceChart(rows, { width, left, rowHeight: 20 });
  const fmt = def.unit === 'share' ? (v: number) => `${(v * 100).toFixed(Math.abs(v) < 0.1 ? 1 : 0).replace('-', '−')} pp` : tickFormat(def.unit);
  const bottom = g.height - 34;
  return (
    <figure className="board__chart">
      <figcaption id={`${id}-t`}>
        <strong>{def.label}</strong>: difference from {base?.label} (paired 95% interval)
      </figcaption>
      <p id={`${id}-d`} className="visually-hidden">
        {rows.map((r) => `${r.label}: ${formatDifference(r.mean, def.unit)} (${formatInterval([r.lo, r.hi], def.unit, true)})`).join('; ')}
      </p>
      <svg
        className="board__svg"
        viewBox={`0 0 ${width} ${g.height}`}
        width={width}
        height={g.height}
        // oxlint-disable-next-line jsx-a11y/prefer-tag-over-role -- an SVG chart is an image with a text alternative
        role="img"
        aria-labelledby={`${id}-t`}
        aria-describedby={`${id}-d`}
      >
        {g.ticks.map((t) => (
          <g key={t.value}>
            <line x1={t.x} x2={t.x} y1={4} y2={bottom} stroke="#d8d9da" />
            <text x={t.x} y={bottom + 14} textAnchor="middle" fontFamily="Arial, sans-serif" fontSize={11} fill="#0b0c0c">
              {fmt(t.value)}
            </text>
          </g>
        ))}
        <line x1={g.zeroX} x2={g.zeroX} y1={2} y2={bottom} stroke="#0b0c0c" strokeWidth={1.5} strokeDasharray="4 3" />
        <text x={(left + width - 12) / 2} y={g.height - 4} textAnchor="middle" fontFamily="Arial, sans-serif" fontSize={11} fill="#0b0c0c">
          Difference (0 = none)
        </text>
        {g.rows.map((r) => (
          <g key={r.label}>
            <text x={left - 8} y={r.y} dy="0.32em" textAnchor="end" fontFamily="Arial, sans-serif" fontSize={11} fill="#0b0c0c">
              {r.label.length > 19 ? `${r.label.slice(0, 18)}…` : r.label}
            </text>
            <line x1={r.x0} x2={r.x1} y1={r.y} y2={r.y} stroke="#0072B2" strokeWidth={3} />
            <circle cx={r.x} cy={r.y} r={4.5} fill="#0072B2" stroke="#ffffff" strokeWidth={1.5} />
          </g>
        ))}
      </svg>
    </figure>
  );
}

/**
 * The one-page board summary of a comparison (A4, print and PDF): title, date, one line per
 * scenario, the findings, a compact table of the headline measures with paired intervals, one small
 * chart, the assumptions that matter most, and the model's version and seed. Every number comes
 * from the comparison's own results.
 */
export function BoardSummary({ comparison: full }: { comparison: ComparisonResult }) {
  // Short labels throughout the page (the full names are in the appendix).
  const comparison = useMemo(() => {
    const short = shortLabels(full.batches.map((x) => x.label));
    return { ...full, batches: full.batches.map((x, i) => ({ ...x, label: short[i] ?? x.label })) };
  }, [full]);
  const [base, ...others] = comparison.batches;
  const findings = useMemo(() => {
    const [first, ...rest] = comparison.batches;
    return first ? rest.map((o, i) => compareFindings({ ...first, scenario: comparison.scenarios[0] }, { ...o, scenario: comparison.scenarios[i + 1] })) : [];
  }, [comparison]);
  if (!base) return null;
  // The measures in the framework's words when every scenario shares one (metricDefinitions.ts).
  const naming = sharedNaming(comparison.scenarios.map((sc) => sc.assessment));
  const metrics = metricNamesFor(headlineMetrics(), naming);
  const chart = chartMetric(findings, metrics);
  const labels = comparison.batches.map((b) => b.label);
  const lines = scenarioLines(
    comparison.scenarios,
    full.batches.map((x) => x.label),
    pathLabel,
    (v) => (typeof v === 'string' ? (OPTION_LABELS[v] ?? v) : showValue(v)),
  );
  const b = base.batch;
  const title = others.length === 1 ? `${others[0]!.label} against ${base.label}` : `${base.label} against ${others.length} alternatives`;
  const date = new Date().toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric' });
  return (
    <article className="board" aria-labelledby="board-title" data-testid="board-summary">
      <p className="board__kicker">Board summary · Front Door simulation · {date}</p>
      <h1 id="board-title" className="board__title">
        {title}: what the model finds
      </h1>
      <h2>Scenarios</h2>
      <ul className="board__scenarios">
        {lines.map((l, i) => (
          <li key={i}>
            <strong>{letter(i)}</strong> {i === 0 ? '(baseline) ' : ''}
            {l}
          </li>
        ))}
      </ul>
      <h2>Findings</h2>
      <ul className="board__findings">
        {findings.map((f, i) => (
          <ScenarioFindings key={f.label} f={f} index={i + 1} />
        ))}
      </ul>
      {/* A region that may scroll sideways on a phone: focusable so keyboard users can scroll it. */}
      {/* oxlint-disable-next-line jsx-a11y/no-noninteractive-tabindex */}
      <section className="table-wrap board__table-wrap" aria-label="Headline measures" tabIndex={0}>
        <table className="board__table" data-testid="board-table">
          <caption>
            Headline measures: mean of each scenario; under it, the difference from {base.label} and its paired 95% interval. Bold: a clear difference (the
            interval excludes zero).
          </caption>
          <thead>
            <tr>
              <th scope="col">Measure</th>
              {labels.map((l, i) => (
                <th scope="col" className="num" key={i}>
                  {letter(i)} {l}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {metrics.map((m) => {
              const def = metricDefinitionFor(m, naming);
              return (
                <tr key={m}>
                  <th scope="row">{def.label}</th>
                  <td className="num">{formatValue(b.metrics[m].mean, def.unit)}</td>
                  {others.map((o, i) => {
                    const d = metricDifference(b, o.batch, m);
                    return (
                      <td className="num" key={o.label} data-metric={m} data-index={i + 1} data-clear={d.excludesZero ? 'yes' : 'no'}>
                        {formatValue(o.batch.metrics[m].mean, def.unit)}{' '}
                        <span className={d.excludesZero ? 'board__diff board__diff--clear' : 'board__diff'}>{formatDifference(d.mean, def.unit)}</span>
                        {d.ci95 && (
                          <>
                            <br />
                            <span className="board__ci">{compactInterval(d.ci95, def.unit)}</span>
                          </>
                        )}
                      </td>
                    );
                  })}
                </tr>
              );
            })}
          </tbody>
        </table>
      </section>
      <div className="board__bottom">
        {others.length > 0 && <DifferenceChart comparison={comparison} metric={chart} />}
        <section aria-labelledby="board-assumptions">
          <h2 id="board-assumptions" className="board__h2">
            Assumptions that matter most
          </h2>
          <ul className="board__assumptions">
            {keyAssumptions(comparison.scenarios[0], base?.batch.metrics.contactsPerMonth.mean ?? null).map((a, i) => (
              <li key={i}>{a}</li>
            ))}
          </ul>
        </section>
      </div>
      <p className="board__footer">
        Front Door {APP_VERSION} (results format {RESULTS_VERSION}) · base seed {b.seed} · {b.reps} replications of {b.days} days ({b.warmupDays} warm-up) for
        each scenario, on the same random numbers · differences paired by replication, 95% intervals (Student t).
      </p>
    </article>
  );
}
