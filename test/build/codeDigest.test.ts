import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { codeDigest } from '../../build/buildInfo.ts';

/**
 * The source digest that replications kept in a browser are filed under (src/worker/resultStore.ts):
 * the same files give the same digest, and any change to a file's content, name or place, or a
 * file added, gives another, so kept results are never reused by different code.
 */
let root = '';
afterEach(() => rmSync(root, { recursive: true, force: true }));

function tree(files: Record<string, string>): string {
  root = mkdtempSync(join(tmpdir(), 'digest-'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(root, path, '..'), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

const base = { 'src/sim/a.ts': 'export const a = 1;\n', 'src/ui/b.ts': 'b\n', 'models/m.ts': 'm\n', 'lock.json': '{}' };
const digestOf = (files: Record<string, string>) => {
  const d = codeDigest(tree(files), ['src', 'models', 'lock.json']);
  rmSync(root, { recursive: true, force: true });
  return d;
};

describe('the source digest of a build', () => {
  it('is the same for the same files, and changes with any content, name, place or new file', () => {
    const d = digestOf(base);
    expect(d).toMatch(/^[0-9a-f]{16}$/);
    expect(digestOf({ ...base })).toBe(d);
    expect(digestOf({ ...base, 'src/sim/a.ts': 'export const a = 2;\n' })).not.toBe(d);
    expect(digestOf({ ...base, 'lock.json': '{"v":1}' })).not.toBe(d);
    const { 'src/ui/b.ts': b, ...rest } = base;
    expect(digestOf({ ...rest, 'src/ui/c.ts': b })).not.toBe(d);
    expect(digestOf({ ...rest, 'models/b.ts': b })).not.toBe(d);
    expect(digestOf({ ...base, 'src/new.ts': '' })).not.toBe(d);
  });
});
