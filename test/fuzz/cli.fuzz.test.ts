import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SweepShardFile } from '../../src/cli/sweepResults.ts';
import { BatchResult } from '../../src/sim/results.ts';
import { small } from '../fixtures/small.ts';
import { run, scratch, smallScenarioFile, STACK } from '../cli/cliHarness.ts';

/**
 * Fuzzing the command line's file handling (issue 14, item 6): random --out targets and randomly
 * damaged shards. The claims: never a stack trace, exit 0 or 2 only, and no file that was there
 * before is changed unless it is the --out of a run that succeeded. Counts are printed for the
 * issue's closing note.
 */

/** Every regular file under `dir` with its bytes (symbolic links and pipes are not followed). */
function snapshot(dir: string): Map<string, string> {
  const m = new Map<string, string>();
  for (const e of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    const p = join(e.parentPath, e.name);
    if (e.isFile()) m.set(p, readFileSync(p, 'latin1'));
  }
  return m;
}

const OUT_KINDS = [
  'new file',
  'existing file',
  'folder',
  'missing folder',
  'trailing slash',
  'the scenario',
  'link to the scenario',
  'dangling link',
  'link loop',
  'fifo',
  '/dev/null',
  '/dev/full',
  'through a file',
  'long name',
] as const;
type OutKind = (typeof OUT_KINDS)[number];

describe('fuzz: --out targets', () => {
  it('any target: exit 0 with a valid result in it, or exit 2 with nothing changed; never a trace or a temporary file left', async () => {
    const counts: Record<string, number> = {};
    let n = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...OUT_KINDS),
        fc.string({ minLength: 1, maxLength: 12, unit: fc.constantFrom(...'abcé é\u001b-_.=@漢'.split('')) }).filter((s) => s !== '.' && s !== '..'),
        async (kind: OutKind, name) => {
          const dir = scratch(`fuzz-out-${n++}`);
          const scenario = smallScenarioFile(dir);
          writeFileSync(join(dir, 'existing.json'), '{"kept": true}');
          mkdirSync(join(dir, 'sub'));
          const target: string = {
            'new file': () => join(dir, `${name}.json`),
            'existing file': () => join(dir, 'existing.json'),
            folder: () => join(dir, 'sub'),
            'missing folder': () => join(dir, 'nope', `${name}.json`),
            'trailing slash': () => `${join(dir, name)}/`,
            'the scenario': () => join(dir, '.', 'sub', '..', 'small.json'),
            'link to the scenario': () => (symlinkSync(scenario, join(dir, 'l.json')), join(dir, 'l.json')),
            'dangling link': () => (symlinkSync(join(dir, 'missing'), join(dir, 'd.json')), join(dir, 'd.json')),
            'link loop': () => (symlinkSync(join(dir, 'b'), join(dir, 'a')), symlinkSync(join(dir, 'a'), join(dir, 'b')), join(dir, 'a')),
            fifo: () => (execFileSync('mkfifo', [join(dir, 'p')]), join(dir, 'p')),
            '/dev/null': () => '/dev/null',
            '/dev/full': () => '/dev/full',
            'through a file': () => join(dir, 'existing.json', `${name}.json`),
            'long name': () => join(dir, `${name}${'x'.repeat(300)}.json`),
          }[kind]();
          const before = snapshot(dir);
          const r = await run([
            'simulate',
            '--scenario',
            scenario,
            '--days',
            '3',
            '--reps',
            '1',
            '--quiet',
            '--start',
            'empty',
            '--warmup-days',
            '0',
            '--out',
            target,
          ]);
          counts[`${kind}: exit ${r.code}`] = (counts[`${kind}: exit ${r.code}`] ?? 0) + 1;
          expect([0, 2]).toContain(r.code);
          expect(r.err).not.toMatch(STACK);
          expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
          const after = snapshot(dir);
          if (r.code === 0) {
            const written = resolve(target);
            expect(BatchResult.parse(JSON.parse(readFileSync(written, 'utf8'))).reps).toBe(1);
            for (const [p, bytes] of before) if (p !== written) expect(after.get(p)).toBe(bytes);
          } else {
            expect(r.err).toMatch(/- --out: /);
            expect(after).toEqual(before);
          }
          rmSync(dir, { recursive: true, force: true });
        },
      ),
      { numRuns: 120, seed: 14 },
    );
    console.info(`fuzz --out, 120 runs: ${JSON.stringify(counts)}`);
    // the kinds that can never be written must all have been refused
    for (const k of Object.keys(counts)) if (!/^(new file|existing file): /.test(k)) expect(k).toMatch(/exit 2$/);
  }, 600_000);
});

const MUTATIONS = [
  'none',
  'point index',
  'point value',
  'fingerprint',
  'settings edited',
  'shard number',
  'shard count',
  'duplicate point',
  'drop point',
  'result days',
  'truncate file',
  'garbage bytes',
  'BOM and whitespace',
  'same file twice',
] as const;

describe('fuzz: shards given to merge', () => {
  it('any damage is refused with exit 2 and nothing written; what merges is exactly the undamaged merge', async () => {
    const dir = scratch('fuzz-shards');
    writeFileSync(
      join(dir, 'sweep.json'),
      JSON.stringify({ scenario: small, parameter: 'dutyTeams.*.socialWorkerPosts', values: [6, 10, 14], days: 8, warmupDays: 0, reps: 1, seed: 2 }),
    );
    for (const i of [0, 1])
      expect((await run(['sweep', join(dir, 'sweep.json'), '--shard', `${i}/2`, '--out', join(dir, `s${i}.json`), '--quiet'])).code).toBe(0);
    const good = (await run(['merge', join(dir, 's0.json'), join(dir, 's1.json')])).out;
    const texts = [0, 1].map((i) => readFileSync(join(dir, `s${i}.json`), 'utf8'));
    const parsed = texts.map((t) => SweepShardFile.parse(JSON.parse(t)));
    const counts: Record<string, number> = {};
    let n = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...MUTATIONS),
        fc.integer({ min: 0, max: 1 }),
        fc.integer({ min: -3, max: 1e6 }),
        fc.jsonValue({ maxDepth: 1 }),
        fc.nat(),
        async (mutation, which, k, v, cut) => {
          const shards = parsed.map((x) => structuredClone(x));
          const s = shards[which]!;
          const p = s.points[0]!;
          const files = [0, 1].map((i) => join(dir, `m${n}-${i}.json`));
          n++;
          let raw: (string | Buffer)[] | undefined;
          switch (mutation) {
            case 'point index':
              p.index = k === p.index ? k + 3 : k;
              break;
            case 'point value':
              if (JSON.stringify(v) === JSON.stringify(p.value)) return;
              p.value = v;
              break;
            case 'fingerprint':
              s.fingerprint = (k >>> 0).toString(16).padStart(8, '0');
              if (s.fingerprint === shards[1 - which]!.fingerprint) return;
              break;
            case 'settings edited':
              s.sweep.seed = s.sweep.seed + 1 + Math.abs(k);
              break;
            case 'shard number':
              s.shard.index = 1 - s.shard.index;
              break;
            case 'shard count':
              s.shard.count = 3 + (Math.abs(k) % 5);
              break;
            case 'duplicate point':
              s.points.push(structuredClone(p));
              break;
            case 'drop point':
              s.points.shift();
              break;
            case 'result days':
              p.result.days = p.result.days + 1 + Math.abs(k);
              break;
            case 'truncate file':
              raw = texts.map((t, i) => (i === which ? t.slice(0, cut % t.length) : t));
              break;
            case 'garbage bytes':
              raw = texts.map((t, i) => (i === which ? Buffer.from([0xff, 0x00, k & 0xff, 0x1b, 0x5d]) : t));
              break;
            case 'BOM and whitespace':
              raw = texts.map((t, i) => (i === which ? `\uFEFF  ${t}\n\n` : t));
              break;
            case 'same file twice':
              raw = [texts[which]!, texts[which]!];
              break;
          }
          (raw ?? shards.map((x) => JSON.stringify(x))).forEach((t, i) => writeFileSync(files[i]!, t));
          const before = files.map((f) => readFileSync(f));
          const out = join(dir, `merged-${n}.json`);
          const r = await run(['merge', '--out', out, ...files]);
          counts[`${mutation}: exit ${r.code}`] = (counts[`${mutation}: exit ${r.code}`] ?? 0) + 1;
          expect([0, 2]).toContain(r.code);
          expect(r.err).not.toMatch(STACK);
          files.forEach((f, i) => expect(readFileSync(f)).toEqual(before[i]));
          if (r.code === 0) expect(readFileSync(out, 'utf8')).toBe(good);
          else expect(existsSync(out)).toBe(false);
          if (mutation !== 'none' && mutation !== 'BOM and whitespace') expect(r.code).toBe(2);
        },
      ),
      { numRuns: 100, seed: 15 },
    );
    console.info(`fuzz merge, 100 runs: ${JSON.stringify(counts)}`);
    expect(statSync(dir).isDirectory()).toBe(true);
  }, 600_000);
});
