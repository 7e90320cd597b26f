import { z } from 'zod';
import { formatPath, parseScenario, type Parsed, type Problem } from './parse.ts';
import type { Scenario } from './schema.ts';

/**
 * A sweep: one scenario, one parameter (a path into the scenario, `*` meaning every element of
 * a list, e.g. `dutyTeams.*.socialWorkerPosts`), a list of values, and how to run each point.
 * Points are numbered by their position in `values`; a shard runs the points whose number is
 * `index` modulo `count`, so shards can run as independent jobs and be merged.
 */
export const SweepSpec = z.strictObject({
  version: z.literal(1).default(1),
  scenario: z
    .union([z.string().min(1), z.record(z.string(), z.unknown())])
    .describe('A preset id, a scenario file path (relative to the sweep file), or the scenario itself'),
  parameter: z
    .string()
    .regex(/^[A-Za-z0-9*]+(\.[A-Za-z0-9*]+)*$/, 'use a dotted path such as dutyTeams.*.socialWorkerPosts')
    .describe('The field to vary, as a dotted path; * stands for every element of a list'),
  values: z
    .array(z.union([z.number(), z.boolean(), z.string()]))
    .min(1)
    .max(10_000)
    .describe('The values to try, in order'),
  days: z.number().int().min(1).max(36_525).default(365).describe('Days measured at each point, after the warm-up'),
  warmupDays: z.number().min(0).default(90).describe('Days simulated first and left out (each replication also starts from a warm state)'),
  reps: z.number().int().min(1).max(10_000).default(20),
  seed: z
    .number()
    .int()
    .min(0)
    .max(2 ** 31 - 1)
    .default(2010)
    .describe('The seed of every point (2010, as the app and `simulate`, when not given)'),
});
export type SweepSpec = z.infer<typeof SweepSpec>;

/** Sets `path` (with `*` wildcards) to `value` in a copy of `obj`; problems name the path. */
export function setPath(obj: unknown, path: string, value: unknown): Parsed<unknown> {
  const parts = path.split('.');
  const problems: Problem[] = [];
  const copy = structuredClone(obj);
  let touched = 0;
  const walk = (node: unknown, i: number, trail: (string | number)[]) => {
    const key = parts[i]!;
    const last = i === parts.length - 1;
    if (key === '*') {
      if (!Array.isArray(node)) {
        problems.push({ path: formatPath(trail), message: `"*" needs a list here, found ${typeof node}` });
        return;
      }
      node.forEach((child, j) => {
        if (last) {
          node[j] = value;
          touched++;
        } else walk(child, i + 1, [...trail, j]);
      });
      return;
    }
    if (typeof node !== 'object' || node === null || !Object.hasOwn(node, key)) {
      problems.push({ path: formatPath([...trail, key]), message: 'no such field in the scenario' });
      return;
    }
    const rec = node as Record<string, unknown>;
    if (last) {
      rec[key] = value;
      touched++;
    } else walk(rec[key], i + 1, [...trail, key]);
  };
  walk(copy, 0, []);
  if (problems.length) return { ok: false, problems };
  if (!touched) return { ok: false, problems: [{ path, message: 'the path matched nothing (an empty list?)' }] };
  return { ok: true, value: copy };
}

/** The scenario of sweep point `value`, parsed again so a value that breaks a rule is reported. */
export function sweepPoint(base: Scenario, parameter: string, value: unknown): Parsed<Scenario> {
  const set = setPath(base, parameter, value);
  if (!set.ok) return set;
  const parsed = parseScenario(set.value);
  if (!parsed.ok) return { ok: false, problems: parsed.problems.map((p) => ({ ...p, message: `${p.message} (sweep value ${JSON.stringify(value)})` })) };
  return parsed;
}

/** The point numbers shard `index` of `count` runs. */
export function shardPoints(points: number, index: number, count: number): number[] {
  if (!(Number.isInteger(count) && count >= 1 && Number.isInteger(index) && index >= 0 && index < count)) {
    throw new Error(`shard must be i/n with 0 ≤ i < n, got ${index}/${count}`);
  }
  return Array.from({ length: points }, (_, i) => i).filter((i) => i % count === index);
}

/** FNV-1a (32-bit) of a string, as hex: a fingerprint so shards of different sweeps are not merged. */
export function fingerprint(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(16).padStart(8, '0');
}
