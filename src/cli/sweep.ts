import { dirname, resolve } from 'node:path';
import { formatProblems, parseScenario, type Parsed, type Problem } from '../scenario/parse.ts';
import type { Scenario } from '../scenario/schema.ts';
import { fingerprint, shardPoints, SweepSpec, sweepPoint } from '../scenario/sweep.ts';
import { formatPath } from '../scenario/parse.ts';
import { loadScenario } from './loadScenario.ts';
import { runBatchParallel } from './parallel.ts';
import { readInputText } from './readInput.ts';
import { parameterPathProblem } from './sweepPath.ts';
import type { SweepShardFile } from './sweepResults.ts';

/** A sweep file read, its scenario resolved and every point checked before anything runs. */
export interface LoadedSweep {
  spec: SweepSpec;
  base: Scenario;
  points: Scenario[];
  fingerprint: string;
}

/** What a resolved sweep is identified by: every setting, with the scenario inlined. */
export interface ResolvedSweep {
  parameter: string;
  values: readonly unknown[];
  days: number;
  warmupDays: number;
  reps: number;
  seed: number;
  scenario: unknown;
}

/**
 * The fingerprint of a resolved sweep (FNV-1a of its JSON, fields in a fixed order). Shards carry
 * it, and `merge` recomputes it from each shard's own settings, so an edited or pasted one is caught.
 */
export function sweepFingerprint(s: ResolvedSweep): string {
  const { parameter, values, days, warmupDays, reps, seed, scenario } = s;
  return fingerprint(JSON.stringify({ version: 1, scenario, parameter, values, days, warmupDays, reps, seed }));
}

/** Where a sweep's scenario file is, when it names one (not a preset or an inline scenario). */
function scenarioFileOf(file: string, spec: SweepSpec): string | undefined {
  if (typeof spec.scenario !== 'string') return undefined;
  return /^[a-z0-9][a-z0-9-]*$/.test(spec.scenario) ? undefined : resolve(dirname(file), spec.scenario);
}

/** The files a sweep run reads (the sweep file and its scenario file): never to be written over. */
export function sweepInputs(file: string, sweep: LoadedSweep): string[] {
  const scenarioFile = scenarioFileOf(file, sweep.spec);
  return scenarioFile ? [file, scenarioFile] : [file];
}

/** Reads and checks a sweep file; all problems at once, each with its path. */
export function loadSweep(file: string): Parsed<LoadedSweep> {
  const text = readInputText(file, '--sweep');
  if (!text.ok) return text;
  let raw: unknown;
  try {
    raw = JSON.parse(text.value);
  } catch (e) {
    return { ok: false, problems: [{ path: '--sweep', message: `cannot read ${resolve(file)} as JSON: ${(e as Error).message}` }] };
  }
  const spec = SweepSpec.safeParse(raw);
  if (!spec.success) return { ok: false, problems: spec.error.issues.map((i) => ({ path: formatPath(i.path), message: i.message })) };
  const s = spec.data;
  let base: Parsed<Scenario>;
  if (typeof s.scenario === 'string') {
    base = loadScenario(scenarioFileOf(file, s) ?? s.scenario, 'scenario');
  } else {
    base = parseScenario(s.scenario);
  }
  if (!base.ok) return { ok: false, problems: base.problems.map((p) => ({ path: p.path === 'scenario' ? p.path : `scenario.${p.path}`, message: p.message })) };
  const pathProblem = parameterPathProblem(base.value, s.parameter);
  if (pathProblem) return { ok: false, problems: [pathProblem] };
  const problems: Problem[] = [];
  const points: Scenario[] = [];
  for (const [i, v] of s.values.entries()) {
    let p: Parsed<Scenario>;
    try {
      p = sweepPoint(base.value, s.parameter, v);
    } catch (e) {
      p = { ok: false, problems: [{ path: s.parameter, message: `cannot be set to ${JSON.stringify(v)}: ${(e as Error).message}` }] };
    }
    if (p.ok) points.push(p.value);
    else problems.push(...p.problems.map((q) => ({ path: `values.${i} → ${q.path}`, message: q.message })));
  }
  if (problems.length) return { ok: false, problems };
  const { parameter, values, days, warmupDays, reps, seed } = s;
  return {
    ok: true,
    value: { spec: s, base: base.value, points, fingerprint: sweepFingerprint({ parameter, values, days, warmupDays, reps, seed, scenario: base.value }) },
  };
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
    sweep: {
      parameter: spec.parameter,
      values: spec.values,
      days: spec.days,
      warmupDays: spec.warmupDays,
      reps: spec.reps,
      seed: spec.seed,
      scenario: sweep.base,
    },
    points: out,
  };
}

export { formatProblems };
