import { parseScenario } from '../scenario/parse.ts';
import type { Scenario } from '../scenario/schema.ts';

/**
 * The preset scenarios the workspace offers (seeds/*.json, parsed). Temporary: reads the seeds
 * through Vite until src/scenario/presets.ts lands, then re-exports it.
 */
const files = import.meta.glob<unknown>('../../seeds/*.json', { eager: true, import: 'default' });

export const PRESETS: readonly Scenario[] = Object.entries(files)
  .filter(([path]) => !path.endsWith('scenario.schema.json'))
  .map(([path, data]) => {
    const parsed = parseScenario(data);
    if (!parsed.ok) throw new Error(`preset ${path} does not parse: ${JSON.stringify(parsed.problems)}`);
    return parsed.value;
  });

export const DEFAULT_PRESET_ID = 'kent-2010';

/** The preset with this id, if any. */
export function getPreset(id: string): Scenario | undefined {
  return PRESETS.find((p) => p.id === id);
}
