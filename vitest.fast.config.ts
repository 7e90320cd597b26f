import { configDefaults, defineConfig } from 'vitest/config';
import unitConfig from './vite.config.ts';

/**
 * The fast tier (`npm run test:fast`, after typecheck and lint): unit and property tests, under a
 * minute on two cores. Whole folders are in, so a new unit test joins by itself; what is left out
 * is either a folder of slow intent (calibration, metamorphic, long validation, fuzz, e2e) or a
 * named file with the reason. `npm test` still runs everything (vite.config.ts, then the e2e).
 */
export const FAST_INCLUDE = [
  'test/*.test.ts',
  'test/build/**/*.test.ts',
  'test/cli/**/*.test.ts',
  'test/docs/**/*.test.ts',
  'test/models/**/*.test.ts',
  'test/properties/**/*.test.ts',
  'test/scenario/**/*.test.ts',
  'test/sim/**/*.test.ts',
  'test/ui/**/*.test.{ts,tsx}',
  'test/worker/**/*.test.ts',
  'test/validation/erlangC.test.ts', // the formula the validation tests use; no simulation
];

/** Files in the folders above that the fast tier leaves to `npm test`, each with why. */
export const FAST_EXCLUDE: Record<string, string> = {
  'test/cli/bin.test.ts': 'builds the CLI with esbuild and runs it as a separate process',
  'test/cli/lostResults.test.ts': 'runs the built CLI as separate processes (signals, full disks)',
  'test/cli/streamJson.test.ts': 'writes a result larger than V8’s longest string (12 s)',
  'test/cli/sweep.test.ts': 'runs a sweep twice through the CLI, warm-starting three counties',
  'test/sim/steadiness.test.ts': 'year-long warm-started batches of pressured counties',
  'test/ui/findings.engine.test.ts': 'batches of the kent-2010 presets from warm starts',
  'test/sim/recordDigest.test.ts': 'warm-start templates of every preset, to pin their records (11 s)',
  'test/cli/sensitivity.test.ts': 'runs sensitivity batches through the CLI, with worker threads (6 s)',
  'test/sim/fit/roundTrip.test.ts': 'fits two small councils back from their figures, a few hundred short runs (20 s)',
  'test/cli/fit.test.ts': 'a short fit of a small council through the CLI (15 s)',
  'test/cli/simulate.test.ts': 'runs the CLI on warm-started batches (5 s)',
  'test/sim/limits.test.ts': 'drives runs into their event and open-case guards (6 s)',
  'test/sim/timelineAcceptance.test.ts': 'two warm-started kent-2010 batches of ten year-long replications (about 25 s)',
  'test/sim/warmStartTransferSteady.test.ts': 'a warm-started kent-2010 batch of eight year-long replications (about 5 s)',
};

export default defineConfig(async (env) => {
  const base = await unitConfig(env);
  return {
    ...base,
    test: {
      ...base.test,
      include: FAST_INCLUDE,
      exclude: [...configDefaults.exclude, 'test/e2e/**', ...Object.keys(FAST_EXCLUDE)],
      // One module graph per worker instead of one per file: most of a short test file's time is
      // importing the engine and the schema. No test stubs globals or mocks modules (vi.mock),
      // so sharing is safe; `npm test` keeps vitest's default isolation.
      isolate: false,
    },
  };
});
