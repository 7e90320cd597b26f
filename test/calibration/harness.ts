import { expect, it } from 'vitest';
import {
  CALIBRATION_RUN,
  TEST_REPS,
  evaluate,
  runCalibration,
  type CalibrationRun,
  type CalibrationTarget,
  type Evaluation,
} from '../../src/cli/calibrationTargets.ts';
import { getPreset } from '../../src/scenario/presets.ts';

/**
 * Shared by the calibration tests: runs presets on the calibration seed (the same replications as
 * `npm run calibrate`) and turns each calibration target into a test named after the paragraph it
 * reproduces. A target with a known engine gap is declared with `it.fails`, so the suite says so
 * and turns red the day the gap closes (then remove `knownGap`).
 */

/** How long a calibration file may take to run its presets (on a busy 2-core machine). */
export const CALIBRATION_TIMEOUT_MS = 1_200_000;

/** Runs each preset once (TEST_REPS warm-started replications at the app's default run). */
export function runPresets(ids: readonly string[]): Map<string, CalibrationRun> {
  const runs = new Map<string, CalibrationRun>();
  for (const id of ids) {
    const scenario = getPreset(id);
    if (!scenario) throw new Error(`no preset ${id}`);
    runs.set(id, runCalibration(scenario, { ...CALIBRATION_RUN, reps: TEST_REPS }));
  }
  return runs;
}

const SHORT: Record<string, string> = {
  'kent-safeguarding-inspection-2010.txt': 'K10',
  'kent-joint-area-review-2008.txt': 'K08',
  'medway-joint-area-review-2006.txt': 'M06',
  'kent-cypp-review-2009-10.txt': 'K10R',
};

/** The test name: the paragraph, then the claim in words that can be false. */
export function testName(t: CalibrationTarget): string {
  const where = `${SHORT[t.source.document] ?? t.source.document.replace(/ \(.*$/, '')} ${t.source.paragraph}`;
  if (t.kind === 'comparison') return `${where}: ${t.claim}`;
  if (t.kind === 'steady') return `${where}: ${t.preset}: ${t.claim}`;
  if (t.kind === 'band') {
    const f = (x: number) => (t.quantity.format === 'percent' ? `${Math.round(x * 1000) / 10}%` : String(x));
    const band = Number.isFinite(t.high) ? `${f(t.low)}-${f(t.high)}` : `at least ${f(t.low)}`;
    return `${where}: ${t.preset} ${t.quantity.label} is ${band} (documented: ${t.documented})`;
  }
  return `${where}: ${t.preset} ${t.quantity.label} (reference)`;
}

function explain(e: Evaluation): string {
  if (e.problems) return e.problems.join('\n');
  const m = e.estimate;
  return `simulated ${m.mean} [${m.ci95[0]}, ${m.ci95[1]}]${e.sides ? ` (lower side ${e.sides.lower.mean}, higher side ${e.sides.higher.mean})` : ''}`;
}

/** Declares one test per target; `runs` is read when the tests run (after beforeAll). */
export function targetTests(targets: readonly CalibrationTarget[], runs: () => ReadonlyMap<string, CalibrationRun>): void {
  for (const t of targets) {
    if (t.kind === 'reference') continue;
    const declare = t.knownGap ? it.fails : it;
    declare(testName(t), () => {
      const e = evaluate(t, runs());
      expect(e.pass, explain(e)).toBe(true);
    });
  }
}
