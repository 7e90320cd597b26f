import { runReplication } from '../../../src/sim/batch.ts';
import type { FitEvaluator } from '../../../src/sim/fit/fit.ts';

/** Runs candidates one after another in this thread (the tests' evaluator; same seeds as the CLI's pool). */
export const inProcess: FitEvaluator = async (scenarios, run) =>
  scenarios.map((s) =>
    Array.from({ length: run.reps }, (_, rep) => runReplication(s, { days: run.days, warmupDays: run.warmupDays, seed: run.seed, rep }).metrics),
  );
