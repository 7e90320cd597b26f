import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { CALIBRATION_RUN, CLI_REPS, TEST_REPS } from '../../src/cli/calibrationTargets.ts';

/**
 * `npm run calibrate` and the app's default run must show the same figures, so calibration runs
 * at the app's default settings. src/cli may not import src/ui (dependency direction), so this
 * reads the app's defaults from its source.
 */
const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const app = readFileSync(join(root, 'src/ui/App.tsx'), 'utf8');

/** The numeric fields of the app's DEFAULT_SETTINGS literal. */
function appDefaults(): Record<string, number> {
  const literal = /DEFAULT_SETTINGS\s*:\s*RunSettings\s*=\s*\{([^}]*)\}/.exec(app)?.[1];
  if (!literal) throw new Error('src/ui/App.tsx no longer declares DEFAULT_SETTINGS as a literal: update this test');
  return Object.fromEntries([...literal.matchAll(/(\w+)\s*:\s*(\d+)/g)].map((m) => [m[1]!, Number(m[2])]));
}

describe('calibration runs at the app default', () => {
  it('days measured, warm-up, seed and replications are the app defaults', () => {
    const d = appDefaults();
    expect({ days: CALIBRATION_RUN.days, warmupDays: CALIBRATION_RUN.warmupDays, seed: CALIBRATION_RUN.seed, reps: CLI_REPS }).toEqual({
      days: d.days,
      warmupDays: d.warmupDays,
      seed: d.seed,
      reps: d.reps,
    });
  });

  it('the tests assert the same replications the command prints', () => {
    expect(TEST_REPS).toBe(CLI_REPS);
  });
});
