import { describe, expect, it } from 'vitest';
import { getPreset } from '../../src/scenario/presets.ts';
import type { Scenario } from '../../src/scenario/schema.ts';
import { runBatch } from '../../src/sim/batch.ts';
import { compareFindings } from '../../src/ui/lib/findings/findings.ts';

/**
 * Findings from the real engine on runs whose answer is known: a scenario against itself on the
 * same seeds (common random numbers make every difference exactly zero), and relaunching CAF
 * (early help working across the county), which by construction diverts concerns to early help.
 */

const OPTS = { days: 300, warmupDays: 90, reps: 6, seed: 11 };
const preset = (id: string) => {
  const p = getPreset(id);
  if (!p) throw new Error(`no preset ${id}`);
  return p as Scenario;
};

describe('findings from the engine', () => {
  const kent = runBatch(preset('kent-2010'), OPTS);

  it('kent-2010 against itself: no clear difference in any measure', () => {
    const f = compareFindings({ label: 'Kent 2010', batch: kent }, { label: 'Kent 2010 again', batch: runBatch(preset('kent-2010'), OPTS) });
    expect(f.clear).toEqual([]);
    expect(f.headline).toMatch(/no clear difference in any/);
  }, 60_000);

  it('relaunching CAF: more diverted to early help, and the mechanism starts there', () => {
    const caf = runBatch(preset('kent-2010-caf-relaunched'), OPTS);
    const f = compareFindings({ label: 'Kent 2010', batch: kent }, { label: 'CAF relaunched', batch: caf });
    const diverted = f.clear.find((x) => x.metric === 'divertedToEarlyHelp');
    expect(diverted?.direction).toBe('higher');
    expect(f.mechanism).toMatch(/^Diverted to early help up from/);
    // Every stated finding is backed by an interval that excludes zero, in the stated direction.
    for (const x of f.clear) {
      const [lo, hi] = x.difference.ci95 as [number, number];
      expect(x.direction === 'higher' ? lo > 0 : hi < 0).toBe(true);
    }
  }, 60_000);
});
