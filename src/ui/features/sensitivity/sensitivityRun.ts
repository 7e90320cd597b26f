import { fieldBounds, sensitivityParameter, sensitivityVariants } from '../../../scenario/sensitivity.ts';
import type { Scenario } from '../../../scenario/schema.ts';
import { METRIC_NAMES, type FrameworkNaming } from '../../../sim/metricDefinitions.ts';
import { analyseSensitivity, type SensitivityAnalysis } from '../../../sim/sensitivity.ts';
import type { Runner } from '../../../worker/client.ts';
import type { RunSettings } from '../../../worker/protocol.ts';
import { formatValue } from '../../lib/format.ts';
import type { RunJob } from '../../lib/run/runMachine.ts';
import type { RowText } from './TornadoChart.tsx';

/** A finished sensitivity run: the scenario's name and the analysis of every measure. */
export interface SensitivityResult {
  scenarioName: string;
  /** The scenario's framework, so measures are named in its words (single assessments under Working Together 2013). */
  naming?: FrameworkNaming;
  analysis: SensitivityAnalysis;
}

/** The settings a sensitivity run starts with: the app's run, with 8 replications (each of ~35 scenarios). */
export const SENSITIVITY_SETTINGS: RunSettings = { days: 365, warmupDays: 90, reps: 8, seed: 2010 };

/**
 * The run of an analysis as a job for the run machine: the base and every variant in one call to
 * the page's runner (so one progress bar, one Cancel, and every scenario on the same seeds),
 * then the analysis of every measure. Throws at once if a variant breaks a scenario rule.
 */
export function sensitivityJob(scenario: Scenario, paths: readonly string[], settings: RunSettings, runner: Runner): RunJob {
  const plan = sensitivityVariants(scenario, paths);
  if (!plan.ok) throw new Error(plan.problems.map((p) => `${p.path}: ${p.message}`).join('; '));
  const { ranges, variants } = plan.value;
  return {
    description: `the scenario and ${variants.length} variants × ${settings.reps} replications`,
    inputKey: sensitivityInputKey(scenario, paths, settings),
    start: (signal, onProgress) =>
      runner([scenario, ...variants.map((v) => v.scenario)], settings, { signal, onProgress }).then(([base, ...rest]): SensitivityResult => ({
        scenarioName: scenario.name,
        naming: scenario.assessment,
        analysis: analyseSensitivity(
          base!,
          ranges,
          variants.map((v, i) => ({ path: v.path, side: v.side, batch: rest[i]! })),
          METRIC_NAMES,
        ),
      })),
  };
}

/** What identifies an analysis's inputs (so the view can say its result is out of date). */
export function sensitivityInputKey(scenario: Scenario | null, paths: readonly string[], settings: RunSettings): string {
  return JSON.stringify([scenario, [...paths].sort(), settings]);
}

/** A parameter's value as people read it: shares as percentages, others as plain numbers. */
export function formatParameterValue(path: string, v: number): string {
  const { min, max, integer } = fieldBounds(path);
  if (min === 0 && max === 1 && !integer) return formatValue(v, 'share');
  return Number(v.toPrecision(4)).toLocaleString('en-GB');
}

/** Row labels and values for the chart and tables. */
export const ROW_TEXT: RowText = { label: (path) => sensitivityParameter(path).label, value: formatParameterValue };
