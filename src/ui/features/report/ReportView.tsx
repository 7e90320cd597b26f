import { useMemo, useState } from 'react';
import { offeredLoad } from '../../../sim/flow/capacity.ts';
import { INTERVAL_METHOD, METRIC_NAMES, metricDefinitionFor, metricNamesFor, sharedNaming } from '../../../sim/metricDefinitions.ts';
import { steadinessMessages } from '../../../sim/steadinessMessages.ts';
import { formatNumber } from '../../lib/format.ts';
import { BoardSummary } from './BoardSummary.tsx';
import { EnglandTable } from './EnglandTable.tsx';
import { ComparisonTable } from '../../lib/ComparisonTable.tsx';
import { COMPARE_SERIES, type ComparisonResult } from '../../lib/comparison.ts';
import { scenarioDiff } from '../../lib/scenarioDiff.ts';
import { OPTION_LABELS, pathLabel } from '../../lib/labels.ts';
import { SeriesChart } from '../../lib/charts/SeriesChart.tsx';
import { THEMES } from '../../lib/seriesMeta.ts';

const show = (v: unknown) =>
  typeof v === 'number'
    ? Number.isInteger(v)
      ? v.toLocaleString('en-GB')
      : formatNumber(v)
    : typeof v === 'boolean'
      ? v
        ? 'yes'
        : 'no'
      : (OPTION_LABELS[String(v)] ?? String(v));

/**
 * A print-friendly report of the last comparison, for a meeting: first the one-page board summary,
 * then, as an appendix, what was compared and how it was run, the headline measures with paired
 * differences, charts, every measure, and definitions. Printing (or saving as PDF) uses the
 * browser's own dialog; print styles hide the rest of the app, and the appendix unless asked for.
 */
export function ReportView({
  comparison,
  onGoToCompare,
  running = false,
}: {
  comparison: ComparisonResult | null;
  onGoToCompare: () => void;
  running?: boolean;
}) {
  const [scope, setScope] = useState<'summary' | 'all'>('summary');
  // The capacity check walks each scenario's machine: once per comparison, not on every render.
  const overloads = useMemo(() => comparison?.scenarios.map((s) => offeredLoad(s).filter((x) => x.status === 'over')) ?? [], [comparison]);
  if (!comparison) {
    return (
      <div className="report">
        <h1>Report</h1>
        {running ? (
          <output className="empty-state" data-report-status="running">
            Running the comparison for the summary…
          </output>
        ) : (
          <div className="empty-state">
            Not run yet: there is no comparison to report. Run one on Compare, or, on Explore, ask for a board summary of your scenario against its preset.
          </div>
        )}
        <button type="button" className="button" onClick={onGoToCompare}>
          Go to Compare
        </button>
      </div>
    );
  }
  const print = (next: 'summary' | 'all') => {
    setScope(next);
    // Print after React has applied the scope (the appendix shows or hides in print).
    requestAnimationFrame(() => requestAnimationFrame(() => window.print()));
  };
  const [base] = comparison.batches;
  const first = base?.batch;
  const naming = sharedNaming(comparison.scenarios.map((s) => s.assessment));
  const headline = metricNamesFor(
    THEMES.flatMap((t) => t.headline),
    naming,
  );
  return (
    <div className="report" data-print-scope={scope}>
      <div className="no-print button-group">
        <button type="button" className="button" onClick={() => print('summary')}>
          Print the one-page summary (or save as PDF)
        </button>
        <button type="button" className="button button--secondary" onClick={() => print('all')}>
          Print the summary and the full report
        </button>
      </div>
      {running && (
        <output className="notice notice--info status-line no-print" data-report-status="running">
          A new comparison is running; this summary is of the last one.
        </output>
      )}
      <div className={scope === 'all' ? 'board--then-appendix' : undefined}>
        <BoardSummary comparison={comparison} />
      </div>
      <article className={scope === 'all' ? 'report-appendix' : 'report-appendix no-print'} aria-labelledby="report-title">
        <p className="secondary-text">
          Appendix: the full report · {new Date().toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric' })}
        </p>
        <h2 id="report-title">Appendix: {comparison.batches.map((b) => b.label).join(' and ')}</h2>
        <h3>What was compared</h3>
        {comparison.scenarios.map((s, i) => {
          const label = comparison.batches[i]?.label ?? s.name;
          const diffs =
            i === 0
              ? []
              : scenarioDiff(comparison.scenarios[0], s).filter((d) => !['id', 'name', 'description', 'sources'].includes(d.path.split('.')[0] ?? ''));
          const warnings = overloads[i] ?? [];
          return (
            <section key={i} className="inset">
              <h4>
                {i === 0 ? 'Baseline: ' : ''}
                {label}
              </h4>
              {s.description && <p>{s.description}</p>}
              {i > 0 && diffs.length === 0 && <p>Same settings as the baseline.</p>}
              {diffs.length > 0 && (
                <>
                  <p>
                    Differs from the baseline in {diffs.length} {diffs.length === 1 ? 'setting' : 'settings'}:
                  </p>
                  <ul className="small">
                    {diffs.slice(0, 25).map((d) => (
                      <li key={d.path}>
                        {pathLabel(d.path)}: {show(d.before)} → {show(d.after)}
                      </li>
                    ))}
                    {diffs.length > 25 && <li>…and {diffs.length - 25} more.</li>}
                  </ul>
                </>
              )}
              {comparison.batches[i] &&
                steadinessMessages(comparison.batches[i].batch.steadiness, comparison.batches[i].batch.warmupDays).map((line) => (
                  <p key={line}>
                    <strong>In the simulation:</strong> {line}
                  </p>
                ))}
              {warnings.length > 0 && (
                <p>
                  <strong>Unsustainable before any run:</strong>{' '}
                  {warnings.map((w) => `${w.label} (ρ = ${Number.isFinite(w.rho) ? w.rho.toFixed(2) : '∞'})`).join('; ')}.
                </p>
              )}
            </section>
          );
        })}
        <h3>How it was run</h3>
        {first && (
          <dl className="summary-list">
            <dt>Replications</dt>
            <dd>{first.reps} for each scenario</dd>
            <dt>Length</dt>
            <dd>
              {first.days} days measured in each run, after {first.warmupDays} days of warm-up that are not counted; every run starts from a county already
              working (the stocks of a long run of the same scenario), so the figures are steady-state ones
            </dd>
            <dt>Random numbers</dt>
            <dd>The same for every scenario (common random numbers): base seed {first.seed}</dd>
            <dt>Differences</dt>
            <dd>Paired by replication; “clear” means the 95% confidence interval of the difference excludes zero</dd>
            <dt>Intervals</dt>
            <dd>{INTERVAL_METHOD}</dd>
          </dl>
        )}
        <h3>Headline measures</h3>
        <ComparisonTable
          batches={comparison.batches}
          metrics={headline}
          caption="Headline measures, and the difference from the baseline (paired 95% confidence interval)"
        />
        <h3>Beside England</h3>
        <EnglandTable batches={comparison.batches} />
        <h3>Over simulated time</h3>
        <div className="chart-grid">
          {COMPARE_SERIES.map((n) => (
            <SeriesChart key={n} batches={comparison.batches} name={n} height={220} headingLevel={3} />
          ))}
        </div>
        <h3>Every measure</h3>
        <ComparisonTable batches={comparison.batches} />
        <h3>Definitions</h3>
        <dl className="summary-list small">
          {metricNamesFor(METRIC_NAMES, naming).map((n) => {
            const def = metricDefinitionFor(n, naming);
            return [<dt key={`t${n}`}>{def.label}</dt>, <dd key={`d${n}`}>{def.definition}</dd>];
          })}
        </dl>
        <p className="small secondary-text">
          Produced by Front Door, a simulation for exploring designs of the front door. Its numbers come from a model and its assumptions, not from case
          records; treat differences as evidence about the model, to be weighed with practice knowledge.
        </p>
      </article>
    </div>
  );
}
