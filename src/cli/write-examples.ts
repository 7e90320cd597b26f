import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { getPreset } from '../scenario/presets.ts';
import { EXAMPLE_FILES } from '../scenario/examples.ts';

/**
 * Writes public/examples/<id>.json for every example the About page offers: each preset as the
 * app's “Save as a file” writes it (two-space JSON and a final newline). Run after a preset or
 * the schema changes: `npx tsx src/cli/write-examples.ts`.
 */
const dir = join(process.cwd(), 'public', 'examples');
mkdirSync(dir, { recursive: true });
for (const { id } of EXAMPLE_FILES) {
  const scenario = getPreset(id);
  if (!scenario) throw new Error(`no preset with id ${id}`);
  writeFileSync(join(dir, `${id}.json`), JSON.stringify(scenario, null, 2) + '\n');
  console.log(`wrote public/examples/${id}.json`);
}
