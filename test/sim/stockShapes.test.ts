import { execFileSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * A template a worker is handed (packed on the page, unpacked in the worker) must give the engine
 * objects of the very shapes a template the worker built itself gives; otherwise V8 throws away
 * the engine's compiled code on the first replication from it and keeps slower code for both
 * shapes (src/sim/stockEntities.ts, DESIGN 75). V8's hidden classes are visible only to a Node
 * started with --allow-natives-syntax, so the check runs in one (fixtures/stockShapes.ts).
 */
const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

function shapes(preset: string): {
  entity: number;
  child: number;
  inProgress: number;
  notSmallInteger: number;
  compared: number;
  kinds: Record<string, number>;
} {
  const out = execFileSync(process.execPath, ['--allow-natives-syntax', '--import', 'tsx', join(ROOT, 'test', 'sim', 'fixtures', 'stockShapes.ts'), preset], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  return JSON.parse(out.trim().split('\n').at(-1)!);
}

describe('warm-state entities have one shape however they were made', () => {
  it('an unpacked template matches the captured one, map for map, with whole-number indices', () => {
    const r = shapes('kent-2010');
    // Every kind with its own shape is present: referrals waiting and assessments under way too.
    expect(r.kinds.returning).toBeGreaterThan(100);
    expect(r.kinds.service).toBeGreaterThan(100);
    expect(r.kinds.assessment).toBeGreaterThan(0);
    expect(r.kinds.assessmentUnderWay).toBeGreaterThan(10);
    expect(r).toMatchObject({ entity: 0, child: 0, inProgress: 0, notSmallInteger: 0 });
  }, 60_000);
});
