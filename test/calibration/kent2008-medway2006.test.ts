import { beforeAll, describe } from 'vitest';
import { CALIBRATION_TARGETS, presetsNeeded, type CalibrationRun } from '../../src/cli/calibrationTargets.ts';
import { CALIBRATION_TIMEOUT_MS, runPresets, targetTests } from './harness.ts';

/**
 * Kent 2008 against Kent 2010 (K08 = Kent joint area review, 2008: the "good" baseline) and
 * Medway 2006 against its joint area review (M06). Kent 2008 and Kent 2010 run on the same seeds.
 */
const touches = (id: string) => id === 'kent-2008' || id === 'medway-2006';
const targets = CALIBRATION_TARGETS.filter((t) =>
  t.kind === 'comparison' ? touches(t.lower.preset) || touches(t.higher.preset) : (t.kind === 'band' || t.kind === 'steady') && touches(t.preset),
);

describe('Kent 2008 and Medway 2006 reproduce their joint area reviews', () => {
  let runs: Map<string, CalibrationRun>;
  // Twenty warm-started years per preset, as `npm run calibrate` runs them: minutes, not seconds.
  beforeAll(() => {
    runs = runPresets(presetsNeeded(targets));
  }, CALIBRATION_TIMEOUT_MS);
  targetTests(targets, () => runs);
});
