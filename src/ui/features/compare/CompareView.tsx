import { memo, useDeferredValue, useState } from 'react';
import type { Scenario } from '../../../scenario/schema.ts';
import { SERIES_NAMES, type SeriesName } from '../../../sim/metricDefinitions.ts';
import type { RunSettings } from '../../../worker/protocol.ts';
import { downloadText } from '../../lib/download.ts';
import { COMPARE_SERIES, type ComparisonResult } from '../../lib/comparison.ts';
import { comparisonCsv, seriesCsv, summaryCsv } from '../../lib/csv.ts';
import { SeriesChart } from '../../lib/charts/SeriesChart.tsx';
import { SERIES_META } from '../../lib/seriesMeta.ts';
import { RunSettingsFields, RunStatus } from '../../lib/run/RunControls.tsx';
import type { RunActor } from '../../lib/run/useRun.ts';
import type { RunContext } from '../../lib/run/runMachine.ts';
import { EDITED_NAME_SUFFIX } from '../controls/editedScenario.ts';
import { ComparisonFindingsPanel } from '../../lib/findings/FindingsPanel.tsx';
import { ComparisonTable } from '../../lib/ComparisonTable.tsx';

/** The value of a slot: `current` (the scenario being edited) or a preset id. */
export type Slot = string;

/** Distinct labels for the chosen scenarios (a repeated name gets a number). */
export function slotLabels(scenarios: readonly Scenario[], slots: readonly Slot[]): string[] {
  const seen = new Map<string, number>();
  return scenarios.map((s, i) => {
    const base = slots[i] === 'current' && !s.name.endsWith(EDITED_NAME_SUFFIX) ? `${s.name}${EDITED_NAME_SUFFIX}` : s.name;
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    return n > 1 ? `${base} (${n})` : base;
  });
}

/** The most scenarios one comparison runs: a baseline and five alternatives (kent-2010 and its five restructures). */
export const MAX_SCENARIOS = 6;

interface Props {
  presets: readonly Scenario[];
  current: Scenario | null;
  slots: Slot[];
  setSlots: (slots: Slot[]) => void;
  settings: RunSettings;
  setSettings: (s: RunSettings) => void;
  status: string;
  context: RunContext;
  actor?: RunActor;
  onRun: (scenarios: Scenario[], labels: string[]) => void;
  onCancel: () => void;
  onOpenReport: () => void;
}

/** Two to six scenarios (a baseline and up to five alternatives) run on the same seeds: a table of every measure with paired differences, and overlaid charts. */
export function CompareView({ presets, current, slots, setSlots, settings, setSettings, status, context, actor, onRun, onCancel, onOpenReport }: Props) {
  const resolve = (slot: Slot): Scenario | null => (slot === 'current' ? current : (presets.find((p) => p.id === slot) ?? null));
  const chosen = slots.map(resolve);
  const ready = chosen.every((s): s is Scenario => s !== null);
  const result = context.result as ComparisonResult | null;
  const deferred = useDeferredValue(result, null);
  const running = status === 'running';
  return (
    <div>
      <h1>Compare scenarios</h1>
      <p className="lede">
        Run two to six scenarios on the same random numbers (the same children, arriving at the same times), so the differences you see come from the changes,
        not from chance.
      </p>
      <form
        className="panel no-print"
        onSubmit={(e) => {
          e.preventDefault();
          if (ready) onRun(chosen as Scenario[], slotLabels(chosen as Scenario[], slots));
        }}
        aria-labelledby="compare-choose"
      >
        <h2 id="compare-choose" style={{ fontSize: 19 }}>
          Scenarios to compare
        </h2>
        <div className="slots">
          {slots.map((slot, i) => (
            <div className="form-group" key={i}>
              <label className="label" htmlFor={`slot-${i}`}>
                {i === 0 ? 'Scenario A (baseline)' : `Scenario ${String.fromCharCode(65 + i)}`}
              </label>
              <select
                id={`slot-${i}`}
                className="select input--wide"
                value={slot}
                onChange={(e) => {
                  const next = [...slots];
                  next[i] = e.target.value;
                  setSlots(next);
                }}
              >
                <option value="current">Your scenario, as edited{current ? `: ${current.name}` : ' (has problems)'}</option>
                {presets.map((p) => (
                  <option key={p.id} value={p.id}>
                    Preset: {p.name}
                  </option>
                ))}
              </select>
              {slots.length > 2 && (
                <button type="button" className="link-button small" onClick={() => setSlots(slots.filter((_, j) => j !== i))}>
                  Remove scenario {String.fromCharCode(65 + i)}
                </button>
              )}
            </div>
          ))}
        </div>
        {slots.length < MAX_SCENARIOS && (
          <button type="button" className="button button--secondary button--small slots__add" onClick={() => setSlots([...slots, 'current'])}>
            Add a scenario
          </button>
        )}
        {!ready && (
          <p className="error-message" role="alert">
            Your edited scenario has problems. Fix them on the Explore tab, or choose a preset.
          </p>
        )}
        <div className="run-bar" style={{ background: 'transparent', padding: 0 }}>
          <RunSettingsFields settings={settings} onChange={setSettings} idPrefix="compare" />
          <div className="run-bar__actions">
            <button type="submit" className="button" disabled={!ready}>
              Run comparison
            </button>
            {running && (
              <button type="button" className="button button--warning" onClick={onCancel}>
                Cancel
              </button>
            )}
          </div>
          <RunStatus status={status} context={context} actor={actor} idleText="Not run yet. Choose the scenarios, then run the comparison." />
        </div>
      </form>
      {!result && status !== 'running' && <div className="empty-state">Not run yet.</div>}
      {deferred && <ComparisonResults result={deferred} onOpenReport={onOpenReport} />}
    </div>
  );
}

/** The results of a comparison (a memoised, deferred render: it can be large). */
const ComparisonResults = memo(function ComparisonResults({ result, onOpenReport }: { result: ComparisonResult; onOpenReport: () => void }) {
  const [extraSeries, setExtraSeries] = useState<SeriesName>('doubleScreened');
  // Each batch with its scenario, so the charts mark the scenarios' timeline changes.
  const charted = result.batches.map((b, i) => (result.scenarios[i] ? { ...b, scenario: result.scenarios[i] } : b));
  return (
    <section aria-labelledby="comparison-results" data-testid="comparison-results">
      <h2 id="comparison-results">Results</h2>
      <p>
        {result.batches.length} scenarios, each {result.batches[0]?.batch.reps} replications of {result.batches[0]?.batch.days} days (
        {result.batches[0]?.batch.warmupDays} days warm-up), on the same seeds (base seed {result.batches[0]?.batch.seed}). A difference is marked clear when
        its paired 95% confidence interval excludes zero.
      </p>
      <div className="button-group no-print">
        <button
          type="button"
          className="button button--secondary button--small"
          onClick={() => downloadText('comparison.csv', comparisonCsv(result.batches), 'text/csv;charset=utf-8')}
        >
          Download comparison (CSV)
        </button>
        <button
          type="button"
          className="button button--secondary button--small"
          onClick={() => downloadText('comparison-summary.csv', summaryCsv(result.batches), 'text/csv;charset=utf-8')}
        >
          Every measure per scenario (CSV)
        </button>
        <button
          type="button"
          className="button button--secondary button--small"
          onClick={() => downloadText('comparison-weekly.csv', seriesCsv(result.batches), 'text/csv;charset=utf-8')}
        >
          Weekly series (CSV)
        </button>
        <button type="button" className="button button--small" onClick={onOpenReport}>
          Printable report for a meeting
        </button>
      </div>
      <ComparisonFindingsPanel batches={result.batches} scenarios={result.scenarios} />
      <h3>Over simulated time</h3>
      <div className="chart-grid chart-grid--wide">
        {COMPARE_SERIES.map((n) => (
          <SeriesChart key={n} batches={charted} name={n} />
        ))}
      </div>
      <div className="form-group no-print">
        <label className="label" htmlFor="extra-series">
          Another series to overlay
        </label>
        <select id="extra-series" className="select" value={extraSeries} onChange={(e) => setExtraSeries(e.target.value as SeriesName)}>
          {SERIES_NAMES.filter((n) => !COMPARE_SERIES.includes(n)).map((n) => (
            <option key={n} value={n}>
              {SERIES_META[n].label}
            </option>
          ))}
        </select>
      </div>
      <SeriesChart batches={charted} name={extraSeries} />
      <ComparisonTable batches={result.batches} />
    </section>
  );
});
