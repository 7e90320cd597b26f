import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { z } from 'zod';
import { Scenario } from '../scenario/schema.ts';

/** The JSON Schema of a scenario file, generated from the zod schema (the source of truth). */
export function scenarioJsonSchema(): string {
  const schema = z.toJSONSchema(Scenario, { io: 'input', unrepresentable: 'any' });
  return JSON.stringify({ ...schema, title: 'Front Door scenario', $id: 'scenario.schema.json' }, null, 2) + '\n';
}

/** The repository's seeds/ folder (this script runs from the source tree, under tsx). */
const SEEDS_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'seeds');

/** Where `npm run schema` writes the JSON Schema. */
export const SCHEMA_PATH = join(SEEDS_DIR, 'scenario.schema.json');

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  writeFileSync(SCHEMA_PATH, scenarioJsonSchema());
  console.log(`wrote ${SCHEMA_PATH}`);
}
