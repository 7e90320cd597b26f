import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { simulateMain } from '../../src/cli/simulate.ts';
import { mergeMain } from '../../src/cli/merge.ts';
import { SweepFile } from '../../src/cli/sweepResults.ts';
import { setPath, shardPoints } from '../../src/scenario/sweep.ts';
import { runBatch } from '../../src/sim/batch.ts';
import { small, smallScenario } from '../fixtures/small.ts';

const dir = mkdtempSync(join(tmpdir(), 'front-door-sweep-'));
const io = () => {
  const o = { out: '', err: '' };
  return { o, io: { out: (s: string) => (o.out += s), err: (s: string) => (o.err += s) } };
};

describe('sweeps in shards', () => {
  it('setPath sets every element under * and names a path that does not exist', () => {
    const r = setPath(small, 'dutyTeams.*.threshold', 70);
    expect(r.ok && (r.value as typeof small).dutyTeams.every((t) => t.threshold === 70)).toBe(true);
    const bad = setPath(small, 'dutyTeams.*.thresold', 70);
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.problems[0]!.path).toBe('dutyTeams.0.thresold');
  });

  it('shards partition the points: every point in exactly one shard', () => {
    const all = [0, 1, 2].flatMap((i) => shardPoints(10, i, 3)).sort((a, b) => a - b);
    expect(all).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(() => shardPoints(10, 3, 3)).toThrow(/0 ≤ i < n/);
  });

  it('two shards merged give the same numbers as running each point directly', async () => {
    writeFileSync(join(dir, 'small.json'), JSON.stringify(small));
    const spec = { scenario: 'small.json', parameter: 'dutyTeams.*.socialWorkerPosts', values: [6, 10, 14], days: 40, warmupDays: 10, reps: 2, seed: 9 };
    writeFileSync(join(dir, 'sweep.json'), JSON.stringify(spec));
    for (const i of [0, 1]) {
      const { io: x } = io();
      expect(await simulateMain(['--sweep', join(dir, 'sweep.json'), '--shard', `${i}/2`, '--out', join(dir, `s${i}.json`), '--quiet'], x)).toBe(0);
    }
    const { io: m } = io();
    expect(mergeMain(['--out', join(dir, 'merged.json'), join(dir, 's1.json'), join(dir, 's0.json')], m)).toBe(0);
    const merged = SweepFile.parse(JSON.parse(readFileSync(join(dir, 'merged.json'), 'utf8')));
    expect(merged.points.map((p) => p.value)).toEqual([6, 10, 14]);
    const direct = runBatch(
      { ...smallScenario, dutyTeams: smallScenario.dutyTeams.map((t) => ({ ...t, socialWorkerPosts: 10 })) },
      { days: 40, warmupDays: 10, reps: 2, seed: 9 },
    );
    expect(merged.points[1]!.result.metrics).toEqual(direct.metrics);
  });

  it('merge refuses a missing shard, and simulate names a bad sweep value with its point', async () => {
    const { o, io: m } = io();
    expect(mergeMain([join(dir, 's0.json')], m)).toBe(2);
    expect(o.err).toContain('missing');
    writeFileSync(join(dir, 'bad.json'), JSON.stringify({ scenario: small, parameter: 'dutyTeams.*.vacancyRate', values: [0.1, 13] }));
    const b = io();
    expect(await simulateMain(['--sweep', join(dir, 'bad.json')], b.io)).toBe(2);
    expect(b.o.err).toContain('values.1 → dutyTeams.0.vacancyRate');
    expect(b.o.err).toContain('did you mean 0.13?');
  });
});
