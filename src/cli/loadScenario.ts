import { lstatSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Scenario } from '../scenario/schema.ts';
import { parseScenarioJson, type Parsed } from '../scenario/parse.ts';
import { getPreset, PRESETS } from '../scenario/presets.ts';
import { readInputText } from './readInput.ts';

/** True when something (a file, folder, or even a broken or looping link) has this name. */
function somethingNamed(path: string): boolean {
  try {
    lstatSync(path);
    return true;
  } catch {
    return false;
  }
}

/**
 * Loads a scenario from a file path, or a preset id (kent-2010, …; bundled, so the built CLI
 * needs no seeds/ folder beside it), and parses it. A file of the same name wins over a preset.
 * `flag` names where the reference came from in problems (`--scenario`, `scenario`).
 */
export function loadScenario(ref: string, flag = '--scenario'): Parsed<Scenario> {
  const preset = /^[a-z0-9][a-z0-9-]*$/.test(ref) && !somethingNamed(ref) ? getPreset(ref) : undefined;
  if (preset) return { ok: true, value: structuredClone(preset) };
  if (/^[a-z0-9][a-z0-9-]*$/.test(ref) && !somethingNamed(ref)) {
    return { ok: false, problems: [{ path: flag, message: `no preset or file "${ref}" (presets: ${PRESETS.map((p) => p.id).join(', ')})` }] };
  }
  const text = readInputText(ref, flag);
  if (!text.ok) return text;
  const parsed = parseScenarioJson(text.value);
  if (parsed.ok) return parsed;
  return { ok: false, problems: parsed.problems.map((p) => ({ ...p, message: p.path ? p.message : `${resolve(ref)}: ${p.message}` })) };
}
