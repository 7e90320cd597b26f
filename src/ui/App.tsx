import { lazy, Suspense, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { Scenario } from '../scenario/schema.ts';
import type { KeyValueStore } from '../scenario/storage.ts';
import { decodeScenario, encodeScenario, isScenarioFragment } from '../scenario/urlCodec.ts';
import type { BatchResult } from '../sim/results.ts';
import type { Runner } from '../worker/client.ts';
import { DEFAULT_RUN_SETTINGS, type RunSettings } from '../worker/protocol.ts';
import { AboutView } from './AboutView.tsx';
import { BoardFromExplore } from './features/report/BoardFromExplore.tsx';
import { CompareView, type Slot } from './features/compare/CompareView.tsx';
import { toComparison, type ComparisonResult } from './lib/comparison.ts';
import { presetIdOf } from './features/controls/editedScenario.ts';
import { ScenarioEditor } from './features/controls/ScenarioEditor.tsx';
import { pathLabel } from './lib/labels.ts';
import { useScenarioStore } from './features/controls/useScenarioStore.ts';
import { ReportView } from './features/report/ReportView.tsx';
import { CapacityPanel } from './features/results/CapacityPanel.tsx';
import type { LabelledBatch } from './lib/csv.ts';
import { ResultsView } from './features/results/ResultsView.tsx';
import { RunDock, runBlockedReason } from './features/run/RunDock.tsx';
import { RunSettingsFields } from './lib/run/RunControls.tsx';
import { useRun } from './lib/run/useRun.ts';
import type { RunJob } from './lib/run/runMachine.ts';
import { ScenarioActions } from './features/share/ScenarioActions.tsx';
import { SweepView, type SweepForm, type SweepResult } from './features/sweep/SweepView.tsx';
import { SensitivityView } from './features/sensitivity/SensitivityView.tsx';
import { SENSITIVITY_SETTINGS, sensitivityJob } from './features/sensitivity/sensitivityRun.ts';
import { FitView } from './features/fit/FitView.tsx';
import { fitJob } from './features/fit/fitRun.ts';
import { LibraryNotices } from './features/library/LibraryNotices.tsx';
import { LibraryView } from './features/library/LibraryView.tsx';
import { useLibrarySession } from './features/library/useLibrarySession.ts';
import { addressLength, shareableUrl, writeAddressFragment } from './features/share/addressFragment.ts';
import type { Opening, OpeningNotice } from './initialScenario.ts';

type View = 'explore' | 'library' | 'fit' | 'compare' | 'sweep' | 'sensitivity' | 'report' | 'trainer' | 'about';
const VIEWS: { id: View; label: string }[] = [
  { id: 'explore', label: 'Explore' },
  { id: 'library', label: 'My scenarios' },
  { id: 'fit', label: 'Fit my authority' },
  { id: 'compare', label: 'Compare' },
  { id: 'sweep', label: 'Sweep' },
  { id: 'sensitivity', label: 'Sensitivity' },
  { id: 'report', label: 'Report' },
  { id: 'trainer', label: 'Trainer' },
  { id: 'about', label: 'About' },
];

/** The trainer's animated pathway, loaded only when opened (its own code and styles). */
const TrainerView = lazy(() => import('./features/trainer/TrainerView.tsx').then((m) => ({ default: m.TrainerView })));

/** Runs that took less than this are re-run automatically after a change (milliseconds). */
export const AUTO_RERUN_LIMIT_MS = 10_000;
const AUTO_RERUN_DELAY_MS = 800;

export const DEFAULT_SETTINGS: RunSettings = DEFAULT_RUN_SETTINGS;

interface Props {
  presets: readonly Scenario[];
  initial: Opening;
  runner: Runner;
  /** This tab's session storage (which library entry it has open), if the browser allows it. */
  session: KeyValueStore | null;
  /** This browser's local storage, for the safety copy of an edit not yet saved (library/rescue.ts); none in tests that do not give it. */
  local?: KeyValueStore | null;
}

/** The first problem with the draft, as "Label must be …" (null when there is none). */
function firstProblem(...lists: { path: string; message: string }[][]): string | null {
  const p = lists.flat()[0];
  return p ? `${pathLabel(p.path)} ${p.message}` : null;
}

/** The workspace: edit a scenario, run it, compare scenarios, sweep a setting, print a report. */
export function App({ presets, initial, runner, session, local = null }: Props) {
  const [view, setView] = useState<View>('explore');
  const [notice, setNotice] = useState<OpeningNotice | null>(initial.notice);
  const store = useScenarioStore(initial.scenario, initial.origin);
  const { scenario } = store;
  const [settings, setSettings] = useState<RunSettings>(DEFAULT_SETTINGS);
  const [autoRerun, setAutoRerun] = useState(true);
  const [explore, sendExplore, exploreActor] = useRun();
  const [compare, sendCompare, compareActor] = useRun();
  const [sweep, sendSweep, sweepActor] = useRun();
  const [sensitivity, sendSensitivity, sensitivityActor] = useRun();
  const [fit, sendFit, fitActor] = useRun();
  const [sensitivitySettings, setSensitivitySettings] = useState<RunSettings>(SENSITIVITY_SETTINGS);
  const [slots, setSlots] = useState<Slot[]>(() => {
    // Baseline: the default preset; against it, a restructure of it if there is one.
    const base = presets[0];
    const other = presets.find((p) => base && p.id.startsWith(`${base.id}-`)) ?? presets.find((p) => p.id !== base?.id);
    return [base?.id ?? 'current', other && initial.origin.startsWith('preset') ? other.id : 'current'];
  });
  const [compareSettings, setCompareSettings] = useState<RunSettings>(DEFAULT_SETTINGS);
  const [sweepSettings, setSweepSettings] = useState<RunSettings>({ ...DEFAULT_SETTINGS, reps: 10 });
  const [sweepForm, setSweepForm] = useState<SweepForm>({ parameterId: 'socialWorkerPosts', from: '4', to: '16', steps: '4' });
  const mainRef = useRef<HTMLElement>(null);
  const runOnOpen = useRef(initial.origin === 'link');

  // Keep the scenario in the address (#fragment) while it is valid and short enough, and every draft in the library.
  const encoded = useMemo(() => (scenario ? encodeScenario(scenario) : null), [scenario]);
  useEffect(() => {
    const t = setTimeout(() => writeAddressFragment(encoded), 250);
    return () => clearTimeout(t);
  }, [encoded]);
  const shareUrl = shareableUrl(encoded);
  const library = useLibrarySession({
    start: initial.library,
    state: store.state,
    valid: store.problems.length === 0,
    dispatch: store.dispatch,
    linkLength: encoded ? addressLength(encoded) : null,
    session,
    local,
    onShowLibrary: () => goTo('library'),
  });

  // A link pasted into this tab's address bar opens its scenario.
  const { dispatch } = store;
  useEffect(() => {
    const onHash = () => {
      if (!isScenarioFragment(location.hash) || location.hash.slice(1) === encoded) return;
      let parsed: ReturnType<typeof decodeScenario>;
      try {
        parsed = decodeScenario(location.hash);
      } catch (e) {
        parsed = { ok: false, problems: [{ path: '', message: `the link could not be read (${(e as Error).message})` }] };
      }
      if (parsed.ok) {
        dispatch({ type: 'replace', scenario: parsed.value, origin: 'link' });
        runOnOpen.current = true;
      } else setNotice({ kind: 'error', title: 'The scenario in this link could not be used. Your scenario is unchanged.', problems: parsed.problems });
    };
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, [dispatch, encoded]);

  const exploreKey = useMemo(() => (scenario ? JSON.stringify([scenario, settings]) : null), [scenario, settings]);
  const startExplore = useCallback(() => {
    if (!scenario || !exploreKey) return;
    const job: RunJob = {
      description: `${settings.reps} replications of “${scenario.name}”`,
      inputKey: exploreKey,
      start: (signal, onProgress) =>
        runner([scenario], settings, { signal, onProgress }).then((r): LabelledBatch => ({ label: scenario.name, batch: r[0] as BatchResult, scenario })),
    };
    sendExplore({ type: 'RUN', job, now: performance.now() });
  }, [scenario, settings, exploreKey, runner, sendExplore]);

  // Get the run the user is looking at ready in the background while they read the screen, a
  // moment after the last change: its warm-start templates, then its replications at low priority
  // (worker/pool.ts), so pressing Run collects results already computed. The same numbers as a
  // cold run: a replication depends only on its scenario, settings, seed and number.
  const compareChosen = useMemo(
    () => slots.map((slot) => (slot === 'current' ? scenario : (presets.find((p) => p.id === slot) ?? null))),
    [slots, scenario, presets],
  );
  useEffect(() => {
    if (!runner.prepare) return;
    // Only where a Run button is on screen: elsewhere (the trainer's animation, a sweep) the
    // cores are the user's.
    const onCompare = view === 'compare' && compareChosen.every((s) => s !== null);
    if (!onCompare && (view !== 'explore' || !scenario)) return;
    const timer = setTimeout(() => {
      if (onCompare) runner.prepare?.(compareChosen as Scenario[], compareSettings);
      else if (scenario) runner.prepare?.([scenario], settings);
    }, 400);
    return () => clearTimeout(timer);
  }, [scenario, settings, runner, view, compareChosen, compareSettings]);

  // Re-run small runs automatically, a moment after the last change.
  const lastRunMs = explore.context.finishedAt - explore.context.startedAt;
  const hasResult = explore.context.result !== null;
  useEffect(() => {
    if (!autoRerun || !exploreKey || !hasResult || lastRunMs > AUTO_RERUN_LIMIT_MS) return;
    if (explore.context.resultJob?.inputKey === exploreKey || explore.context.job?.inputKey === exploreKey) return;
    const t = setTimeout(startExplore, AUTO_RERUN_DELAY_MS);
    return () => clearTimeout(t);
    // Only a change of inputs schedules a re-run.
  }, [exploreKey]); // eslint-disable-line react-hooks/exhaustive-deps

  const exploreResult = explore.context.result as LabelledBatch | null;
  const exploreBatch = exploreResult?.batch ?? null;
  const stale = exploreBatch !== null && explore.context.resultJob?.inputKey !== exploreKey;

  const runCompare = (scenarios: Scenario[], labels: string[], runWith: RunSettings = compareSettings) => {
    const job: RunJob = {
      description: `${scenarios.length} scenarios × ${runWith.reps} replications`,
      inputKey: JSON.stringify([scenarios, runWith]),
      start: (signal, onProgress) => runner(scenarios, runWith, { signal, onProgress }).then((batches) => toComparison(scenarios, labels, batches)),
    };
    sendCompare({ type: 'RUN', job, now: performance.now() });
  };
  const runSweep = (parameterId: string, values: number[], scenarios: Scenario[], extra: Partial<SweepResult> = {}) => {
    const baseName = scenario?.name ?? '';
    const naming = scenario?.assessment;
    const job: RunJob = {
      description: `${values.length} values × ${sweepSettings.reps} replications`,
      inputKey: JSON.stringify([parameterId, values, scenarios[0], sweepSettings]),
      start: (signal, onProgress) =>
        runner(scenarios, sweepSettings, { signal, onProgress }).then((batches): SweepResult => ({
          parameterId,
          values,
          batches,
          baseName,
          ...(naming ? { naming } : {}),
          ...extra,
        })),
    };
    sendSweep({ type: 'RUN', job, now: performance.now() });
  };

  // A shared link opens with its results: run it as soon as its scenario is ready.
  useEffect(() => {
    if (!runOnOpen.current || !scenario) return;
    runOnOpen.current = false;
    startExplore();
  }, [scenario, startExplore]);

  const goTo = useCallback((v: View) => {
    setView(v);
    requestAnimationFrame(() => mainRef.current?.focus());
  }, []);
  const openReport = useCallback(() => goTo('report'), [goTo]);

  // Explore's board summary: the edited scenario against the preset it came from, on Explore's settings.
  const basePreset = scenario ? (presets.find((p) => p.id === (presetIdOf(scenario.id) ?? '')) ?? presets[0] ?? null) : null;
  const summariseAgainstPreset = () => {
    if (!scenario || !basePreset) return;
    setSlots([basePreset.id, 'current']);
    setCompareSettings(settings);
    runCompare([basePreset, scenario], [basePreset.name, scenario.name === basePreset.name ? `${scenario.name} (as it is)` : scenario.name], settings);
    goTo('report');
  };

  return (
    <>
      <a
        className="skip-link"
        href="#main"
        onClick={(e) => {
          e.preventDefault();
          mainRef.current?.focus();
        }}
      >
        Skip to main content
      </a>
      <header className="app-header">
        <p className="app-header__title">Front Door</p>
        <p className="app-header__tagline">A simulator of the children’s social care front door</p>
        <p className="app-header__note">Runs in your browser. Nothing leaves this computer.</p>
      </header>
      <nav className="app-nav" aria-label="Views">
        <ul>
          {VIEWS.map((v) => (
            <li key={v.id}>
              <button type="button" aria-current={view === v.id ? 'page' : undefined} onClick={() => goTo(v.id)}>
                {v.label}
              </button>
            </li>
          ))}
        </ul>
      </nav>
      <main id="main" ref={mainRef} tabIndex={-1} aria-label={VIEWS.find((v) => v.id === view)?.label}>
        {notice && (
          <div className={`notice ${notice.kind === 'error' ? 'notice--error' : 'notice--info'}`} role={notice.kind === 'error' ? 'alert' : undefined}>
            <h2>{notice.title}</h2>
            {notice.problems.length > 0 && (
              <ul className="small">
                {notice.problems.slice(0, 10).map((p, i) => (
                  <li key={i}>
                    {p.path ? `${p.path}: ` : ''}
                    {p.message}
                  </li>
                ))}
              </ul>
            )}
            <button type="button" className="link-button" onClick={() => setNotice(null)}>
              Dismiss this message
            </button>
          </div>
        )}
        <LibraryNotices notices={library.notices} onAct={library.act} onDismiss={library.dismiss} />
        {view === 'library' && <LibraryView session={library} />}
        {view === 'explore' && (
          <div className="workspace">
            <div className="workspace__head">
              <h1>{store.state.draft.name}</h1>
            </div>
            <RunDock
              formId="explore-run"
              label="Run simulation"
              disabledReason={
                scenario ? null : runBlockedReason(store.fieldErrorList.length + store.problems.length, firstProblem(store.fieldErrorList, store.problems))
              }
              running={explore.matches('running')}
              onCancel={() => sendExplore({ type: 'CANCEL' })}
              status={String(explore.value)}
              context={explore.context}
              actor={exploreActor}
              idleText="Not run yet."
            />
            <form
              id="explore-run"
              className="run-bar no-print"
              noValidate
              onSubmit={(e) => {
                e.preventDefault();
                startExplore();
              }}
              aria-label="Run settings"
            >
              <RunSettingsFields settings={settings} onChange={setSettings} idPrefix="run" />
              <div className="checkbox">
                <input id="auto-rerun" type="checkbox" checked={autoRerun} onChange={(e) => setAutoRerun(e.target.checked)} />
                <label htmlFor="auto-rerun" className="small">
                  Re-run after each change (runs under {AUTO_RERUN_LIMIT_MS / 1000} s)
                </label>
              </div>
            </form>
            <section className="workspace__side" aria-label="Scenario">
              <ScenarioActions
                presets={presets}
                scenario={scenario}
                canUndo={store.state.past.length > 0}
                canRedo={store.state.future.length > 0}
                dispatch={store.dispatch}
                shareUrl={shareUrl}
              />
              <ScenarioEditor
                key={store.state.revision}
                draft={store.state.draft}
                problems={store.problems}
                fieldErrors={store.fieldErrorList}
                onCommit={store.commit}
                onFieldError={store.reportFieldError}
                dispatch={store.dispatch}
              />
            </section>
            <div className="workspace__main">
              <BoardFromExplore scenario={scenario} preset={basePreset} onRequest={summariseAgainstPreset} />
              {scenario && <CapacityPanel scenario={scenario} batch={stale ? null : exploreBatch} />}
              {stale && !explore.matches('running') && (
                <output className="notice notice--info status-line">
                  The scenario or run settings have changed since these results. Run again to bring them up to date.
                </output>
              )}
              {exploreResult ? (
                <ResultsView label={exploreResult.label} batch={exploreResult.batch} scenario={exploreResult.scenario} />
              ) : (
                !explore.matches('running') && <div className="empty-state">Not run yet.</div>
              )}
            </div>
          </div>
        )}
        {view === 'fit' && (
          <FitView
            presets={presets}
            status={String(fit.value)}
            context={fit.context}
            actor={fitActor}
            onRun={(preset, targets, length) => sendFit({ type: 'RUN', job: fitJob(preset, targets, length, runner), now: performance.now() })}
            onCancel={() => sendFit({ type: 'CANCEL' })}
            onUse={(fitted, open) => {
              dispatch({ type: 'replace', scenario: fitted, origin: 'fit my authority' });
              if (open) goTo('explore');
            }}
          />
        )}
        {view === 'compare' && (
          <CompareView
            presets={presets}
            current={scenario}
            slots={slots}
            setSlots={setSlots}
            settings={compareSettings}
            setSettings={setCompareSettings}
            status={String(compare.value)}
            context={compare.context}
            actor={compareActor}
            onRun={runCompare}
            onCancel={() => sendCompare({ type: 'CANCEL' })}
            onOpenReport={openReport}
          />
        )}
        {view === 'sweep' && (
          <SweepView
            current={scenario}
            form={sweepForm}
            setForm={setSweepForm}
            settings={sweepSettings}
            setSettings={setSweepSettings}
            status={String(sweep.value)}
            context={sweep.context}
            actor={sweepActor}
            onRun={runSweep}
            onCancel={() => sendSweep({ type: 'CANCEL' })}
          />
        )}
        {view === 'sensitivity' && (
          <SensitivityView
            current={scenario}
            settings={sensitivitySettings}
            setSettings={setSensitivitySettings}
            status={String(sensitivity.value)}
            context={sensitivity.context}
            actor={sensitivityActor}
            onRun={(paths) =>
              scenario && sendSensitivity({ type: 'RUN', job: sensitivityJob(scenario, paths, sensitivitySettings, runner), now: performance.now() })
            }
            onCancel={() => sendSensitivity({ type: 'CANCEL' })}
          />
        )}
        {view === 'report' && (
          <ReportView
            comparison={compare.context.result as ComparisonResult | null}
            onGoToCompare={() => goTo('compare')}
            running={compare.matches('running')}
          />
        )}
        {view === 'trainer' && (
          <Suspense fallback={<p className="secondary-text">Loading the trainer view…</p>}>
            <TrainerView presets={presets} runner={runner} />
          </Suspense>
        )}
        {view === 'about' && <AboutView />}
      </main>
      <footer className="app-footer">
        Front Door simulates the front door of children’s social care in England for service design and training. Its numbers come from a model, not from case
        records.
      </footer>
    </>
  );
}
