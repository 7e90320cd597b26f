import { NATIONAL_BESIDE_METRIC } from '../../../scenario/fit/national.ts';
import { METRICS, metricDefinitionFor, metricNamesFor, sharedNaming, type MetricName } from '../../../sim/metricDefinitions.ts';
import { formatValue } from '../../lib/format.ts';
import type { LabelledBatch } from '../../lib/csv.ts';

/** Where each scenario sits beside England (issue 15, item 4): every measure with a national counterpart, each scenario's mean and England's figure with its year. */
export function EnglandTable({ batches }: { batches: readonly LabelledBatch[] }) {
  // In the scenarios' framework's words when they share one (single assessments under Working Together 2013).
  const naming = sharedNaming(batches.map((b) => b.scenario?.assessment));
  const names = metricNamesFor(
    Object.keys(NATIONAL_BESIDE_METRIC).filter((n): n is MetricName => n in METRICS),
    naming,
  );
  return (
    <div className="table-wrap">
      <table data-england-table="">
        <caption>
          Each scenario beside England’s published figure (for England as a whole, in the year shown; sources in shared/research/national-figures.md)
        </caption>
        <thead>
          <tr>
            <th scope="col">Measure</th>
            {batches.map((b) => (
              <th scope="col" className="num" key={b.label}>
                {b.label}
              </th>
            ))}
            <th scope="col" className="num">
              England
            </th>
          </tr>
        </thead>
        <tbody>
          {names.map((n) => {
            const nat = NATIONAL_BESIDE_METRIC[n]!;
            return (
              <tr key={n}>
                <th scope="row">
                  {metricDefinitionFor(n, naming).label}
                  {nat.note && (
                    <span className="small secondary-text" style={{ display: 'block', fontWeight: 400 }}>
                      {nat.note}
                    </span>
                  )}
                </th>
                {batches.map((b) => (
                  <td className="num" key={b.label}>
                    {formatValue(b.batch.metrics[n].mean, METRICS[n].unit)}
                  </td>
                ))}
                <td className="num">{`${formatValue(nat.value, METRICS[n].unit)} (${nat.figure.year})`}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
