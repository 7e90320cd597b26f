import { memo, useDeferredValue, useMemo, useState } from 'react';
import { parameterRange, SENSITIVITY_PARAMETERS, variantCount } from '../../../scenario/sensitivity.ts';
import type { Scenario } from '../../../scenario/schema.ts';
import { METRIC_NAMES, metricDefinitionFor, metricNamesFor, type FrameworkNaming, type MetricName, type SeriesName } from '../../../sim/metricDefinitions.ts';
import { SENSITIVITY_MEASURES, type MeasureSensitivity, type TornadoRow } from '../../../sim/sensitivity.ts';
import type { RunSettings } from '../../../worker/protocol.ts';
import { downloadText } from '../../lib/download.ts';
import { formatDifference, formatInterval, formatValue } from '../../lib/format.ts';
import { ChartFigure, type ChartTable } from '../../lib/charts/ChartFigure.tsx';
import { spreadsheetCsv } from '../../lib/csv.ts';
import { MetricTerm } from '../../lib/MetricTerm.tsx';
import { SERIES_META } from '../../lib/seriesMeta.ts';
import { RunSettingsFields, RunStatus } from '../../lib/run/RunControls.tsx';
import type { RunContext } from '../../lib/run/runMachine.ts';
import type { RunActor } from '../../lib/run/useRun.ts';
import { formatParameterValue, ROW_TEXT, sensitivityInputKey, type SensitivityResult } from './sensitivityRun.ts';
import { TornadoChart } from './TornadoChart.tsx';

const ALL_PATHS = SENSITIVITY_PARAMETERS.map((p) => p.path);
const HEADLINE: readonly MetricName[] = SENSITIVITY_MEASURES;

/** Every measure's effects as CSV rows (one per measure, parameter and side). */
function allEffectsCsv(r: SensitivityResult): string {
  const a = r.analysis;
  return spreadsheetCsv(
    a.measures.flatMap((m) =>
      m.rows.flatMap((row) =>
        (['low', 'high'] as const).map((side) => ({
          metric: m.metric,
          base_mean: m.base.mean,
          parameter: row.path,
          parameter_base: row.base,
          side,
          parameter_value: row[side].value,
          run: row[side].run,
          effect_mean: row[side].effect.mean,
          effect_ci95_low: row[side].effect.ci95[0],
          effect_ci95_high: row[side].effect.ci95[1],
          swing: row.swing,
          seed: a.seed,
          replications: a.reps,
          days: a.days,
          warmup_days: a.warmupDays,
        })),
      ),
    ),
  );
}

/** A measure's tornado as a table (the chart's text alternative), rows in the chart's order. */
export function tornadoTable(m: MeasureSensitivity, naming?: FrameworkNaming): ChartTable {
  const def = metricDefinitionFor(m.metric, naming);
  const effect = (row: TornadoRow, side: 'low' | 'high') => {
    const s = row[side];
    if (!s.run) return 'same as base (not run)';
    return `${formatDifference(s.effect.mean, def.unit)} (${formatInterval(s.effect.ci95, def.unit, true)})`;
  };
  return {
    columns: ['Assumption', 'In the scenario', 'Low → high', 'Difference at low (95% interval)', 'Difference at high (95% interval)', 'Swing'],
    numeric: [false, true, false, true, true, true],
    rows: m.rows.map((row) => [
      ROW_TEXT.label(row.path),
      formatParameterValue(row.path, row.base),
      `${formatParameterValue(row.path, row.low.value)} → ${formatParameterValue(row.path, row.high.value)}`,
      effect(row, 'low'),
      effect(row, 'high'),
      formatDifference(row.swing, def.unit).replace(/^\+/, ''),
    ]),
  };
}

/** One measure's tornado with its table and downloads. */
export function SensitivityChart({ result, metric }: { result: SensitivityResult; metric: MetricName }) {
  const a = result.analysis;
  const m = a.measures.find((x) => x.metric === metric);
  if (!m) return null;
  const def = metricDefinitionFor(metric, result.naming);
  return (
    <ChartFigure
      title={`${def.label}: which assumptions move it`}
      subject={result.scenarioName}
      fileStem={`sensitivity-${metric}`}
      description={
        <p>
          <MetricTerm definition={def.definition}>{def.label}</MetricTerm> in “{result.scenarioName}” is {formatValue(m.base.mean, def.unit)} (95% interval{' '}
          {formatInterval(m.base.ci95, def.unit)}): the dashed line. For each assumption, largest swing first, the upper bar shows the measure with the
          assumption at its low value and the lower, striped bar at its high value, each with the 95% interval of its difference from the base (paired over{' '}
          {a.reps} replications on the same seeds). A bar whose whisker crosses the dashed line is a change the run could not tell from none.
        </p>
      }
      render={(width, labelIds) => <TornadoChart measure={m} width={width} text={ROW_TEXT} labelIds={labelIds} measureLabel={def.label} />}
      table={tornadoTable(m, result.naming)}
      csv={() =>
        spreadsheetCsv(
          m.rows.map((row) => ({
            metric,
            parameter: row.path,
            parameter_base: row.base,
            low: row.low.value,
            low_effect: row.low.effect.mean,
            low_ci95_low: row.low.effect.ci95[0],
            low_ci95_high: row.low.effect.ci95[1],
            high: row.high.value,
            high_effect: row.high.effect.mean,
            high_ci95_low: row.high.effect.ci95[0],
            high_ci95_high: row.high.effect.ci95[1],
            swing: row.swing,
            seed: a.seed,
            replications: a.reps,
          })),
        )
      }
    />
  );
}

/** The results of a finished analysis: a measure to choose, its tornado, and notes. */
const SensitivityResults = memo(function SensitivityResults({ result }: { result: SensitivityResult }) {
  const [metric, setMetric] = useState<MetricName>('reReferralRate');
  const a = result.analysis;
  return (
    <section aria-labelledby="sensitivity-results" data-testid="sensitivity-results">
      <h2 id="sensitivity-results">Effects on “{result.scenarioName}”</h2>
      <p>
        {a.ranges.length} assumptions, each moved to a low and a high value on its own; {a.reps} replications of {a.days} days after {a.warmupDays} days’
        warm-up for the scenario and for each variant, all on the same seeds (base seed {a.seed}).
      </p>
      <div className="form-group no-print">
        <label className="label" htmlFor="sensitivity-measure">
          Measure
        </label>
        <p className="hint" id="sensitivity-measure-hint">
          The headline measures come first. Its definition is under the chart’s title.
        </p>
        <select
          id="sensitivity-measure"
          className="select"
          aria-describedby="sensitivity-measure-hint"
          value={metric}
          onChange={(e) => setMetric(e.target.value as MetricName)}
        >
          <optgroup label="Headline measures">
            {metricNamesFor(HEADLINE, result.naming).map((m) => (
              <option key={m} value={m}>
                {metricDefinitionFor(m, result.naming).label}
              </option>
            ))}
          </optgroup>
          <optgroup label="Other measures">
            {metricNamesFor(METRIC_NAMES, result.naming)
              .filter((m) => !HEADLINE.includes(m))
              .map((m) => (
                <option key={m} value={m}>
                  {metricDefinitionFor(m, result.naming).label}
                </option>
              ))}
          </optgroup>
        </select>
      </div>
      <SensitivityChart result={result} metric={metric} />
      <button
        type="button"
        className="button button--secondary button--small no-print"
        onClick={() => downloadText('sensitivity-every-measure.csv', allEffectsCsv(result), 'text/csv;charset=utf-8')}
      >
        Download every measure’s effects (CSV)
      </button>
      {a.unsteady.length > 0 && (
        <details className="notice notice--info">
          <summary>
            <strong>
              {a.unsteady.length} of the {a.measures[0]?.rows.reduce((n, r) => n + (r.low.run ? 1 : 0) + (r.high.run ? 1 : 0), 0)} variants had a weekly figure
              that kept rising through the measured days
            </strong>{' '}
            (it did not with your scenario as it is), so their figures depend on how long the run is. Show which.
          </summary>
          <ul className="small">
            {a.unsteady.map((u) => (
              <li key={`${u.path}-${u.side}`}>
                {ROW_TEXT.label(u.path)} at its {u.side} value (
                {formatParameterValue(u.path, u.side === 'low' ? a.ranges.find((r) => r.path === u.path)!.low : a.ranges.find((r) => r.path === u.path)!.high)}
                ): {u.series.map((n) => (n in SERIES_META ? SERIES_META[n as SeriesName].label : n).toLowerCase()).join(', ')}
              </li>
            ))}
          </ul>
        </details>
      )}
    </section>
  );
});

interface Props {
  current: Scenario | null;
  settings: RunSettings;
  setSettings: (s: RunSettings) => void;
  status: string;
  context: RunContext;
  actor?: RunActor;
  /** Starts a run varying the assumptions at these paths (throws if a variant is not a valid scenario). */
  onRun: (paths: string[]) => void;
  onCancel: () => void;
}

/**
 * Sensitivity: each assumed parameter of the edited scenario moved low and high on its own, on the
 * scenario's own seeds, and its effect on a measure drawn as a tornado, so a manager sees which
 * assumptions a conclusion depends on.
 */
export function SensitivityView({ current, settings, setSettings, status, context, actor, onRun, onCancel }: Props) {
  const result = context.result as SensitivityResult | null;
  const deferred = useDeferredValue(result, null);
  const [chosen, setChosen] = useState<string[]>(() => result?.analysis.ranges.map((r) => r.path) ?? ALL_PATHS);
  const [error, setError] = useState<string | null>(null);
  const running = status === 'running';
  const variants = current ? variantCount(current, chosen) : 0;
  const inputKey = useMemo(() => sensitivityInputKey(current, chosen, settings), [current, chosen, settings]);
  const stale = context.resultJob !== null && context.resultJob.inputKey !== inputKey;
  const submit = () => {
    if (!current) return setError('Your edited scenario has problems. Fix them on the Explore tab first.');
    if (!chosen.length) return setError('Choose at least one assumption to vary.');
    try {
      onRun(ALL_PATHS.filter((p) => chosen.includes(p)));
      setError(null);
    } catch (e) {
      setError(`A variant of your scenario is not valid, so nothing was run: ${(e as Error).message}`);
    }
  };
  return (
    <div>
      <h1>Which assumptions matter</h1>
      <p className="lede">
        Many numbers in a scenario are assumptions: no document gives them. Move each one to a lower and a higher value, on its own, and see how far each
        measure moves. Every variant runs on the same random numbers as your scenario, so the differences come from the assumption, not from chance.
      </p>
      <form
        className="panel no-print"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
        aria-labelledby="sensitivity-choose"
      >
        <h2 id="sensitivity-choose" style={{ fontSize: 19 }}>
          Assumptions to vary
        </h2>
        {!current && <p className="error-message">Your edited scenario has problems. Fix them on the Explore tab first.</p>}
        <p className="hint">
          Ranges follow from your scenario’s values (models/ASSUMPTIONS.md gives the source of each) and stay within the limits every scenario must keep.
        </p>
        {/* oxlint-disable-next-line jsx-a11y/no-noninteractive-tabindex -- a wide table scrolls sideways on a phone, by keyboard too */}
        <section className="table-wrap" aria-label="Assumptions and their ranges" tabIndex={0}>
          <table>
            <thead>
              <tr>
                <th scope="col">Vary this assumption</th>
                <th scope="col" className="num">
                  In your scenario
                </th>
                <th scope="col" className="num">
                  Low
                </th>
                <th scope="col" className="num">
                  High
                </th>
                <th scope="col">Why this range</th>
              </tr>
            </thead>
            <tbody>
              {SENSITIVITY_PARAMETERS.map((p) => {
                const r = current ? parameterRange(p, current) : null;
                const id = `sensitivity-vary-${p.path.replace('.', '-')}`;
                return (
                  <tr key={p.path}>
                    <th scope="row">
                      <label className="checkbox" htmlFor={id} style={{ marginBottom: 0 }}>
                        <input
                          id={id}
                          type="checkbox"
                          checked={chosen.includes(p.path)}
                          onChange={(e) => setChosen((c) => (e.target.checked ? [...c, p.path] : c.filter((x) => x !== p.path)))}
                        />
                        {p.label}
                      </label>
                      <span className="secondary-text small" style={{ display: 'block', fontWeight: 400, paddingLeft: 32 }}>
                        {p.path}
                      </span>
                    </th>
                    <td className="num">{r ? formatParameterValue(p.path, r.base) : '–'}</td>
                    <td className="num">{r ? formatParameterValue(p.path, r.low) : '–'}</td>
                    <td className="num">{r ? formatParameterValue(p.path, r.high) : '–'}</td>
                    <td className="small">{p.basis}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </section>
        <p>
          <button type="button" className="link-button" onClick={() => setChosen(ALL_PATHS)}>
            Vary all {ALL_PATHS.length}
          </button>{' '}
          ·{' '}
          <button type="button" className="link-button" onClick={() => setChosen([])}>
            Clear the choice
          </button>
        </p>
        {error && (
          <p className="error-message" role="alert">
            <span className="visually-hidden">Error:</span> {error}
          </p>
        )}
        <div className="run-bar" style={{ background: 'transparent', padding: 0 }}>
          <RunSettingsFields settings={settings} onChange={setSettings} idPrefix="sensitivity" />
          <div className="run-bar__actions">
            <button type="submit" className="button" disabled={!current}>
              Run {variants + 1} scenarios
            </button>
            {running && (
              <button type="button" className="button button--warning" onClick={onCancel}>
                Cancel
              </button>
            )}
          </div>
          <RunStatus
            status={status}
            context={context}
            actor={actor}
            idleText={`Not run yet: your scenario and ${variants} variants, each ${settings.reps} replications.`}
          />
        </div>
      </form>
      {stale && deferred && !running && (
        <output className="notice notice--info status-line">
          Your scenario, the assumptions chosen or the run settings have changed since these results. Run again to bring them up to date.
        </output>
      )}
      {!result && !running && <div className="empty-state">Not run yet.</div>}
      {deferred && <SensitivityResults result={deferred} />}
    </div>
  );
}
