import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { formatProblems, parseScenario, type Parsed } from '../scenario/parse.ts';
import type { Scenario } from '../scenario/schema.ts';
import { fingerprint, shardPoints, SweepSpec, sweepPoint } from '../scenario/sweep.ts';
import { formatPath } from '../scenario/parse.ts';
import { loadScenario } from './loadScenario.ts';
import { runBatchParallel } from './parallel.ts';
import type { SweepShardFile } from './sweepResults.ts';

/** A sweep file read, its scenario resolved and every point checked before anything runs. */
export interface LoadedSweep {
  spec: SweepSpec;
  base: Scenario;
  points: Scenario[];
  fingerprint: string;
}

/** Reads and checks a sweep file; all problems at once, each with its path. */
export function loadSweep(file: string): Parsed<LoadedSweep> {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    return { ok: false, problems: [{ path: '--sweep', message: `cannot read ${file} as JSON: ${(e as Error).message}` }] };
  }
  const spec = SweepSpec.safeParse(raw);
  if (!spec.success) return { ok: false, problems: spec.error.issues.map((i) => ({ path: formatPath(i.path), message: i.message })) };
  const s = spec.data;
  let base: Parsed<Scenario>;
  if (typeof s.scenario === 'string') {
    const rel = resolve(dirname(file), s.scenario);
    base = loadScenario(/^[a-z0-9][a-z0-9-]*$/.test(s.scenario) ? s.scenario : rel);
  } else {
    base = parseScenario(s.scenario);
  }
  if (!base.ok) return { ok: false, problems: base.problems.map((p) => ({ path: `scenario.${p.path}`, message: p.message })) };
  const problems = [];
  const points: Scenario[] = [];
  for (const [i, v] of s.values.entries()) {
    const p = sweepPoint(base.value, s.parameter, v);
    if (p.ok) points.push(p.value);
    else problems.push(...p.problems.map((q) => ({ path: `values.${i} → ${q.path}`, message: q.message })));
  }
  if (problems.length) return { ok: false, problems };
  const resolved = { ...s, scenario: base.value };
  return { ok: true, value: { spec: s, base: base.value, points, fingerprint: fingerprint(JSON.stringify(resolved)) } };
}

/** Runs shard `index` of `count` of a loaded sweep. */
export async function runSweepShard(
  sweep: LoadedSweep,
  index: number,
  count: number,
  workers: number,
  onProgress?: (msg: string) => void,
): Promise<SweepShardFile> {
  const { spec } = sweep;
  const mine = shardPoints(spec.values.length, index, count);
  const out: SweepShardFile['points'] = [];
  for (const i of mine) {
    onProgress?.(`point ${i + 1}/${spec.values.length} (${spec.parameter} = ${JSON.stringify(spec.values[i])})`);
    const result = await runBatchParallel(sweep.points[i]!, { days: spec.days, warmupDays: spec.warmupDays, reps: spec.reps, seed: spec.seed }, workers);
    out.push({ index: i, value: spec.values[i], result });
  }
  return {
    kind: 'front-door-sweep-shard',
    version: 1,
    fingerprint: sweep.fingerprint,
    shard: { index, count },
    sweep: { parameter: spec.parameter, values: spec.values, days: spec.days, warmupDays: spec.warmupDays, reps: spec.reps, seed: spec.seed, scenario: sweep.base },
    points: out,
  };
}

export { formatProblems };
