import { memo, useDeferredValue } from 'react';
import { useStagedParts } from '../../lib/useStagedParts.ts';
import type { BatchResult } from '../../../sim/results.ts';
import { SERIES_NAMES, type SeriesName } from '../../../sim/metricDefinitions.ts';
import { downloadText, safeFileName } from '../../lib/download.ts';
import { replicationsCsv, seriesCsv, summaryCsv, teamsCsv } from '../../lib/csv.ts';
import { HeadlineCards } from './HeadlineCards.tsx';
import { MetricsTable } from './MetricsTable.tsx';
import { SeriesChart } from '../../lib/charts/SeriesChart.tsx';
import { SERIES_META, seriesNamesFor, THEMES } from '../../lib/seriesMeta.ts';
import { SteadinessNotice } from './SteadinessNotice.tsx';
import { TeamBreakdown } from './TeamBreakdown.tsx';
import type { Scenario } from '../../../scenario/schema.ts';
import { backlogAnswer, backlogSentence } from '../../../sim/timelineSummary.ts';

/** Downloads of a run's results as CSV files. */
export function ResultDownloads({ label, batch }: { label: string; batch: BatchResult }) {
  const stem = safeFileName(label);
  const batches = [{ label, batch }];
  const csv = (name: string, text: string) => downloadText(`${stem}-${name}.csv`, text, 'text/csv;charset=utf-8');
  return (
    <div className="button-group no-print" aria-label="Download results">
      <button type="button" className="button button--secondary button--small" onClick={() => csv('summary', summaryCsv(batches))}>
        Download summary (CSV)
      </button>
      <button type="button" className="button button--secondary button--small" onClick={() => csv('replications', replicationsCsv(batches))}>
        Every replication (CSV)
      </button>
      <button type="button" className="button button--secondary button--small" onClick={() => csv('weekly', seriesCsv(batches))}>
        Weekly series (CSV)
      </button>
      <button type="button" className="button button--secondary button--small" onClick={() => csv('teams', teamsCsv(batches))}>
        Duty teams (CSV)
      </button>
    </div>
  );
}

/** The seed each replication used, so any one can be run again on its own (e.g. with the CLI). */
export function SeedList({ batch }: { batch: BatchResult }) {
  return (
    <details className="subsection">
      <summary>
        Seeds of the {batch.reps} replications (base seed {batch.seed})
      </summary>
      <div className="table-wrap">
        <table style={{ width: 'auto' }}>
          <caption className="visually-hidden">Replication seeds</caption>
          <thead>
            <tr>
              <th scope="col">Replication</th>
              <th scope="col" className="num">
                Seed
              </th>
              <th scope="col" className="num">
                Events simulated
              </th>
            </tr>
          </thead>
          <tbody>
            {batch.replications.map((r) => (
              <tr key={r.rep}>
                <th scope="row">{r.rep + 1}</th>
                <td className="num">{r.seed}</td>
                <td className="num">{r.events.toLocaleString('en-GB')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </details>
  );
}

/**
 * A single scenario's results: the three themes (cards and charts), the teams, every measure.
 * New results are drawn as a deferred (interruptible) render, so the page stays responsive.
 */
function ResultsViewView({ label, batch, scenario }: { label: string; batch: BatchResult; scenario?: Scenario | undefined }) {
  const deferred = useDeferredValue(batch, null);
  if (!deferred) return <p className="secondary-text">Drawing the results…</p>;
  return <ResultsBody label={label} batch={deferred} scenario={scenario} />;
}

const ThemePart = memo(function ThemePart({
  theme,
  label,
  batch,
  scenario,
}: {
  theme: (typeof THEMES)[number];
  label: string;
  batch: BatchResult;
  scenario?: Scenario | undefined;
}) {
  return (
    <section aria-labelledby={`theme-${theme.id}`} data-theme={theme.id}>
      <h3 id={`theme-${theme.id}`} className="theme-heading" style={{ fontSize: 24 }}>
        {theme.title}
      </h3>
      <p className="secondary-text">{theme.intro}</p>
      <HeadlineCards batch={batch} metrics={theme.headline} naming={scenario?.assessment} />
      <div className="chart-grid">
        {seriesNamesFor(SERIES_NAMES, scenario?.assessment)
          .filter((n) => SERIES_META[n].theme === theme.id && seriesApplies(n, scenario))
          .map((n) => (
            <SeriesChart key={n} batches={[{ label, batch, ...(scenario ? { scenario } : {}) }]} name={n} />
          ))}
      </div>
    </section>
  );
});

/** Cases held awaiting transfer exist only where long-term teams' capacity is modelled: elsewhere the chart would be a line at 0. */
function seriesApplies(name: SeriesName, scenario: Scenario | undefined): boolean {
  return name !== 'awaitingTransfer' || scenario?.services.longTermCapacity === 'caseloadCaps';
}

const TeamsPart = memo(TeamBreakdown);

const MeasuresPart = memo(function MeasuresPart({ batch, scenario }: { batch: BatchResult; scenario?: Scenario | undefined }) {
  return (
    <>
      <h3 className="theme-heading">Every measure</h3>
      <MetricsTable batch={batch} naming={scenario?.assessment} />
      <SeedList batch={batch} />
    </>
  );
});

/** Parts after the header: the three themes, the teams, every measure. */
const PARTS = THEMES.length + 2;

const ResultsBody = memo(function ResultsBody({ label, batch, scenario }: { label: string; batch: BatchResult; scenario?: Scenario | undefined }) {
  // Each part is drawn in its own update, so new results never block the page in one go.
  const staged = useStagedParts(batch, PARTS);
  const answer = scenario ? backlogAnswer(scenario, batch) : null;
  // Until every part shows this batch, some still show the one before (for a moment, longer on a
  // busy machine): the region says it is being updated.
  const updating = staged.some((b) => b !== batch);
  return (
    <section aria-labelledby="results-heading" data-testid="results" aria-busy={updating}>
      <h2 id="results-heading">Results</h2>
      <p>
        Mean of {batch.reps} replications, each {batch.days} days measured after {batch.warmupDays} days of warm-up, starting from a county already working (the
        stocks of a long run of the same scenario). Ranges are 95% confidence intervals across replications, cut to the values a measure can take. Base seed{' '}
        {batch.seed}.
      </p>
      {answer && (
        <p className="notice notice--info" data-testid="backlog-answer">
          {backlogSentence(answer)}
        </p>
      )}
      <SteadinessNotice batch={batch} />
      <ResultDownloads label={label} batch={batch} />
      {THEMES.map((theme, i) => {
        const b = staged[i];
        return b ? <ThemePart key={theme.id} theme={theme} label={label} batch={b} scenario={scenario} /> : null;
      })}
      {staged[THEMES.length] && <TeamsPart batch={staged[THEMES.length] as BatchResult} label={label} naming={scenario?.assessment} />}
      {staged[THEMES.length + 1] && <MeasuresPart batch={staged[THEMES.length + 1] as BatchResult} scenario={scenario} />}
    </section>
  );
});

/** Redrawn only when its props change (not on every run progress or keystroke elsewhere). */
export const ResultsView = memo(ResultsViewView);
