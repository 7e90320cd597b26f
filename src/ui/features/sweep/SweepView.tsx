import { memo, useDeferredValue, useState } from 'react';
import type { Scenario } from '../../../scenario/schema.ts';
import { METRIC_NAMES, metricDefinitionFor, metricNamesFor, type FrameworkNaming, type MetricName } from '../../../sim/metricDefinitions.ts';
import type { BatchResult } from '../../../sim/results.ts';
import type { RunSettings } from '../../../worker/protocol.ts';
import { downloadText } from '../../lib/download.ts';
import { spreadsheetCsv } from '../../lib/csv.ts';
import { formatInterval, formatValue, unitWords } from '../../lib/format.ts';
import { BandChart } from '../../lib/charts/BandChart.tsx';
import { ChartFigure } from '../../lib/charts/ChartFigure.tsx';
import { pathLabel } from '../../lib/labels.ts';
import { SweepFindingsPanel } from '../../lib/findings/FindingsPanel.tsx';
import { RunSettingsFields, RunStatus } from '../../lib/run/RunControls.tsx';
import type { RunActor } from '../../lib/run/useRun.ts';
import type { RunContext } from '../../lib/run/runMachine.ts';
import { SWEEP_PARAMETERS, sweepParameter, sweepScenarios, sweepValues, type SweepParameter } from './sweepParameters.ts';
import { averagedOverTeams, scopedParameter, scopeOptions, todayNumber, type SweepScope, type Today } from './sweepScope.ts';

/** A finished sweep: the parameter, its values, and one result per value (same seeds). */
export interface SweepResult {
  parameterId: string;
  values: number[];
  batches: BatchResult[];
  baseName: string;
  /** The base scenario's framework, so measures are named in its words; absent in older results. */
  naming?: FrameworkNaming;
  /** The swept axis as the user chose it (scope included) and today's value to mark; absent in older results. */
  axis?: SweepAxis;
}

/** The x axis of a sweep: its label, whether values are shares, and today's value. */
export interface SweepAxis {
  label: string;
  share: boolean;
  today: Today | null;
}

/** The axis of a result: as stored, or read from the parameter it swept. */
export function axisOf(result: SweepResult): SweepAxis {
  if (result.axis) return result.axis;
  const p = sweepParameter(result.parameterId);
  return { label: p.label, share: isShareParam(p), today: null };
}

/** A swept value on an axis as people write it. */
const formatAxis = (axis: SweepAxis, v: number) => (axis.share ? formatValue(v, 'share') : Number(v.toPrecision(6)).toLocaleString('en-GB').replace('-', '−'));

/**
 * Today's value in prose: an average over teams whose values differ says so and is rounded
 * (sweepScope.ts `todayNumber`: "today’s average: 9.3"), a single value is given as the axis gives it.
 */
function todayWords(axis: SweepAxis, today: Today): string {
  const averaged = today.label.startsWith('Today’s average');
  return averaged && !axis.share ? `today’s average: ${todayNumber(today.x)}` : `today: ${formatAxis(axis, today.x)}`;
}

/** What the sweep form holds. */
export interface SweepForm {
  parameterId: string;
  /** For duty-team settings: which teams and how (sweepScope.ts); the same value for every team when absent. */
  scope?: SweepScope;
  from: string;
  to: string;
  steps: string;
}

export const SWEEP_METRICS: MetricName[] = [
  'reReferralRate',
  'doubleScreenedRate',
  'repeatWorkHoursPerMonth',
  'awaitingAllocationMean',
  'initialAssessmentsOverdueEnd',
  'coreAssessmentsOverdueEnd',
];

const isShareParam = (p: SweepParameter) => p.min === 0 && p.max === 1 && !p.integer;

/** A swept value as people write it: 25%, 12, 47.5. */
export function formatParam(p: SweepParameter, v: number): string {
  if (isShareParam(p)) return formatValue(v, 'share');
  return Number(v.toPrecision(6)).toLocaleString('en-GB');
}

/** One measure against the swept parameter, with its 95% band. */
export function SweepChart({ result, metric }: { result: SweepResult; metric: MetricName }) {
  const axis = axisOf(result);
  const def = metricDefinitionFor(metric, result.naming);
  const points = result.values.map((x, i) => {
    const e = (result.batches[i] as BatchResult).metrics[metric];
    return { x, mean: e.mean, lo: e.ci95[0], hi: e.ci95[1] };
  });
  return (
    <ChartFigure
      title={`${def.label} against ${axis.label.charAt(0).toLowerCase()}${axis.label.slice(1)}`}
      headingLevel={3}
      fileStem={`sweep-${result.parameterId.replace(/[^A-Za-z0-9-]+/g, '-')}-${metric}`}
      description={
        <>
          {def.definition} Line and dots: mean of {result.batches[0]?.reps} replications at each value; band: 95% confidence interval.
          {axis.today && ` Dashed line: today’s value in your scenario (${todayWords(axis, axis.today)}).`}
        </>
      }
      render={(width, labelIds) => (
        <BandChart
          series={[{ key: metric, label: def.label, points }]}
          width={width}
          unit={def.unit}
          xUnit={axis.share ? 'share' : 'count'}
          xLabel={axis.label}
          yLabel={unitWords(def.unit)}
          labelIds={labelIds}
          markers
          {...(axis.today ? { reference: axis.today } : {})}
        />
      )}
      table={{
        columns: [axis.label, 'Mean', '95% confidence interval'],
        numeric: [false, true, true],
        rows: points.map((p) => [
          formatAxis(axis, p.x) + (axis.today?.x === p.x ? ' (today)' : ''),
          formatValue(p.mean, def.unit),
          formatInterval([p.lo, p.hi], def.unit),
        ]),
      }}
      csv={() =>
        spreadsheetCsv(
          points.map((p) => ({
            parameter: result.parameterId,
            value: p.x,
            metric,
            mean: p.mean,
            ci95_low: p.lo,
            ci95_high: p.hi,
            seed: result.batches[0]?.seed,
            replications: result.batches[0]?.reps,
          })),
        )
      }
    />
  );
}

/** The charts and downloads of a finished sweep (a memoised, deferred render). */
const SweepResults = memo(function SweepResults({ result }: { result: SweepResult }) {
  const [extra, setExtra] = useState<MetricName>('initialAssessmentInTimescaleRate');
  const axis = axisOf(result);
  return (
    <section aria-labelledby="sweep-results" data-testid="sweep-results">
      <h2 id="sweep-results">
        {axis.label}: {result.values.map((v) => formatAxis(axis, v)).join(', ')}
      </h2>
      <p>
        Based on “{result.baseName}”{axis.today ? ` (${todayWords(axis, axis.today)})` : ''}; {result.batches[0]?.reps} replications of{' '}
        {result.batches[0]?.days} days at each value, on the same seeds (base seed {result.batches[0]?.seed}).
      </p>
      <button
        type="button"
        className="button button--secondary button--small no-print"
        onClick={() =>
          downloadText(
            `sweep-${result.parameterId}.csv`,
            spreadsheetCsv(
              result.values.flatMap((v, i) =>
                METRIC_NAMES.map((m) => ({
                  parameter: result.parameterId,
                  value: v,
                  metric: m,
                  mean: result.batches[i]!.metrics[m].mean,
                  ci95_low: result.batches[i]!.metrics[m].ci95[0],
                  ci95_high: result.batches[i]!.metrics[m].ci95[1],
                  seed: result.batches[i]!.seed,
                  replications: result.batches[i]!.reps,
                })),
              ),
            ),
            'text/csv;charset=utf-8',
          )
        }
      >
        Download every measure at every value (CSV)
      </button>
      <SweepFindingsPanel values={result.values} batches={result.batches} paramLabel={axis.label} formatX={(v) => formatAxis(axis, v)} />
      <div className="chart-grid">
        {metricNamesFor(SWEEP_METRICS, result.naming).map((m) => (
          <SweepChart key={m} result={result} metric={m} />
        ))}
      </div>
      <div className="form-group no-print">
        <label className="label" htmlFor="sweep-extra">
          Another measure
        </label>
        <select id="sweep-extra" className="select" value={extra} onChange={(e) => setExtra(e.target.value as MetricName)}>
          {metricNamesFor(METRIC_NAMES, result.naming)
            .filter((m) => !SWEEP_METRICS.includes(m))
            .map((m) => (
              <option key={m} value={m}>
                {metricDefinitionFor(m, result.naming).label}
              </option>
            ))}
        </select>
      </div>
      <SweepChart result={result} metric={extra} />
    </section>
  );
});

interface Props {
  current: Scenario | null;
  form: SweepForm;
  setForm: (f: SweepForm) => void;
  settings: RunSettings;
  setSettings: (s: RunSettings) => void;
  status: string;
  context: RunContext;
  actor?: RunActor;
  onRun: (parameterId: string, values: number[], scenarios: Scenario[], extra?: Pick<SweepResult, 'axis'>) => void;
  onCancel: () => void;
}

/** A sweep of one parameter of the edited scenario: each measure drawn against it, with bands. */
export function SweepView({ current, form, setForm, settings, setSettings, status, context, actor, onRun, onCancel }: Props) {
  const [error, setError] = useState<string | null>(null);
  const baseParam = sweepParameter(form.parameterId);
  const averaged = current !== null && averagedOverTeams(baseParam, current);
  const scopes = scopeOptions(baseParam, current);
  const scope = scopes.some((o) => o.value === form.scope) ? form.scope : undefined;
  const { param, today } = current ? scopedParameter(baseParam, scope, current) : { param: baseParam, today: null };
  const result = context.result as SweepResult | null;
  const deferred = useDeferredValue(result, null);
  const submit = () => {
    if (!current) {
      setError('Your edited scenario has problems. Fix them on the Explore tab first.');
      return;
    }
    const from = Number(form.from);
    const to = Number(form.to);
    const steps = Number(form.steps);
    if (!Number.isFinite(from) || !Number.isFinite(to) || form.from.trim() === '' || form.to.trim() === '') {
      setError('Enter numbers for “From” and “To”.');
      return;
    }
    if (!Number.isInteger(steps) || steps < 2 || steps > 15) {
      setError('Enter a whole number of values from 2 to 15.');
      return;
    }
    const values = sweepValues(param, from, to, steps);
    const built = sweepScenarios(current, param, values);
    if (!built.ok) {
      setError(`At ${built.value}: ${built.problems.map((p) => `${pathLabel(p.path)}: ${p.message}`).join('; ')}`);
      return;
    }
    setError(null);
    onRun(param.id, values, built.scenarios, { axis: { label: param.label, share: isShareParam(param), today } });
  };
  return (
    <div>
      <h1>Sweep one setting</h1>
      <p className="lede">Run your scenario at a range of values of one setting, on the same seeds, and see how each measure moves with it.</p>
      <form
        className="panel no-print"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        <div className="form-group">
          <label className="label" htmlFor="sweep-param">
            Setting to vary
          </label>
          <p className="hint" id="sweep-param-hint">
            {baseParam.help} In your scenario now:{' '}
            {!current ? '–' : averaged ? todayNumber(baseParam.get(current)) : formatParam(baseParam, baseParam.get(current))}
            {current && baseParam.team && averaged
              ? ` (average over teams, weighted by demand; teams range from ${formatParam(baseParam, Math.min(...current.dutyTeams.map(baseParam.team.get)))} to ${formatParam(baseParam, Math.max(...current.dutyTeams.map(baseParam.team.get)))})`
              : ''}
            .
          </p>
          <select
            id="sweep-param"
            className="select"
            aria-describedby="sweep-param-hint"
            value={form.parameterId}
            onChange={(e) => setForm({ ...form, parameterId: e.target.value, scope: undefined })}
          >
            {SWEEP_PARAMETERS.map((p) => (
              <option key={p.id} value={p.id}>
                {p.label}
              </option>
            ))}
          </select>
        </div>
        {scopes.length > 0 && (
          <div className="form-group">
            <label className="label" htmlFor="sweep-scope">
              Which teams, and how
            </label>
            <p className="hint" id="sweep-scope-hint">
              {param.help}
            </p>
            <select
              id="sweep-scope"
              className="select input--wide"
              aria-describedby="sweep-scope-hint"
              value={scope ?? 'same'}
              onChange={(e) => {
                const next = e.target.value;
                const range = next === 'add' ? { from: '-4', to: '4' } : next === 'multiply' ? { from: '0.8', to: '1.2' } : {};
                setForm({ ...form, scope: next, ...range });
              }}
            >
              {scopes.map((o) => (
                <option key={o.value} value={o.value}>
                  {o.label}
                </option>
              ))}
            </select>
          </div>
        )}
        {error && (
          <p className="error-message" role="alert" id="sweep-error">
            <span className="visually-hidden">Error:</span> {error}
          </p>
        )}
        <div className="run-bar" style={{ background: 'transparent', padding: 0 }}>
          {(['from', 'to', 'steps'] as const).map((k) => (
            <div className="form-group" key={k}>
              <label className="label" htmlFor={`sweep-${k}`}>
                {k === 'from' ? 'From' : k === 'to' ? 'To' : 'Number of values'}
              </label>
              <p className="hint" id={`sweep-${k}-hint`}>
                {k === 'steps'
                  ? '2 to 15, evenly spaced'
                  : `${param.min} to ${param.max}${today ? `; ${todayWords({ label: '', share: isShareParam(param), today }, today).replace(': ', ' ')}` : ''}`}
              </p>
              <input
                id={`sweep-${k}`}
                className="input input--number"
                type="text"
                inputMode="decimal"
                value={form[k]}
                aria-describedby={`sweep-${k}-hint${error ? ' sweep-error' : ''}`}
                onChange={(e) => setForm({ ...form, [k]: e.target.value })}
              />
            </div>
          ))}
          <RunSettingsFields settings={settings} onChange={setSettings} idPrefix="sweep" />
          <div className="run-bar__actions">
            <button type="submit" className="button">
              Run sweep
            </button>
            {status === 'running' && (
              <button type="button" className="button button--warning" onClick={onCancel}>
                Cancel
              </button>
            )}
          </div>
          <RunStatus status={status} context={context} actor={actor} idleText="Not run yet. Choose a setting and a range, then run the sweep." />
        </div>
      </form>
      {!result && status !== 'running' && <div className="empty-state">Not run yet.</div>}
      {deferred && <SweepResults result={deferred} />}
    </div>
  );
}
