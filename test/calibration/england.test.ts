import { beforeAll, describe } from 'vitest';
import { CALIBRATION_TARGETS, presetsNeeded, type CalibrationRun } from '../../src/cli/calibrationTargets.ts';
import { CALIBRATION_TIMEOUT_MS, runPresets, targetTests } from './harness.ts';

/**
 * The England presets (issue 15 item 2) against England's published figures
 * (shared/research/national-figures.md): an average authority of 100,000 children in 2023-24
 * (a MASH, single assessments under Working Together 2013) and in 2009-10 (Working Together
 * 2010), each within its national bands, in a steady state, on the calibration seeds.
 */
const england = (id: string) => id.startsWith('england-');
const targets = CALIBRATION_TARGETS.filter((t) =>
  t.kind === 'comparison' ? england(t.lower.preset) || england(t.higher.preset) : (t.kind === 'band' || t.kind === 'steady') && england(t.preset),
);

describe('the England presets meet their national bands', () => {
  let runs: Map<string, CalibrationRun>;
  // Twenty warm-started years per preset, as `npm run calibrate` runs them.
  beforeAll(() => {
    runs = runPresets(presetsNeeded(targets));
  }, CALIBRATION_TIMEOUT_MS);
  targetTests(targets, () => runs);
});
