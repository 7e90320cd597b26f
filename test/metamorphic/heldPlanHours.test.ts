import { describe, expect, it } from 'vitest';
import { getPreset } from '../../src/scenario/presets.ts';
import type { Scenario } from '../../src/scenario/schema.ts';
import { runBatch } from '../../src/sim/batch.ts';

/**
 * Plans held on duty while they wait for a long-term team take their casework hours from the duty
 * social worker (src/sim/engine/casework.ts holdPlan; K10 ¶31). Where long-term teams are short,
 * duty social workers work more of their time for the same assessments; where nobody waits for a
 * transfer (long-term capacity unlimited) the hours change nothing at all.
 */

function withPlanHours(s: Scenario, cin: number, cp: number, longTermWorkers?: number): Scenario {
  const c = structuredClone(s);
  c.services.childInNeedPlanHoursPerMonth = cin;
  c.services.childProtectionPlanHoursPerMonth = cp;
  if (longTermWorkers !== undefined) c.dutyTeams = c.dutyTeams.map((t) => ({ ...t, longTermSocialWorkers: longTermWorkers }));
  return c;
}

describe('plans held awaiting transfer take the duty social worker’s hours', () => {
  it('with long-term teams short of places, duty social workers work a larger share of their time', () => {
    // england-2023-24's long-term teams cut to 29 workers each: about 30 cases wait for a transfer at a time.
    const settings = { days: 365, warmupDays: 90, reps: 4, seed: 2010 };
    const england = getPreset('england-2023-24')!;
    const none = runBatch(withPlanHours(england, 0, 0, 29), settings);
    const some = runBatch(withPlanHours(england, 20, 30, 29), settings);
    expect(none.metrics.meanWaitToTransferHours.mean).toBeGreaterThan(24);
    expect(some.metrics.socialWorkerUtilisation.mean).toBeGreaterThan(none.metrics.socialWorkerUtilisation.mean + 0.02);
  });

  it('where plans start at once (long-term capacity unlimited) the hours change nothing', () => {
    const settings = { days: 60, warmupDays: 30, reps: 2, seed: 7 };
    const preset = getPreset('kent-2010')!;
    const kent = { ...preset, services: { ...preset.services, longTermCapacity: 'unlimited' as const } };
    const a = runBatch(withPlanHours(kent, 0, 0), settings);
    const b = runBatch(withPlanHours(kent, 20, 30), settings);
    expect(b.metrics).toEqual(a.metrics);
  });
});
