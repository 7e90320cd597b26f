import { csvFormat } from 'd3-dsv';
import { useState } from 'react';
import { metricDefinitionFor, metricNamesFor, TEAM_METRIC_NAMES, type FrameworkNaming, type TeamMetricName } from '../../../sim/metricDefinitions.ts';
import type { BatchResult } from '../../../sim/results.ts';
import { ChartFigure } from '../../lib/charts/ChartFigure.tsx';
import { IntervalChart } from '../../lib/charts/IntervalChart.tsx';
import { formatInterval, formatValue } from '../../lib/format.ts';
import { safeFileName } from '../../lib/download.ts';
import { MetricTerm } from '../../lib/MetricTerm.tsx';

/** Per duty team: one measure (re-referral rate by default) with intervals, highest first, and a full table. */
export function TeamBreakdown({ batch, label, naming }: { batch: BatchResult; label: string; naming?: FrameworkNaming | undefined }) {
  const [metric, setMetric] = useState<TeamMetricName>('reReferralRate');
  // Measures in the scenario's framework's words (no core assessments under Working Together 2013).
  const names = metricNamesFor(TEAM_METRIC_NAMES, naming);
  const defs = Object.fromEntries(names.map((n) => [n, metricDefinitionFor(n, naming)])) as Record<TeamMetricName, ReturnType<typeof metricDefinitionFor>>;
  const def = defs[metric] ?? metricDefinitionFor(metric, naming);
  const teams = [...batch.teams].sort((a, b) => b.metrics[metric].mean - a.metrics[metric].mean);
  const rows = teams.map((t) => ({ key: t.name, label: t.name, mean: t.metrics[metric].mean, lo: t.metrics[metric].ci95[0], hi: t.metrics[metric].ci95[1] }));
  const overall = (batch.metrics as Record<string, { mean: number }>)[metric]?.mean;
  return (
    <section aria-labelledby="teams-heading">
      <h3 id="teams-heading">Duty teams: which duty points drive it</h3>
      <div className="form-group">
        <label className="label" htmlFor="team-metric">
          Measure to compare between teams
        </label>
        <select id="team-metric" className="select" value={metric} onChange={(e) => setMetric(e.target.value as TeamMetricName)}>
          {names.map((n) => (
            <option key={n} value={n}>
              {defs[n].label}
            </option>
          ))}
        </select>
      </div>
      <ChartFigure
        title={`${def.label} by duty team`}
        subject={label}
        fileStem={`${safeFileName(label)}-teams-${metric}`}
        description={
          <>
            {def.definition} Restricted to each team’s children. Dot: mean of {batch.reps} replications; bar: 95% confidence interval; dashed line: all teams.
            Highest first.
          </>
        }
        render={(width, labelIds) => (
          <IntervalChart
            rows={rows}
            width={width}
            unit={def.unit}
            xLabel={def.label}
            labelIds={labelIds}
            {...(overall !== undefined ? { reference: { value: overall, label: 'All teams' } } : {})}
          />
        )}
        table={{
          columns: ['Duty team', 'Mean', '95% confidence interval'],
          numeric: [false, true, true],
          rows: teams.map((t) => [t.name, formatValue(t.metrics[metric].mean, def.unit), formatInterval(t.metrics[metric].ci95, def.unit)]),
        }}
        csv={() =>
          '\uFEFF' +
          csvFormat(
            teams.map((t) => ({
              team: t.name,
              metric,
              mean: t.metrics[metric].mean,
              ci95_low: t.metrics[metric].ci95[0],
              ci95_high: t.metrics[metric].ci95[1],
              seed: batch.seed,
              replications: batch.reps,
            })),
          )
        }
      />
      <details className="subsection">
        <summary>Every team measure, for every team</summary>
        <div className="table-wrap">
          <table>
            <caption className="visually-hidden">Team measures: mean of {batch.reps} replications</caption>
            <thead>
              <tr>
                <th scope="col">Duty team</th>
                {names.map((n) => (
                  <th scope="col" className="num" key={n}>
                    <MetricTerm definition={defs[n].definition}>{defs[n].label}</MetricTerm>
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {batch.teams.map((t) => (
                <tr key={t.name}>
                  <th scope="row">{t.name}</th>
                  {names.map((n) => (
                    <td className="num" key={n}>
                      {formatValue(t.metrics[n].mean, defs[n].unit)}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </section>
  );
}
