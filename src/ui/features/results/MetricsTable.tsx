import { NATIONAL_BESIDE_METRIC } from '../../../scenario/fit/national.ts';
import { METRIC_NAMES, METRICS, metricDefinitionFor, metricNamesFor, type FrameworkNaming } from '../../../sim/metricDefinitions.ts';
import type { BatchResult } from '../../../sim/results.ts';
import { formatInterval, formatValue } from '../../lib/format.ts';
import { GROUP_TITLES } from '../../lib/labels.ts';
import { MetricTerm } from '../../lib/MetricTerm.tsx';
import { unreliableInBatch } from './SteadinessNotice.tsx';

/** England's figure for measure `n` with its year and any difference of definition, or a dash. */
function englandCell(n: string): string {
  const nat = NATIONAL_BESIDE_METRIC[n];
  if (!nat) return '–';
  return `${formatValue(nat.value, METRICS[n as keyof typeof METRICS].unit)} (${nat.figure.year})${nat.note ? `. ${nat.note}` : ''}`;
}

/** Every metric of a run: mean and 95% interval across replications, grouped, each with its definition. */
export function MetricsTable({ batch, naming }: { batch: BatchResult; naming?: FrameworkNaming | undefined }) {
  const names = metricNamesFor(METRIC_NAMES, naming);
  const def = (n: (typeof names)[number]) => metricDefinitionFor(n, naming);
  const groups = [...new Set(names.map((n) => METRICS[n].group))];
  return (
    <div className="table-wrap">
      <table>
        <caption>
          Every measure: mean of {batch.reps} replications, with its 95% confidence interval, and England’s figure where there is one (for England as a whole,
          in the year shown; sources in shared/research/national-figures.md)
        </caption>
        <thead>
          <tr>
            <th scope="col">Measure</th>
            <th scope="col" className="num">
              Mean
            </th>
            <th scope="col" className="num">
              95% confidence interval
            </th>
            <th scope="col">England</th>
          </tr>
        </thead>
        {groups.map((group) => (
          <tbody key={group}>
            <tr>
              <th scope="rowgroup" colSpan={4} style={{ paddingTop: 16, fontSize: 16 }}>
                {GROUP_TITLES[group]}
              </th>
            </tr>
            {names
              .filter((n) => METRICS[n].group === group)
              .map((n) => (
                <tr key={n} data-metric={n}>
                  <th scope="row" style={{ fontWeight: 400 }}>
                    <MetricTerm definition={def(n).definition}>{def(n).label}</MetricTerm>
                    {unreliableInBatch(batch, METRICS[n].decisionBased) && (
                      <span title="Much of the window’s work is still queued: this ratio reads better than the truth"> ‡</span>
                    )}
                  </th>
                  <td className="num">{formatValue(batch.metrics[n].mean, METRICS[n].unit)}</td>
                  <td className="num">{formatInterval(batch.metrics[n].ci95, METRICS[n].unit)}</td>
                  <td className="small">{englandCell(n)}</td>
                </tr>
              ))}
          </tbody>
        ))}
      </table>
    </div>
  );
}
