import { applyParameters, fitParametersFor, type FitParameter } from '../../scenario/fit/parameters.ts';
import { baseScenario, type BaseScaling } from '../../scenario/fit/base.ts';
import type { FitTargets } from '../../scenario/fit/targets.ts';
import { givenTargets } from '../../scenario/fit/targets.ts';
import { parseScenario } from '../../scenario/parse.ts';
import type { Scenario } from '../../scenario/schema.ts';
import type { MetricValues } from '../results.ts';
import { nelderMead } from './nelderMead.ts';
import { compareTargets, objective, type TargetComparison } from './objective.ts';

/**
 * Fits a scenario to a council's published figures (issue 15, item 3; DESIGN.md §56): from the
 * base (a preset scaled to the council), Nelder-Mead moves the unpublished parameters within
 * their ranges to minimise the sum of squared standardised errors. Every candidate runs on the
 * same seeds (common random numbers), so two candidates differ by their parameters, not their
 * luck. The search runs short and few replications; the fitted scenario then gets the full
 * check run. Around the fit, each parameter is moved one at a time to see whether the data pin
 * it down. Running scenarios is the caller's (`evaluate`): worker threads in the CLI, Web
 * Workers in the app.
 */

/** Settings of one batch of runs. */
export interface FitRunSettings {
  days: number;
  warmupDays: number;
  reps: number;
  seed: number;
}

/** Runs each scenario's replications on `run` and returns, per scenario, each replication's metrics. */
export type FitEvaluator = (scenarios: Scenario[], run: FitRunSettings) => Promise<MetricValues[][]>;

export interface FitOptions {
  /** The cheap runs of the search and the profile (default 2 replications of 180 days after 30). */
  search?: FitRunSettings;
  /** The final check of the fitted scenario (default 8 replications of 365 days after 90). */
  check?: FitRunSettings;
  /** At most this many candidate runs in the search (default 160). */
  maxEvaluations?: number;
  /** The parameters to fit (default: fitParametersFor the preset and targets). */
  parameters?: readonly FitParameter[];
  /** Asked between batches: true stops the fit (it then throws FitCancelledError). */
  shouldStop?: () => boolean;
  onProgress?: (p: FitProgress) => void;
}

export interface FitProgress {
  phase: 'search' | 'profile' | 'check';
  evaluations: number;
  maxEvaluations: number;
  /** The best objective so far (search runs). */
  best: number;
}

/** How well the data pin a parameter down: moved a fifth of its range either way, the objective rises by at least 1 on both sides, on one, or on neither. */
export type Identification = 'pinned' | 'one side' | 'not pinned';

export interface FittedParameter {
  id: string;
  label: string;
  basis: string;
  low: number;
  high: number;
  /** Its value in the base scenario. */
  base: number;
  value: number;
  /** The objective's rise (search runs) when the parameter moves a fifth of its range down and up (null at a bound). */
  rise: [number | null, number | null];
  identification: Identification;
}

export interface FitResult {
  scenario: Scenario;
  scaling: BaseScaling;
  parameters: FittedParameter[];
  comparisons: TargetComparison[];
  /** The objective of the fitted scenario on the search runs and on the check run. */
  searchObjective: number;
  checkObjective: number;
  /** True when every target is within its tolerance on the check run. */
  goodFit: boolean;
  evaluations: number;
  stop: 'converged' | 'maxEvaluations';
  search: FitRunSettings;
  check: FitRunSettings;
}

/** Thrown when `shouldStop` asks the fit to stop. */
export class FitCancelledError extends Error {
  constructor() {
    super('the fit was cancelled');
  }
}

export const DEFAULT_SEARCH: FitRunSettings = { days: 180, warmupDays: 30, reps: 2, seed: 2010 };
export const DEFAULT_CHECK: FitRunSettings = { days: 365, warmupDays: 90, reps: 8, seed: 2010 };
const PROFILE_STEP = 0.2;

/** How many parameters a fit of `preset` to `targets` moves by default (for progress bars). */
export function fitParameterCount(preset: Scenario, targets: FitTargets): number {
  return fitParametersFor(preset, targets.referralsNfaPct !== undefined).length;
}

/** Fits `preset` scaled to `targets` (see the module comment). Throws when no target is given. */
export async function fitScenario(preset: Scenario, targets: FitTargets, evaluate: FitEvaluator, opts: FitOptions = {}): Promise<FitResult> {
  if (givenTargets(targets).length === 0) throw new Error('give at least one published figure to fit to (only the population was given)');
  const search = opts.search ?? DEFAULT_SEARCH;
  const check = opts.check ?? DEFAULT_CHECK;
  const maxEvaluations = opts.maxEvaluations ?? 160;
  const params = opts.parameters ?? fitParametersFor(preset, targets.referralsNfaPct !== undefined);
  const { scenario: base, scaling } = baseScenario(preset, targets);
  const ranges = params.map((p) => p.range(base));
  const toValues = (u: readonly number[]) => u.map((ui, i) => ranges[i]![0] + ui * (ranges[i]![1] - ranges[i]![0]));
  const candidate = (u: readonly number[]) => applyParameters(base, params, toValues(u));
  let evaluations = 0;
  let best = Infinity;
  const progress = (phase: FitProgress['phase']) => opts.onProgress?.({ phase, evaluations, maxEvaluations, best });
  const stopIfAsked = () => {
    if (opts.shouldStop?.()) throw new FitCancelledError();
  };
  const evalPoints = async (points: number[][]) => {
    stopIfAsked();
    const runs = await evaluate(points.map(candidate), search);
    const fs = runs.map((reps) => objective(targets, reps, search.days));
    evaluations += points.length;
    best = Math.min(best, ...fs);
    return fs;
  };
  const start = params.map((p, i) => {
    const [lo, hi] = ranges[i]!;
    return hi > lo ? (p.baseValue(base) - lo) / (hi - lo) : 0.5;
  });
  const nm = await nelderMead(evalPoints, {
    start,
    maxEvaluations,
    shouldStop: opts.shouldStop,
    onProgress: () => progress('search'),
  });
  if (nm.stop === 'cancelled') throw new FitCancelledError();

  // One at a time around the fit: each parameter a fifth of its range down and up.
  progress('profile');
  const sides: { i: number; side: 0 | 1; u: number[] }[] = [];
  nm.x.forEach((ui, i) => {
    ([-1, 1] as const).forEach((dir, side) => {
      const moved = Math.min(1, Math.max(0, ui + dir * PROFILE_STEP));
      if (moved !== ui) sides.push({ i, side: side as 0 | 1, u: nm.x.map((v, j) => (j === i ? moved : v)) });
    });
  });
  // the fit itself was run on these seeds already: its objective is nm.f
  const f0 = nm.f;
  const fs = sides.length > 0 ? await evalPoints(sides.map((s) => s.u)) : [];
  const rises = params.map((): [number | null, number | null] => [null, null]);
  sides.forEach((s, k) => (rises[s.i]![s.side] = fs[k]! - f0));

  progress('check');
  stopIfAsked();
  const parsed = parseScenario(candidate(nm.x));
  if (!parsed.ok) throw new Error(`the fitted scenario is not valid: ${parsed.problems.map((p) => `${p.path}: ${p.message}`).join('; ')}`);
  const [checkReps] = await evaluate([parsed.value], check);
  const comparisons = compareTargets(targets, checkReps!, check.days);
  const values = toValues(nm.x);
  const parameters = params.map((p, i): FittedParameter => {
    const [down, up] = rises[i]!;
    const pinnedSides = [down, up].filter((r) => r !== null && r >= 1).length;
    const possibleSides = [down, up].filter((r) => r !== null).length;
    return {
      id: p.id,
      label: p.label,
      basis: p.basis,
      low: ranges[i]![0],
      high: ranges[i]![1],
      base: p.baseValue(base),
      value: values[i]!,
      rise: [down, up],
      identification: pinnedSides > 0 && pinnedSides === possibleSides ? 'pinned' : pinnedSides > 0 ? 'one side' : 'not pinned',
    };
  });
  return {
    scenario: parsed.value,
    scaling,
    parameters,
    comparisons,
    searchObjective: f0,
    checkObjective: objective(targets, checkReps!, check.days),
    goodFit: comparisons.every((c) => c.withinTolerance),
    evaluations,
    stop: nm.stop,
    search,
    check,
  };
}
