import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Scenario } from '../scenario/schema.ts';
import { parseScenarioJson, type Parsed } from '../scenario/parse.ts';

/** The repository's seeds/ folder. */
export const SEEDS_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'seeds');

/** Loads a scenario from a file path, or a preset id from seeds/<id>.json, and parses it. */
export function loadScenario(ref: string): Parsed<Scenario> {
  const isPreset = /^[a-z0-9][a-z0-9-]*$/.test(ref) && !existsSync(ref);
  const path = isPreset ? join(SEEDS_DIR, `${ref}.json`) : resolve(ref);
  if (!existsSync(path)) {
    return {
      ok: false,
      problems: [{ path: '--scenario', message: isPreset ? `no preset "${ref}" (looked for ${path})` : `no such file: ${path}` }],
    };
  }
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    return { ok: false, problems: [{ path: '--scenario', message: `cannot read ${path}: ${(e as Error).message}` }] };
  }
  return parseScenarioJson(text);
}
