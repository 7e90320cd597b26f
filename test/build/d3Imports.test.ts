import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The app imports d3 module by module (d3-shape, d3-scale, …), never the whole `d3` bundle: its
 * index pulls in d3-transition and d3-selection for their side effects (they patch each other's
 * prototypes), which no tree-shaking can drop, and the single file would carry them unused.
 * Every d3 module the app imports is a direct dependency, not one it happens to find hoisted.
 */
const sources = readdirSync('src', { recursive: true, withFileTypes: true })
  .filter((e) => e.isFile() && /\.(ts|tsx)$/.test(e.name))
  .map((e) => join(e.parentPath, e.name));
const d3Imports = sources.flatMap((file) => [...readFileSync(file, 'utf8').matchAll(/from '(d3(?:-[a-z]+)?)'/g)].map((m) => ({ file, module: m[1]! })));
const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { dependencies: Record<string, string> };

describe('d3 in the app', () => {
  it('is imported module by module, never as the whole d3 bundle', () => {
    expect(d3Imports.length).toBeGreaterThan(0);
    expect(d3Imports.filter((i) => i.module === 'd3').map((i) => i.file)).toEqual([]);
  });

  it('every d3 module imported is a direct dependency pinned to an exact version', () => {
    for (const { file, module } of d3Imports) expect(pkg.dependencies[module], `${module} (imported by ${file})`).toMatch(/^\d+\.\d+\.\d+$/);
  });
});
