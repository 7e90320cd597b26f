import { useState } from 'react';
import { useRunProgress, type RunActor } from './useRun.ts';
import { problemsOf } from '../../../scenario/parse.ts';
import { RunSettings } from '../../../worker/protocol.ts';
import { formatDuration } from '../format.ts';
import type { RunContext } from './runMachine.ts';
import type { RunProgress } from '../../../worker/pool.ts';

type SettingKey = keyof RunSettings;

const SETTING_LABELS: Record<SettingKey, string> = {
  reps: 'Replications',
  days: 'Days measured',
  warmupDays: 'Warm-up days',
  seed: 'Seed',
};

/** The run's length, replications and seed, each checked against the protocol's schema. */
export function RunSettingsFields({
  settings,
  onChange,
  idPrefix,
  only,
}: {
  settings: RunSettings;
  onChange: (s: RunSettings) => void;
  idPrefix: string;
  only?: SettingKey[];
}) {
  const [texts, setTexts] = useState<Record<SettingKey, string>>(() => ({
    reps: String(settings.reps),
    days: String(settings.days),
    warmupDays: String(settings.warmupDays),
    seed: String(settings.seed),
  }));
  const [errors, setErrors] = useState<Partial<Record<SettingKey, string>>>({});
  const keys: SettingKey[] = only ?? ['reps', 'days', 'warmupDays', 'seed'];
  const update = (k: SettingKey, text: string) => {
    const nextTexts = { ...texts, [k]: text };
    setTexts(nextTexts);
    const candidate = { ...settings, [k]: text.trim() === '' ? NaN : Number(text) };
    const parsed = RunSettings.safeParse(candidate, { reportInput: true });
    if (parsed.success) {
      setErrors({});
      onChange(parsed.data);
    } else {
      const next: Partial<Record<SettingKey, string>> = {};
      for (const p of problemsOf(parsed.error))
        next[p.path as SettingKey] = `${SETTING_LABELS[p.path as SettingKey] ?? 'This'} ${p.message.replace(/^must be a number$/, 'must be a whole number')}`;
      setErrors(next);
    }
  };
  return (
    <div className="run-settings">
      {keys.map((k) => {
        const id = `${idPrefix}-${k}`;
        const error = errors[k];
        return (
          <div className={`form-group${error ? ' form-group--error' : ''}`} key={k}>
            <label className="label" htmlFor={id}>
              {SETTING_LABELS[k]}
            </label>
            <p className="hint" id={`${id}-hint`}>
              {RunSettings.shape[k].description}
            </p>
            {error && (
              <span className="error-message" id={`${id}-error`}>
                <span className="visually-hidden">Error:</span> {error}
              </span>
            )}
            <input
              id={id}
              className={`input input--number${error ? ' input--error' : ''}`}
              type="text"
              inputMode="numeric"
              value={texts[k]}
              aria-invalid={error ? true : undefined}
              aria-describedby={`${id}-hint${error ? ` ${id}-error` : ''}`}
              onChange={(e) => update(k, e.target.value)}
            />
          </div>
        );
      })}
    </div>
  );
}

interface StatusProps {
  status: string;
  context: RunContext;
  /** The run's actor, so the progress bar follows every replication without redrawing the page. */
  actor?: RunActor;
  /** Noun for what a run is made of ("replications"). */
  idleText: string;
}

/**
 * Says when a run's replications were already computed before Run was pressed, so a run that
 * finished at once is not taken for a faster simulation: the pool computes the run on screen
 * ahead, keeps runs between visits, and a hosted build ships the presets' default runs
 * (src/worker/pool.ts, resultStore.ts, shippedRuns.ts); each is the same numbers as a fresh run.
 */
export function reusedNote(progress: RunProgress | null): string {
  const reused = progress?.reused ?? 0;
  if (!progress || reused === 0) return '';
  if (reused >= progress.total)
    return ' All had been computed before you pressed Run (ahead, on an earlier visit or when this version was built): the same numbers a fresh run gives.';
  return ` ${reused} of the ${progress.total} replications had been computed before you pressed Run.`;
}

/** Progress bar and a live status line: running, finished (with time), cancelled or failed. */
export function RunStatus({ status, context, actor, idleText }: StatusProps) {
  const live = useRunProgress(actor);
  const p = actor ? live : context.progress;
  const elapsed = context.finishedAt - context.startedAt;
  let text: string;
  if (status === 'running')
    text = p
      ? `Running: ${p.done} of ${p.total} replications done (${Math.round((100 * p.done) / p.total)}%).`
      : `Starting: ${context.job?.description ?? ''}…`;
  else if (status === 'done') text = `Finished ${context.resultJob?.description ?? ''} in ${formatDuration(elapsed)}.${reusedNote(context.progress)}`;
  else if (status === 'cancelled') text = context.result ? 'Cancelled. The results below are from the previous run.' : 'Cancelled.';
  else if (status === 'failed') text = '';
  else text = idleText;
  return (
    <div className="run-bar__status">
      {status === 'running' && <progress className="progress" max={p?.total ?? 1} value={p?.done ?? 0} aria-label="Simulation progress" />}
      {/* data-run-finished tells a run collected at once (computed ahead) from the one before it, for tests and the benchmark. */}
      <output className="status-line" data-run-status={status} data-run-finished={Math.round(context.finishedAt)}>
        {text}
      </output>
      {status === 'failed' && (
        <div className="notice notice--error" role="alert" style={{ marginTop: 10 }}>
          <h3>The run stopped</h3>
          <p style={{ whiteSpace: 'pre-wrap' }}>{context.error}</p>
          <p className="small">Nothing was lost: change the scenario or the run settings and run again.</p>
        </div>
      )}
    </div>
  );
}
