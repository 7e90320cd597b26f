import { NATIONAL_BESIDE_METRIC } from '../../../scenario/fit/national.ts';
import { metricDefinitionFor, metricNamesFor, type FrameworkNaming, type MetricName } from '../../../sim/metricDefinitions.ts';
import type { BatchResult } from '../../../sim/results.ts';
import { formatInterval, formatValue } from '../../lib/format.ts';
import { MetricTerm } from '../../lib/MetricTerm.tsx';
import { unreliableInBatch } from './SteadinessNotice.tsx';

/** Headline cards: each metric's mean across replications, its 95% interval, and its definition. */
export function HeadlineCards({ batch, metrics, naming }: { batch: BatchResult; metrics: readonly MetricName[]; naming?: FrameworkNaming | undefined }) {
  return (
    <ul className="cards" style={{ listStyle: 'none', padding: 0 }}>
      {metricNamesFor(metrics, naming).map((name) => {
        const def = metricDefinitionFor(name, naming);
        const est = batch.metrics[name];
        const nat = NATIONAL_BESIDE_METRIC[name];
        return (
          <li className="card" key={name} data-metric={name}>
            <MetricTerm definition={def.definition}>{def.label}</MetricTerm>
            {unreliableInBatch(batch, def.decisionBased) && (
              <span className="tag tag--near" title="Much of the window’s work is still queued: this ratio reads better than the truth">
                ‡ unreliable: work still queued
              </span>
            )}
            <p className="card__value">{formatValue(est.mean, def.unit)}</p>
            <p className="card__ci">
              95% confidence interval: {formatInterval(est.ci95, def.unit)}
              {def.better !== 'neutral' && <span className="visually-hidden">. {def.better === 'lower' ? 'Lower' : 'Higher'} is better.</span>}
            </p>
            {nat && (
              <p className="card__ci" data-national={name} title={nat.note || undefined}>
                {`England: ${formatValue(nat.value, def.unit)} (${nat.figure.year})`}
              </p>
            )}
          </li>
        );
      })}
    </ul>
  );
}
