import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseScenarioJson } from '../../src/scenario/parse.ts';
import { getPreset } from '../../src/scenario/presets.ts';
import { EXAMPLE_FILES } from '../../src/scenario/examples.ts';

/** The example files in public/examples/ are the ones the About page offers, valid, and equal to their presets. */
const dir = join(process.cwd(), 'public', 'examples');

describe('example scenario files', () => {
  it('public/examples/ holds exactly the files the About page lists', () => {
    expect(
      readdirSync(dir)
        .filter((f) => f.endsWith('.json'))
        .sort(),
    ).toEqual(EXAMPLE_FILES.map((e) => `${e.id}.json`).sort());
  });

  it.each(EXAMPLE_FILES.map((e) => e.id))('%s.json parses as a scenario and equals its preset (regenerate with src/cli/write-examples.ts)', (id) => {
    const parsed = parseScenarioJson(readFileSync(join(dir, `${id}.json`), 'utf8'));
    if (!parsed.ok) throw new Error(parsed.problems.map((p) => `${p.path}: ${p.message}`).join('\n'));
    expect(parsed.value).toEqual(getPreset(id));
  });
});
