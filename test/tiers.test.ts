import { existsSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { FAST_EXCLUDE } from '../vitest.fast.config.ts';

/** The test tiers stay as their configs say: the fast tier's exclusions name real files, and browser tests never run with the unit tests. */
describe('test tiers', () => {
  it('every file the fast tier leaves out exists (a renamed slow test would otherwise join it)', () => {
    expect(Object.keys(FAST_EXCLUDE).filter((f) => !existsSync(f))).toEqual([]);
  });

  it('every test in test/e2e/ is named .e2e.ts, so only vitest.e2e.config.ts runs it', () => {
    const e2e = readdirSync('test/e2e').filter((f) => /\.test\.tsx?$/.test(f));
    expect(e2e).toEqual([]);
  });
});
