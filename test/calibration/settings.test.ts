import { describe, expect, it } from 'vitest';
import { CALIBRATION_RUN, CLI_REPS, TEST_REPS } from '../../src/cli/calibrationTargets.ts';
import { DEFAULT_RUN_SETTINGS } from '../../src/worker/protocol.ts';
import { readFileSync } from 'node:fs';

/**
 * `npm run calibrate` and the app's default run must show the same figures, so calibration runs
 * at the app's default settings (src/worker/protocol.ts, which src/ui/App.tsx opens on);
 * calibrationTargets.ts repeats the numbers and this test holds them equal.
 */
function appDefaults(): Record<string, number> {
  return DEFAULT_RUN_SETTINGS;
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

  it('the app opens on these settings', () => {
    const app = readFileSync(new URL('../../src/ui/App.tsx', import.meta.url), 'utf8');
    expect(app).toMatch(/DEFAULT_SETTINGS: RunSettings = DEFAULT_RUN_SETTINGS;/);
  });

  it('the tests assert the same replications the command prints', () => {
    expect(TEST_REPS).toBe(CLI_REPS);
  });
});
