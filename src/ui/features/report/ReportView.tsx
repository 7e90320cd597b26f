import { offeredLoad } from '../../../scenario/capacity.ts';
import { METRIC_NAMES, METRICS } from '../../../sim/metricDefinitions.ts';
import { formatNumber } from '../../lib/format.ts';
import { ComparisonTable } from '../compare/ComparisonTable.tsx';
import { COMPARE_SERIES, type ComparisonResult } from '../compare/CompareView.tsx';
import { scenarioDiff } from '../compare/scenarioDiff.ts';
import { pathLabel } from '../controls/ScenarioEditor.tsx';
import { OPTION_LABELS } from '../controls/ScenarioField.tsx';
import { SeriesChart } from '../results/SeriesChart.tsx';
import { THEMES } from '../results/seriesMeta.ts';

const show = (v: unknown) => (typeof v === 'number' ? (Number.isInteger(v) ? v.toLocaleString('en-GB') : formatNumber(v)) : typeof v === 'boolean' ? (v ? 'yes' : 'no') : (OPTION_LABELS[String(v)] ?? String(v)));

/**
 * A print-friendly report of the last comparison, for a meeting: what was compared and how it
 * was run, the headline measures with paired differences, charts, every measure, and definitions.
 * Printing (or saving as PDF) uses the browser's own dialog; print styles hide the rest of the app.
 */
export function ReportView({ comparison, onGoToCompare }: { comparison: ComparisonResult | null; onGoToCompare: () => void }) {
  if (!comparison) {
    return (
      <div className="report">
        <h1>Report</h1>
        <div className="empty-state">Not run yet: there is no comparison to report.</div>
        <button type="button" className="button" onClick={onGoToCompare}>
          Go to Compare
        </button>
      </div>
    );
  }
  const [base] = comparison.batches;
  const first = base?.batch;
  const headline = THEMES.flatMap((t) => t.headline);
  return (
    <article className="report" aria-labelledby="report-title">
      <div className="no-print button-group">
        <button type="button" className="button" onClick={() => window.print()}>
          Print or save as PDF
        </button>
      </div>
      <p className="secondary-text">Front Door simulation report · {new Date().toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric' })}</p>
      <h1 id="report-title">Comparison: {comparison.batches.map((b) => b.label).join(' and ')}</h1>
      <h2>What was compared</h2>
      {comparison.scenarios.map((s, i) => {
        const label = comparison.batches[i]?.label ?? s.name;
        const diffs = i === 0 ? [] : scenarioDiff(comparison.scenarios[0], s).filter((d) => !['id', 'name', 'description', 'sources'].includes(d.path.split('.')[0] ?? ''));
        const warnings = offeredLoad(s).filter((x) => x.status === 'over');
        return (
          <section key={i} className="inset">
            <h3>
              {i === 0 ? 'Baseline: ' : ''}
              {label}
            </h3>
            {s.description && <p>{s.description}</p>}
            {i > 0 && diffs.length === 0 && <p>Same settings as the baseline.</p>}
            {diffs.length > 0 && (
              <>
                <p>Differs from the baseline in {diffs.length} {diffs.length === 1 ? 'setting' : 'settings'}:</p>
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
            {warnings.length > 0 && (
              <p>
                <strong>Unsustainable before any run:</strong> {warnings.map((w) => `${w.label} (ρ = ${Number.isFinite(w.rho) ? w.rho.toFixed(2) : '∞'})`).join('; ')}.
              </p>
            )}
          </section>
        );
      })}
      <h2>How it was run</h2>
      {first && (
        <dl className="summary-list">
          <dt>Replications</dt>
          <dd>{first.reps} for each scenario</dd>
          <dt>Length</dt>
          <dd>
            {first.days} simulated days, of which the first {first.warmupDays} are a warm-up and not counted
          </dd>
          <dt>Random numbers</dt>
          <dd>The same for every scenario (common random numbers): base seed {first.seed}</dd>
          <dt>Differences</dt>
          <dd>Paired by replication; “clear” means the 95% confidence interval of the difference excludes zero</dd>
        </dl>
      )}
      <h2>Headline measures</h2>
      <ComparisonTable batches={comparison.batches} metrics={headline} caption="Headline measures, and the difference from the baseline (paired 95% confidence interval)" />
      <h2>Over simulated time</h2>
      <div className="chart-grid">
        {COMPARE_SERIES.map((n) => (
          <SeriesChart key={n} batches={comparison.batches} name={n} height={220} headingLevel={3} />
        ))}
      </div>
      <h2>Every measure</h2>
      <ComparisonTable batches={comparison.batches} />
      <h2>Definitions</h2>
      <dl className="summary-list small">
        {METRIC_NAMES.map((n) => [<dt key={`t${n}`}>{METRICS[n].label}</dt>, <dd key={`d${n}`}>{METRICS[n].definition}</dd>])}
      </dl>
      <p className="small secondary-text">
        Produced by Front Door, a simulation for exploring designs of the front door. Its numbers come from a model and its assumptions, not from case records; treat differences as evidence about the model, to be weighed with practice knowledge.
      </p>
    </article>
  );
}
