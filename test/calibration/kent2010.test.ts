import { beforeAll, describe } from 'vitest';
import { CALIBRATION_TARGETS, presetsNeeded, type CalibrationRun } from '../../src/cli/calibrationTargets.ts';
import { CALIBRATION_TIMEOUT_MS, runPresets, targetTests } from './harness.ts';

/**
 * Kent 2010 and its restructures against the documents (K10 = Kent inspection, October 2010):
 * the front door's documented figures, the duty teams' differing thresholds, and what each
 * restructure changes. Every preset runs on the same seeds, so comparisons are paired.
 */
const targets = CALIBRATION_TARGETS.filter((t) =>
  t.kind === 'comparison'
    ? t.lower.preset.startsWith('kent-2010') && t.higher.preset.startsWith('kent-2010')
    : (t.kind === 'band' && t.preset === 'kent-2010') || (t.kind === 'steady' && t.preset.startsWith('kent-2010')),
);

describe('Kent 2010 and its restructures reproduce the 2010 inspection', () => {
  let runs: Map<string, CalibrationRun>;
  // Twenty warm-started years per preset, as `npm run calibrate` runs them: minutes, not seconds.
  beforeAll(() => {
    runs = runPresets(presetsNeeded(targets));
  }, CALIBRATION_TIMEOUT_MS);
  targetTests(targets, () => runs);
});
