import { useState } from 'react';
import { presetChildPopulation } from '../../../scenario/fit/base.ts';
import { nationalFigure, nationalLabel } from '../../../scenario/fit/national.ts';
import { DEFAULT_FIT_PRESET, FIGURES, FitTargets, INPUT_KEYS, TARGET_KEYS, type InputKey, type TargetKey } from '../../../scenario/fit/targets.ts';
import { problemsOf } from '../../../scenario/parse.ts';
import type { Scenario } from '../../../scenario/schema.ts';
import type { RunContext } from '../../lib/run/runMachine.ts';
import { useRunProgress, type RunActor } from '../../lib/run/useRun.ts';
import { SEARCH_LENGTHS, type FitOutcome, type SearchLength } from './fitRun.ts';

type FieldKey = 'childPopulation' | TargetKey | InputKey;
const FIELD_KEYS: readonly FieldKey[] = ['childPopulation', ...TARGET_KEYS, ...INPUT_KEYS];

const POPULATION_INFO = {
  label: 'Children aged 0-17 (required)',
  where: 'ONS mid-year population estimates for your local authority, ages 0 to 17; the children in need census uses the same denominator for its rates.',
  definition: 'Everyone under 18 living in the council’s area. Demand and staffing are scaled from the base preset by this number.',
};

const fmt = (v: number, unit: string) => (unit === 'pct' ? `${v.toFixed(1)}%` : v >= 100 ? Math.round(v).toLocaleString('en-GB') : v.toFixed(1));
const fmtParam = (v: number) => Number(v.toPrecision(3)).toLocaleString('en-GB');

interface Props {
  presets: readonly Scenario[];
  status: string;
  context: RunContext;
  actor: RunActor;
  onRun: (preset: Scenario, targets: FitTargets, length: SearchLength) => void;
  onCancel: () => void;
  /** Saves the fitted scenario into My scenarios (it becomes the scenario being edited); `open` also shows Explore. */
  onUse: (scenario: Scenario, open: boolean) => void;
}

/** Fit my authority: the council's published figures in, a fitted scenario out (issue 15, items 3-4). */
export function FitView({ presets, status, context, actor, onRun, onCancel, onUse }: Props) {
  const fittable = presets.filter((p) => presetChildPopulation(p.id) !== undefined);
  // Today's England (a MASH, single assessments) is where most councils start; else the first that can be scaled.
  const [presetId, setPresetId] = useState((fittable.find((p) => p.id === DEFAULT_FIT_PRESET) ?? fittable[0])?.id ?? '');
  const [name, setName] = useState('My authority');
  const [texts, setTexts] = useState<Partial<Record<FieldKey, string>>>({});
  const [errors, setErrors] = useState<Partial<Record<string, string>>>({});
  const [length, setLength] = useState<SearchLength>('quick');
  const [saved, setSaved] = useState<string | null>(null);
  const progress = useRunProgress(actor);
  const running = status === 'running';
  const outcome = context.result as FitOutcome | null;

  const submit = () => {
    const input: Record<string, unknown> = { name: name.trim() || 'My authority', basePreset: presetId };
    const bad: Record<string, string> = {};
    for (const k of FIELD_KEYS) {
      const t = (texts[k] ?? '').trim().replace(/,/g, '');
      if (t === '') continue;
      const v = Number(t.replace(/%$/, ''));
      if (!Number.isFinite(v)) bad[k] = 'must be a number';
      else input[k] = v;
    }
    const parsed = FitTargets.safeParse(input);
    if (!parsed.success) for (const p of problemsOf(parsed.error)) bad[p.path] ??= p.message;
    const preset = presets.find((p) => p.id === presetId);
    if (!preset) bad.basePreset = 'choose a preset to start from';
    if (parsed.success && TARGET_KEYS.every((k) => parsed.data[k] === undefined))
      bad.form = 'Give at least one published figure besides the population: there is nothing to fit to.';
    setErrors(bad);
    if (Object.keys(bad).length > 0 || !parsed.success || !preset) return;
    setSaved(null);
    onRun(preset, parsed.data, length);
  };

  const field = (k: FieldKey) => {
    const info = k === 'childPopulation' ? POPULATION_INFO : FIGURES[k];
    const id = `fit-${k}`;
    const error = errors[k];
    const nat = nationalFigure(k);
    return (
      <div className={`form-group${error ? ' form-group--error' : ''}`} key={k}>
        <label className="label" htmlFor={id}>
          {info.label}
        </label>
        <p className="hint" id={`${id}-hint`}>
          <strong>Where to find it:</strong> {info.where} <strong>Definition:</strong> {info.definition}
          {nat ? ` ${nationalLabel(nat)}, for England as a whole.` : ''}
        </p>
        {error && (
          <span className="error-message" id={`${id}-error`}>
            <span className="visually-hidden">Error:</span> {info.label} {error}
          </span>
        )}
        <input
          id={id}
          className={`input input--number${error ? ' input--error' : ''}`}
          type="text"
          inputMode="decimal"
          value={texts[k] ?? ''}
          aria-invalid={error ? true : undefined}
          aria-describedby={`${id}-hint${error ? ` ${id}-error` : ''}`}
          onChange={(e) => setTexts((t) => ({ ...t, [k]: e.target.value }))}
        />
      </div>
    );
  };

  const doneText =
    status === 'running'
      ? progress
        ? `Fitting: ${progress.done} of about ${progress.total} candidate runs (${Math.round((100 * progress.done) / progress.total)}%).`
        : `Starting ${context.job?.description ?? 'the fit'}…`
      : status === 'done'
        ? `Finished ${context.resultJob?.description ?? 'the fit'} in ${((context.finishedAt - context.startedAt) / 1000).toFixed(0)} s.`
        : status === 'cancelled'
          ? outcome
            ? 'Cancelled. The fit below is the previous one.'
            : 'Cancelled.'
          : status === 'failed'
            ? ''
            : 'Not fitted yet.';

  return (
    <div>
      <h1>Fit my authority</h1>
      <p className="lede">
        Enter the figures your council publishes. The tool starts from a preset scaled to your children, sets what your figures fix (contacts, social worker
        posts, vacancies), and moves the numbers no one publishes (thresholds, need, how often children come back, how long assessments take) until the
        simulation matches your figures. Every candidate runs on the same random numbers, so they differ by their settings, not by chance.
      </p>
      <form
        className="panel no-print"
        noValidate
        aria-label="Your council’s figures"
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        <div className="form-group">
          <label className="label" htmlFor="fit-name">
            Council (the fitted scenario’s name)
          </label>
          <input id="fit-name" className="input" type="text" value={name} onChange={(e) => setName(e.target.value)} />
        </div>
        <div className={`form-group${errors.basePreset ? ' form-group--error' : ''}`}>
          <label className="label" htmlFor="fit-preset">
            Start from
          </label>
          <p className="hint" id="fit-preset-hint">
            The preset whose front door, teams and rules are closest to yours; its demand and staff are scaled to your population.
          </p>
          <select id="fit-preset" className="select" value={presetId} aria-describedby="fit-preset-hint" onChange={(e) => setPresetId(e.target.value)}>
            {fittable.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </select>
        </div>
        {FIELD_KEYS.map(field)}
        <div className="form-group">
          <label className="label" htmlFor="fit-length">
            Search
          </label>
          <select id="fit-length" className="select" value={length} onChange={(e) => setLength(e.target.value as SearchLength)}>
            <option value="quick">Quick: up to {SEARCH_LENGTHS.quick} candidate runs</option>
            <option value="thorough">Thorough: up to {SEARCH_LENGTHS.thorough} candidate runs</option>
          </select>
        </div>
        {errors.form && (
          <p className="error-message" role="alert">
            <span className="visually-hidden">Error:</span> {errors.form}
          </p>
        )}
        <div className="run-bar" style={{ background: 'transparent', padding: 0 }}>
          <div className="run-bar__actions">
            <button type="submit" className="button" disabled={running}>
              Fit
            </button>
            {running && (
              <button type="button" className="button button--warning" onClick={onCancel}>
                Cancel
              </button>
            )}
          </div>
          <div className="run-bar__status">
            {running && <progress className="progress" max={progress?.total ?? 1} value={progress?.done ?? 0} aria-label="Fit progress" />}
            <output className="status-line" data-fit-status={status}>
              {doneText}
            </output>
            {status === 'failed' && (
              <div className="notice notice--error" role="alert">
                <h2>The fit stopped</h2>
                <p style={{ whiteSpace: 'pre-wrap' }}>{context.error}</p>
              </div>
            )}
          </div>
        </div>
      </form>
      {outcome && <FitResults outcome={outcome} saved={saved} onUse={(open) => (onUse(outcome.fit.scenario, open), setSaved(outcome.fit.scenario.name))} />}
    </div>
  );
}

function FitResults({ outcome, saved, onUse }: { outcome: FitOutcome; saved: string | null; onUse: (open: boolean) => void }) {
  const { fit, targets } = outcome;
  const poor = fit.comparisons.filter((c) => !c.withinTolerance);
  return (
    <section aria-labelledby="fit-results" className="fit-results">
      <h2 id="fit-results">{fit.scenario.name}</h2>
      {fit.goodFit ? (
        <output className="notice notice--info status-line" data-fit-quality="good">
          A good fit: every figure is within its tolerance.
        </output>
      ) : (
        <div className="notice notice--error" data-fit-quality="poor">
          <h3>No good fit for {poor.length === 1 ? 'one figure' : `${poor.length} figures`}</h3>
          <p>
            {poor.map((c) => c.label).join('; ')}: outside the tolerance. Your figures may contradict each other, or the preset’s front door may not work like
            yours. Try another starting preset, or check the figures.
          </p>
        </div>
      )}
      {/* oxlint-disable-next-line jsx-a11y/no-noninteractive-tabindex -- a wide table scrolls sideways on a phone, by keyboard too */}
      <section className="table-wrap" aria-label="Your figures against the fitted scenario and England" tabIndex={0}>
        <table>
          <caption>
            Your figures, the fitted scenario’s (mean of {fit.check.reps} runs of {fit.check.days} days, with its 95% interval) and England’s. England’s figures
            are for England as a whole, in the year shown.
          </caption>
          <thead>
            <tr>
              <th scope="col">Figure</th>
              <th scope="col" className="num">
                Yours (± tolerance)
              </th>
              <th scope="col" className="num">
                Fitted (95% interval)
              </th>
              <th scope="col">England</th>
              <th scope="col">Fit</th>
            </tr>
          </thead>
          <tbody>
            {fit.comparisons.map((c) => {
              const nat = nationalFigure(c.key);
              return (
                <tr key={c.key} data-target={c.key}>
                  <th scope="row">{c.label}</th>
                  <td className="num">
                    {fmt(c.target, c.unit)} ± {fmt(c.tolerance, c.unit)}
                  </td>
                  <td className="num">
                    {fmt(c.fitted, c.unit)} ({fmt(c.ci95[0], c.unit)} to {fmt(c.ci95[1], c.unit)})
                  </td>
                  <td>{nat ? nationalLabel(nat) : '–'}</td>
                  <td>{c.withinTolerance ? 'within tolerance' : <strong>outside tolerance</strong>}</td>
                </tr>
              );
            })}
            {(['vacancyPct', 'agencyPct'] as const).map((k) => {
              const v = targets[k];
              const nat = nationalFigure(k);
              return v === undefined ? null : (
                <tr key={k} data-target={k}>
                  <th scope="row">{FIGURES[k].label}</th>
                  <td className="num">{fmt(v, 'pct')}</td>
                  <td className="num">{k === 'vacancyPct' ? 'set, not fitted' : 'not modelled'}</td>
                  <td>{nat ? nationalLabel(nat) : '–'}</td>
                  <td>–</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </section>
      {/* oxlint-disable-next-line jsx-a11y/no-noninteractive-tabindex -- a wide table scrolls sideways on a phone, by keyboard too */}
      <section className="table-wrap" aria-label="Fitted parameters" tabIndex={0}>
        <table>
          <caption>
            The numbers no one publishes, as fitted. “Pinned down”: moving it a fifth of its range either way worsens the fit by at least one tolerance; “one
            side”: only one way; “not pinned down”: your figures say little about it, so its value is the base preset’s assumption more than your data.
          </caption>
          <thead>
            <tr>
              <th scope="col">Parameter</th>
              <th scope="col" className="num">
                Fitted
              </th>
              <th scope="col" className="num">
                Base
              </th>
              <th scope="col" className="num">
                Range
              </th>
              <th scope="col">Pinned down by your figures?</th>
              <th scope="col">Why this range</th>
            </tr>
          </thead>
          <tbody>
            {fit.parameters.map((p) => (
              <tr key={p.id} data-parameter={p.id}>
                <th scope="row">{p.label}</th>
                <td className="num">{fmtParam(p.value)}</td>
                <td className="num">{fmtParam(p.base)}</td>
                <td className="num">
                  {fmtParam(p.low)} to {fmtParam(p.high)}
                </td>
                <td>{p.identification === 'pinned' ? 'pinned down' : p.identification === 'one side' ? 'one side only' : 'not pinned down'}</td>
                <td className="small">{p.basis}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <div className="run-bar__actions">
        <button type="button" className="button" onClick={() => onUse(true)}>
          Open in Explore
        </button>
        <button type="button" className="button button--secondary" onClick={() => onUse(false)}>
          Save to My scenarios
        </button>
      </div>
      {saved && (
        <output className="status-line" data-fit-saved="">
          Saved “{saved}” to My scenarios. It is now the scenario Explore, Compare, the trainer and the report use.
        </output>
      )}
    </section>
  );
}
