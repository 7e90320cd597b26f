import type { FitTargets } from '../../../scenario/fit/targets.ts';
import type { Scenario } from '../../../scenario/schema.ts';
import { DEFAULT_CHECK, DEFAULT_SEARCH, fitParameterCount, fitScenario, type FitEvaluator, type FitResult } from '../../../sim/fit/fit.ts';
import type { Runner } from '../../../worker/client.ts';
import type { RunJob } from '../../lib/run/runMachine.ts';

/** A finished fit and the figures it was fitted to. */
export interface FitOutcome {
  targets: FitTargets;
  fit: FitResult;
}

/** How long the search may run: a quick look, or the CLI's default. */
export const SEARCH_LENGTHS = { quick: 60, thorough: 160 } as const;
export type SearchLength = keyof typeof SEARCH_LENGTHS;

/**
 * A fit as a job for the run machine: every candidate scenario runs in the page's Web Workers
 * (the runner), all on the same seeds; progress counts candidate runs; Cancel aborts the batch
 * under way and stops the search.
 */
export function fitJob(preset: Scenario, targets: FitTargets, length: SearchLength, runner: Runner): RunJob {
  const maxEvaluations = SEARCH_LENGTHS[length];
  // the search, then about two runs a parameter around the fit, then the check
  const total = maxEvaluations + 2 * fitParameterCount(preset, targets) + 2;
  return {
    description: `a fit of “${targets.name}” from ${preset.name} (up to ${maxEvaluations} candidate runs)`,
    inputKey: JSON.stringify([preset.id, targets, length]),
    start: (signal, onProgress) => {
      let last = performance.now();
      const evaluate: FitEvaluator = (scenarios, run) => runner(scenarios, run, { signal }).then((bs) => bs.map((b) => b.replications.map((r) => r.metrics)));
      return fitScenario(preset, targets, evaluate, {
        search: DEFAULT_SEARCH,
        check: DEFAULT_CHECK,
        maxEvaluations,
        shouldStop: () => signal.aborted,
        onProgress: (p) => {
          const now = performance.now();
          onProgress({ done: Math.min(total - 1, p.evaluations), total, lastReplicationMs: now - last });
          last = now;
        },
      }).then((fit): FitOutcome => ({ targets, fit }));
    },
  };
}
