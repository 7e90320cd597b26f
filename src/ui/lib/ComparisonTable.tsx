import { METRIC_NAMES, METRICS, metricDefinitionFor, metricNamesFor, sharedNaming, type MetricName } from '../../sim/metricDefinitions.ts';
import { formatDifference, formatInterval, formatValue } from './format.ts';
import { comparisonRows, type ComparisonRow, type LabelledBatch } from './csv.ts';
import { GROUP_TITLES } from './labels.ts';
import { MetricTerm } from './MetricTerm.tsx';

/** Words for whether a paired difference is clear, and which way it goes for children and staff. */
export function verdict(row: ComparisonRow): { text: string; tone: 'better' | 'worse' | 'clear' | 'unclear' | 'na' } {
  const d = row.difference;
  if (!d.ci95) return { text: 'Needs 2 or more replications', tone: 'na' };
  if (!d.excludesZero) return { text: d.mean === 0 && d.ci95[0] === 0 && d.ci95[1] === 0 ? 'No difference' : 'Not clear', tone: 'unclear' };
  const better = METRICS[row.metric].better;
  if (better === 'neutral') return { text: d.mean > 0 ? 'Clearly higher' : 'Clearly lower', tone: 'clear' };
  const improved = better === 'lower' ? d.mean < 0 : d.mean > 0;
  return { text: `${d.mean > 0 ? 'Higher' : 'Lower'}: clearly ${improved ? 'better' : 'worse'}`, tone: improved ? 'better' : 'worse' };
}

const TONE_TAG = { better: 'tag tag--ok', worse: 'tag tag--over', clear: 'tag', unclear: 'tag tag--grey', na: 'tag tag--grey' } as const;

/**
 * Every measure for each scenario, and each scenario's paired difference from the first (the
 * baseline) with its 95% interval, saying whether that interval excludes zero.
 */
export function ComparisonTable({
  batches,
  metrics = METRIC_NAMES,
  caption,
}: {
  batches: readonly LabelledBatch[];
  metrics?: readonly MetricName[];
  caption?: string;
}) {
  const [base, ...others] = batches;
  if (!base) return null;
  const rowsByOther = others.map((o) => new Map(comparisonRows(base.batch, o.batch).map((r) => [r.metric, r])));
  // Measures in the frameworks' words when every scenario runs under the same framework.
  const naming = sharedNaming(batches.map((b) => b.scenario?.assessment));
  const shown = metricNamesFor(metrics, naming);
  const groups = [...new Set(shown.map((n) => METRICS[n].group))];
  const columns = 1 + batches.length + others.length * 2;
  return (
    <div className="table-wrap">
      <table data-testid="comparison-table">
        <caption>{caption ?? `Every measure, and the difference from “${base.label}” on the same seeds (paired 95% confidence interval)`}</caption>
        <thead>
          <tr>
            <th scope="col">Measure</th>
            {batches.map((b, i) => (
              <th scope="col" className="num" key={i}>
                {b.label}
                {i === 0 && others.length > 0 ? ' (baseline)' : ''}
              </th>
            ))}
            {others.map((o, i) => [
              <th scope="col" className="num" key={`d${i}`}>
                Difference: {o.label} − baseline (95% interval)
              </th>,
              <th scope="col" key={`v${i}`}>
                Does the interval exclude zero?
              </th>,
            ])}
          </tr>
        </thead>
        {groups.map((group) => (
          <tbody key={group}>
            <tr>
              <th scope="rowgroup" colSpan={columns} style={{ paddingTop: 16, fontSize: 16 }}>
                {GROUP_TITLES[group]}
              </th>
            </tr>
            {shown
              .filter((n) => METRICS[n].group === group)
              .map((n) => {
                const def = metricDefinitionFor(n, naming);
                return (
                  <tr key={n} data-metric={n}>
                    <th scope="row" style={{ fontWeight: 400 }}>
                      <MetricTerm definition={def.definition}>{def.label}</MetricTerm>
                    </th>
                    {batches.map((b, i) => (
                      <td className="num" key={i}>
                        {formatValue(b.batch.metrics[n].mean, def.unit)}
                      </td>
                    ))}
                    {rowsByOther.map((rows, i) => {
                      const row = rows.get(n) as ComparisonRow;
                      const v = verdict(row);
                      return [
                        <td className="num" key={`d${i}`}>
                          {formatDifference(row.difference.mean, def.unit)}
                          {row.difference.ci95 && (
                            <>
                              <br />
                              <span className="secondary-text">({formatInterval(row.difference.ci95, def.unit, true)})</span>
                            </>
                          )}
                        </td>,
                        <td key={`v${i}`} data-verdict={v.tone}>
                          <span className={TONE_TAG[v.tone]}>{v.text}</span>
                        </td>,
                      ];
                    })}
                  </tr>
                );
              })}
          </tbody>
        ))}
      </table>
    </div>
  );
}
