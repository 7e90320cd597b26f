import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Scenario } from '../src/scenario/schema.ts';
import { PRESETS } from '../src/scenario/presets.ts';
import { runReplication } from '../src/sim/batch.ts';
import type { ReplicationResult } from '../src/sim/results.ts';
import { handleWorkerMessage } from '../src/worker/handler.ts';
import { DEFAULT_RUN_SETTINGS, type RunSettings } from '../src/worker/protocol.ts';
import { templateKey } from '../src/worker/runKeys.ts';
import { SHIPPED_NAME_LENGTH, ShippedRunFile, shippedRunIdentity } from '../src/worker/shippedRuns.ts';

/**
 * The runs a hosted build ships (src/worker/shippedRuns.ts): every preset at the app's default run
 * settings, computed here by the worker's own message handler, so a first visit's default run and
 * a comparison of presets need no worker. Files are kept in a cache folder under their names (a
 * digest of the code and the run), so only the first build of a given source pays for them
 * (about 40 s of one core for the eleven presets). The build runs this in child processes
 * (shippedRuns.cli.ts, started by shippedRunsPlugin.ts), so Vite's config never loads the engine.
 */

/** One shipped file: its name (runs/<name>.json) and its JSON text. */
export interface ShippedRun {
  name: string;
  json: string;
}

/** The name a shipped file has (as `shippedRunName` computes it in the page). */
export function shippedRunNameSync(code: string, key: string, days: number, warmupDays: number): string {
  return createHash('sha256')
    .update(shippedRunIdentity(code, key, days, warmupDays))
    .digest('hex')
    .slice(0, SHIPPED_NAME_LENGTH);
}

/** Computes one run's file as a worker would answer for each replication (a failure throws: a preset that cannot run must not ship). */
export function computeShippedRun(code: string, scenario: Scenario, settings: RunSettings): ShippedRunFile {
  const results: ReplicationResult[] = [];
  for (let rep = 0; rep < settings.reps; rep++) {
    const request = { type: 'replicate', taskId: rep, scenario, days: settings.days, warmupDays: settings.warmupDays, seed: settings.seed, rep };
    const reply = handleWorkerMessage(request, runReplication, () => 0);
    if (reply.type !== 'replicated')
      throw new Error(`preset ${scenario.id} could not be run for the build: ${reply.type === 'failed' ? reply.message : reply.type}`);
    results.push(reply.result);
  }
  return {
    format: 'front-door-shipped-run',
    version: 1,
    code,
    templateKey: templateKey(scenario, settings.seed),
    days: settings.days,
    warmupDays: settings.warmupDays,
    results,
  };
}

/** Reads a cached file if it is whole and what its name says; null otherwise. */
function cached(path: string, code: string, key: string, settings: RunSettings): string | null {
  try {
    const json = readFileSync(path, 'utf8');
    const parsed = ShippedRunFile.safeParse(JSON.parse(json));
    if (!parsed.success) return null;
    const f = parsed.data;
    return f.code === code && f.templateKey === key && f.days === settings.days && f.warmupDays === settings.warmupDays && f.results.length === settings.reps
      ? json
      : null;
  } catch {
    return null;
  }
}

/** The shipped files of `presets` at `settings` for source digest `code`, from `cacheDir` or computed (and then cached). */
export function shippedRuns(
  code: string,
  cacheDir: string,
  presets: readonly Scenario[] = PRESETS,
  settings: RunSettings = DEFAULT_RUN_SETTINGS,
): ShippedRun[] {
  mkdirSync(cacheDir, { recursive: true });
  return presets.map((scenario) => {
    const key = templateKey(scenario, settings.seed);
    const name = shippedRunNameSync(code, key, settings.days, settings.warmupDays);
    const path = join(cacheDir, `${name}.json`);
    const hit = cached(path, code, key, settings);
    if (hit) return { name, json: hit };
    const json = JSON.stringify(computeShippedRun(code, scenario, settings));
    // Written whole or not at all, so a build stopped half-way never leaves a broken file.
    writeFileSync(`${path}.tmp`, json);
    renameSync(`${path}.tmp`, path);
    return { name, json };
  });
}
