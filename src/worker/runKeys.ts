import type { Scenario } from '../scenario/schema.ts';
import type { RunSettings } from './protocol.ts';

/**
 * The keys replications are kept under, on the page (pool.ts), in the browser between visits
 * (resultStore.ts) and in the runs a build ships (shippedRuns.ts). A replication is a pure
 * function of (scenario, days, warm-up, seed, replication number) and of the code
 * (test/e2e/determinism), so these keys name it exactly.
 */

/** The key a template is kept under: the seed and the scenario as sent. */
export function templateKey(scenario: Scenario, seed: number): string {
  return `${seed}:${JSON.stringify(scenario)}`;
}

/** The key a replication is kept under: its length, its number and its template. */
export function replicationKey(key: string, settings: Pick<RunSettings, 'days' | 'warmupDays'>, rep: number): string {
  return `${settings.days}/${settings.warmupDays}/${rep}|${key}`;
}

/** The keys of every replication of a run of `settings` from template `key`. */
export function repKeys(key: string, settings: RunSettings): string[] {
  return Array.from({ length: settings.reps }, (_, rep) => replicationKey(key, settings, rep));
}

/** A replication key taken apart again; null for a string that is not one. */
export function splitReplicationKey(repKey: string): { days: number; warmupDays: number; rep: number; templateKey: string } | null {
  const m = /^(\d+)\/(\d+)\/(\d+)\|/.exec(repKey);
  if (!m) return null;
  return { days: Number(m[1]), warmupDays: Number(m[2]), rep: Number(m[3]), templateKey: repKey.slice(m[0].length) };
}
