import { METRICS, metricDefinitionFor } from '../../../sim/metricDefinitions.ts';
import { formatInterval, formatValue } from '../../lib/format.ts';
import type { PaneSnapshot } from './paneController.ts';
import { placeReplication, rankWords, sameAsBatch } from './replication.ts';
import type { BatchSettings, BatchState } from './useBatch.ts';

/**
 * Says which replication the animation is and how its figures sit within the replications'
 * 95% confidence interval, for each scenario on screen; lets the trainer choose the replication
 * and the base seed.
 */

interface Props {
  panes: readonly PaneSnapshot[];
  batch: BatchState;
  settings: BatchSettings;
  rep: number;
  onRep: (rep: number) => void;
  onSeed: (seed: number) => void;
}

const POSITION_WORDS = { below: 'below the interval', inside: 'inside the interval', above: 'above the interval' } as const;

export function ReplicationPanel({ panes, batch, settings, rep, onRep, onSeed }: Props) {
  return (
    <section className="trainer-replication" aria-labelledby="trainer-rep-heading">
      <h2 id="trainer-rep-heading">
        This is replication {rep + 1} of {settings.reps}
      </h2>
      <p className="trainer-hint">
        The animation is one run of the model. The same scenario is run {settings.reps} times on different random numbers (base seed {settings.seed}, each from
        a county already working, {settings.warmupDays} days to settle and then {settings.days} days measured); the 95% interval is for their average, so a
        single run can fall outside it.
        {panes[0]?.seed !== null && panes[0]?.seed !== undefined && ` This run’s own seed is ${panes[0].seed}.`}
      </p>
      <div className="trainer-rep-fields">
        <div className="trainer-field">
          <label htmlFor="trainer-rep">Replication</label>
          <select id="trainer-rep" value={rep} onChange={(e) => onRep(Number(e.target.value))}>
            {Array.from({ length: settings.reps }, (_, i) => (
              <option key={i} value={i}>
                {i + 1}
              </option>
            ))}
          </select>
        </div>
        <div className="trainer-field">
          <label htmlFor="trainer-seed">Base seed</label>
          <input
            id="trainer-seed"
            type="number"
            inputMode="numeric"
            min={0}
            max={2147483647}
            key={settings.seed}
            defaultValue={settings.seed}
            onBlur={(e) => {
              const v = Number(e.target.value);
              if (Number.isInteger(v) && v >= 0 && v <= 2147483647 && v !== settings.seed) onSeed(v);
            }}
            onKeyDown={(e) => {
              if (e.key === 'Enter') e.currentTarget.blur();
            }}
          />
        </div>
      </div>
      {batch.status === 'running' && (
        <output className="trainer-hint trainer-progress">
          Running the replications in the background: {batch.done} of {batch.total} done.
        </output>
      )}
      {batch.status === 'failed' && <p className="trainer-error">The replications could not be run: {batch.message}</p>}
      {batch.status === 'done' &&
        panes.map((p, i) => {
          const b = batch.results[i];
          if (!b) return null;
          const rows = placeReplication(b, rep);
          const verified = p.metrics ? sameAsBatch(p.metrics, b, rep) : null;
          return (
            <div key={i} className="table-wrap">
              <table className="trainer-placement" data-scenario={p.scenario.id}>
                <caption>
                  {p.scenario.name}: replication {rep + 1} among {b.reps}
                </caption>
                <thead>
                  <tr>
                    <th scope="col">Figure (after the warm-up)</th>
                    <th scope="col" className="num">
                      This run
                    </th>
                    <th scope="col" className="num">
                      Average of {b.reps} (95% interval)
                    </th>
                    <th scope="col">Where this run sits</th>
                  </tr>
                </thead>
                <tbody>
                  {rows.map((r) => {
                    const unit = METRICS[r.metric].unit;
                    return (
                      <tr key={r.metric} data-metric={r.metric} data-position={r.position}>
                        <th scope="row">{metricDefinitionFor(r.metric, p.scenario.assessment).label}</th>
                        <td className="num">{formatValue(r.value, unit)}</td>
                        <td className="num">
                          {formatValue(r.mean, unit)} ({formatInterval(r.ci95, unit)})
                        </td>
                        <td>
                          {POSITION_WORDS[r.position]}; {rankWords(r, formatInterval([r.min, r.max], unit))}
                        </td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
              <p className="trainer-hint" data-verified={verified === null ? 'pending' : String(verified)}>
                {verified === null
                  ? 'When the animation reaches the end, its own figures are checked against this replication.'
                  : verified
                    ? `Checked: the animation’s final figures equal replication ${rep + 1} of the batch.`
                    : `The animation’s final figures differ from replication ${rep + 1} of the batch: please report this.`}
              </p>
            </div>
          );
        })}
    </section>
  );
}
