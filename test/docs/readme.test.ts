import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { METRICS } from '../../src/sim/metricDefinitions.ts';
import { SCHEMA_PATH, scenarioJsonSchema } from '../../src/cli/write-schema.ts';

const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');

describe('documentation stays in step with the code', () => {
  it('the README opens with the two set-up commands: run the app, pass the tests', () => {
    const firstBlock = readme.split('```sh')[1]!.split('```')[0]!;
    expect(firstBlock).toContain('npm ci && npm run dev');
    expect(firstBlock).toContain('npm ci && npm test');
  });

  it.each(Object.entries(METRICS))('the README defines metric %s exactly as the code does', (name, m) => {
    expect(readme).toContain(`| \`${name}\` | ${m.unit} | ${m.definition} |`);
  });

  it('seeds/scenario.schema.json is what the zod schema generates (run `npm run schema` when it fails)', () => {
    expect(readFileSync(SCHEMA_PATH, 'utf8')).toBe(scenarioJsonSchema());
  });
});
