import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { OPTION_LABELS } from '../../src/ui/lib/labels.ts';

/**
 * Every choice the editor offers as radio buttons is named in words (src/ui/lib/labels.ts): the
 * schema's values are identifiers ("mash", "caseloadCaps") that a user should never have to read.
 * Agencies are named elsewhere (their own labels), so they are left out here.
 */
function enums(node: unknown, path: string, out: [string, string[]][]): [string, string[]][] {
  if (Array.isArray(node)) node.forEach((v, i) => enums(v, `${path}/${i}`, out));
  else if (node && typeof node === 'object') {
    const o = node as Record<string, unknown>;
    if (Array.isArray(o.enum)) out.push([path, o.enum as string[]]);
    for (const [k, v] of Object.entries(o)) enums(v, `${path}/${k}`, out);
  }
  return out;
}

describe('option labels', () => {
  it('name every option of every choice in the scenario schema', () => {
    const schema = JSON.parse(readFileSync(new URL('../../seeds/scenario.schema.json', import.meta.url), 'utf8'));
    const choices = enums(schema, '', []).filter(([path]) => !path.endsWith('/agency'));
    expect(choices.length).toBeGreaterThan(3);
    const unnamed = choices.flatMap(([path, options]) => options.filter((o) => !OPTION_LABELS[o]).map((o) => `${path}: ${o}`));
    expect(unnamed).toEqual([]);
  });
});
