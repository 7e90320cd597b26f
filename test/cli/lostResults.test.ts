import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync, watch, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeFileAtomic } from '../../src/cli/atomicWrite.ts';
import { SweepFile, SweepShardFile } from '../../src/cli/sweepResults.ts';
import { BatchResult } from '../../src/sim/results.ts';
import { small } from '../fixtures/small.ts';
import { run, runBin, scratch, smallScenarioFile, STACK, startBin } from './cliHarness.ts';

/**
 * Issue 14, items 8-15: results lost on the command line. Each test shows the exit code, the
 * message the user reads, and that no file that was there before was damaged.
 */
// an empty start with no warm-up: these tests are about files, not steady state, and this is ~6x cheaper
const quick = ['--days', '12', '--reps', '1', '--quiet', '--start', 'empty', '--warmup-days', '0'];
const EMPTY = ['--start', 'empty', '--warmup-days', '0'];
const PREVIOUS = '{"previous": "results the user kept"}\n';

describe('8. a bad --out is refused before the run, with a message and no stack trace', () => {
  const dir = scratch('out8');
  const scenario = smallScenarioFile(dir);
  const before = readFileSync(scenario, 'utf8');

  it.each([
    ['a missing folder', join(dir, 'no-such-folder', 'r.json'), /folder .*no-such-folder does not exist: create it first/],
    ['a folder', dir, /is a folder; give a file name inside it/],
    ['a name ending in /', `${dir}/new/`, /names a folder; give a file name/],
    ['/dev/full (a device)', '/dev/full', /not an ordinary file .*leave --out off to write to standard output/],
  ])('simulate --out %s: exit 2, "nothing was run"', async (_, out, message) => {
    // 1,000 replications of 100 years would run for hours: an answer within the test's timeout shows the check came first
    const r = await run(['simulate', '--scenario', scenario, '--out', out, '--days', '36525', '--reps', '1000']);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/nothing was run/);
    expect(r.err).toMatch(message);
    expect(r.err).not.toMatch(STACK);
    expect(readFileSync(scenario, 'utf8')).toBe(before);
  });

  it('merge --out into a missing folder: exit 2 before reading the shards, shards untouched', async () => {
    const shard = join(dir, 'a0.json');
    writeFileSync(shard, PREVIOUS);
    const r = await run(['merge', '--out', join(dir, 'nope', 'm.json'), shard]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/merge: nothing was written\n- --out: the folder .* does not exist/);
    expect(readFileSync(shard, 'utf8')).toBe(PREVIOUS);
  });

  it('a disk that fills during the write (file-size limit, ulimit -f): exit 1, the old results intact, no temporary file left', () => {
    const out = join(dir, 'kept.json');
    writeFileSync(out, PREVIOUS);
    const r = runBin(['simulate', '--scenario', scenario, ...quick, '--out', out], { shellPrefix: 'ulimit -f 4;' });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/could not write .*kept\.json: the file is larger than this system allows.*kept\.json is as it was before the run/s);
    expect(r.stderr).not.toMatch(STACK);
    expect(readFileSync(out, 'utf8')).toBe(PREVIOUS);
    expect(readdirSync(dir).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  });

  it('when the folder vanishes during the run, the finished results are kept in a rescue file and the user is told where', async () => {
    const sub = join(dir, 'vanishing');
    mkdirSync(sub);
    const { deliver } = await import('../../src/cli/deliver.ts');
    let err = '';
    const code = deliver('simulate', join(sub, 'gone', 'r.json'), 'json', (w) => w('{"results": 1}\n'), { out: () => {}, err: (s) => (err += s) });
    expect(code).toBe(1);
    const rescue = /kept in (\S+\.json)/.exec(err)?.[1];
    expect(rescue && readFileSync(rescue, 'utf8')).toBe('{"results": 1}\n');
    rmSync(rescue!);
  });
});

describe('9. --out naming an input is refused', () => {
  const dir = scratch('out9');
  const scenario = smallScenarioFile(dir);
  const before = readFileSync(scenario, 'utf8');

  it.each([
    ['the scenario file', (s: string) => s],
    ['the scenario by a relative path with ..', () => join(dir, '..', dir.split('/').pop()!, 'small.json')],
    ['a symbolic link to the scenario', (s: string) => (symlinkSync(s, join(dir, 'link.json')), join(dir, 'link.json'))],
  ])('simulate --out %s: exit 2, the scenario unchanged', async (_, target) => {
    const r = await run(['simulate', '--scenario', scenario, ...quick, '--out', target(scenario)]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/is an input of this run .*results are never written over an input/);
    expect(readFileSync(scenario, 'utf8')).toBe(before);
  });

  it('merge --out a0.json a0.json a1.json: exit 2, both shards unchanged', async () => {
    const [a0, a1] = ['a0.json', 'a1.json'].map((n) => join(dir, n));
    writeFileSync(a0!, PREVIOUS);
    writeFileSync(a1!, PREVIOUS);
    const r = await run(['merge', '--out', a0!, a0!, a1!]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/a0\.json is an input of this run/);
    expect(readFileSync(a0!, 'utf8')).toBe(PREVIOUS);
    expect(readFileSync(a1!, 'utf8')).toBe(PREVIOUS);
  });

  it('a sweep never writes over its sweep file or the scenario file it names', async () => {
    writeFileSync(
      join(dir, 'sweep.json'),
      JSON.stringify({ scenario: 'small.json', parameter: 'dutyTeams.*.socialWorkerPosts', values: [6, 10], days: 10, warmupDays: 0, reps: 1 }),
    );
    const sweepBefore = readFileSync(join(dir, 'sweep.json'), 'utf8');
    for (const target of ['sweep.json', 'small.json']) {
      const r = await run(['sweep', join(dir, 'sweep.json'), '--out', join(dir, target), '--quiet']);
      expect(r.code).toBe(2);
      expect(r.err).toMatch(/is an input of this run/);
    }
    expect(readFileSync(join(dir, 'sweep.json'), 'utf8')).toBe(sweepBefore);
    expect(readFileSync(scenario, 'utf8')).toBe(before);
  });
});

describe('10. writes are atomic: temporary file, then rename', () => {
  const dir = scratch('out10');

  it('a write that fails half-way (a producer that throws after 3 MiB) leaves the previous file whole and no temporary file', () => {
    const out = join(dir, 'results.json');
    writeFileSync(out, PREVIOUS);
    expect(() =>
      writeFileAtomic(out, (w) => {
        for (let i = 0; i < 3 * 1024; i++) w('x'.repeat(1024));
        throw Object.assign(new Error('no space left on device'), { code: 'ENOSPC' });
      }),
    ).toThrow(/no space/);
    expect(readFileSync(out, 'utf8')).toBe(PREVIOUS);
    expect(readdirSync(dir)).toEqual(['results.json']);
  });

  it('Ctrl-C (SIGINT) at any moment leaves either the previous results or the complete new ones, never a truncated file', async () => {
    const scenario = smallScenarioFile(dir);
    const out = join(dir, 'interrupted.json');
    const outcomes: string[] = [];
    // whole processes, interrupted after 0.3 s to 3 s: during start-up, the run, and the write
    for (const ms of [300, 1500, 3000]) {
      writeFileSync(out, PREVIOUS);
      const child = startBin(['simulate', '--scenario', scenario, '--days', '200', '--reps', '3', '--quiet', ...EMPTY, '--out', out]);
      const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
      await new Promise((r) => setTimeout(r, ms));
      child.kill('SIGINT');
      await exited;
      const text = readFileSync(out, 'utf8');
      if (text === PREVIOUS) outcomes.push('previous');
      else {
        expect(BatchResult.parse(JSON.parse(text)).reps).toBe(3);
        outcomes.push('complete');
      }
    }
    expect(outcomes).toHaveLength(3);

    // and exactly while the temporary file is being written: the process is frozen (SIGSTOP) the
    // moment the file appears; if it is still there, the write was caught half-way, and Ctrl-C is
    // delivered then. The write takes milliseconds, so it may take a few tries to catch.
    let caught = '';
    for (let attempt = 0; attempt < 8 && !caught; attempt++) {
      writeFileSync(out, PREVIOUS);
      const child = startBin(['simulate', '--scenario', scenario, '--days', '200', '--reps', '3', '--quiet', ...EMPTY, '--out', out]);
      const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
      const seen = new Promise<string>((resolve) => {
        const w = watch(dir, (_, name) => {
          if (name && /^\.interrupted\.json\.front-door-\d+\.tmp$/.test(name)) {
            child.kill('SIGSTOP');
            w.close();
            resolve(name);
          }
        });
      });
      const tmpName = await seen;
      // SIGSTOP is delivered asynchronously: on another core the process may run on (and rename)
      // for a moment, so look at the file only once the kernel says it is stopped.
      await stopped(child.pid!);
      const midWrite = existsSync(join(dir, tmpName));
      if (midWrite) child.kill('SIGINT');
      child.kill('SIGCONT');
      await exited;
      if (midWrite) {
        expect(readFileSync(out, 'utf8')).toBe(PREVIOUS);
        expect(readdirSync(dir)).toContain(tmpName);
        caught = tmpName;
      } else {
        expect(BatchResult.parse(JSON.parse(readFileSync(out, 'utf8'))).reps).toBe(3);
      }
    }
    expect(caught).not.toBe('');
    // whatever temporary file a killed process left, the next write to the name clears it
    const r = await run(['simulate', '--scenario', scenario, ...quick, '--out', out]);
    expect(r.code).toBe(0);
    expect(readdirSync(dir).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  }, 600_000);
});

/** Resolves once process `pid` is stopped (state T in /proc; gives up after 2 s, as on a system without /proc). */
async function stopped(pid: number): Promise<void> {
  for (let i = 0; i < 200; i++) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      if (/\) [Tt] /.test(stat)) return;
    } catch {
      return; // gone, or no /proc
    }
    await new Promise((r) => setTimeout(r, 10));
  }
}

describe('11. output larger than one JavaScript string is streamed, not built whole', () => {
  it('a real run written to --out is byte for byte the JSON.stringify text (the stream changes nothing)', async () => {
    const dir = scratch('out11');
    const scenario = smallScenarioFile(dir);
    const out = join(dir, 'r.json');
    const r = await run(['simulate', '--scenario', scenario, '--days', '30', '--reps', '2', '--quiet', ...EMPTY, '--out', out]);
    expect(r.code).toBe(0);
    const text = readFileSync(out, 'utf8');
    expect(text).toBe(JSON.stringify(JSON.parse(text), null, 2) + '\n');
  });
  // the size itself (more than V8's longest string) is in streamJson.test.ts
});

describe('12. a named pipe (FIFO) is refused at once, never waited on', () => {
  const dir = scratch('fifo12');
  const fifo = join(dir, 'pipe.json');
  execFileSync('mkfifo', [fifo]);

  it.each([
    ['--scenario', (f: string) => ['simulate', '--scenario', f]],
    ['--sweep', (f: string) => ['sweep', f]],
    [
      'a sweep whose scenario is a FIFO',
      (f: string) => (
        writeFileSync(join(dir, 's.json'), JSON.stringify({ scenario: f, parameter: 'dutyTeams.*.threshold', values: [60] })),
        ['sweep', join(dir, 's.json')]
      ),
    ],
    ['a merge shard', (f: string) => ['merge', f]],
  ])('%s: exit 2 in seconds (whole process, 20 s timeout)', (_, argv) => {
    const r = runBin(argv(fifo), { timeoutMs: 20_000 });
    expect(r.signal).toBeNull();
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/is a named pipe \(FIFO\); save the input to an ordinary file/);
  });
});

describe('13. a sweep on a list length (dutyTeams.length = 1e10) is refused with the path, no crash', () => {
  it('exit 2 naming dutyTeams.length', async () => {
    const dir = scratch('sweep13');
    writeFileSync(join(dir, 'sweep.json'), JSON.stringify({ scenario: small, parameter: 'dutyTeams.length', values: [1e10] }));
    const r = await run(['sweep', join(dir, 'sweep.json')]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/- dutyTeams\.length: dutyTeams is a list: use \* \(every element\) or an index/);
    expect(r.err).not.toMatch(/RangeError|Invalid array length/);
    expect(r.err).not.toMatch(STACK);
  });
});

describe('14. files with a byte-order mark open as they do in the app', () => {
  const dir = scratch('bom14');
  const text = JSON.stringify(small);
  const encodings: [string, Buffer][] = [
    ['UTF-8 with BOM', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')])],
    ['UTF-16 LE with BOM', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')])],
    ['UTF-16 BE with BOM', Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(text, 'utf16le').swap16()])],
  ];

  it.each(encodings)('%s: exit 0, the same results as the plain file', async (name, bytes) => {
    const file = join(dir, `${name.replace(/\W+/g, '-')}.json`);
    writeFileSync(file, bytes);
    const plain = await run(['simulate', '--scenario', smallScenarioFile(dir), ...quick]);
    const bom = await run(['simulate', '--scenario', file, ...quick]);
    expect(bom.code).toBe(0);
    expect(bom.out).toBe(plain.out);
    expect(readFileSync(file)).toEqual(bytes);
  });

  it('a file that is not UTF-8 is named as such', async () => {
    const file = join(dir, 'latin1.json');
    writeFileSync(file, Buffer.from([0x7b, 0xe9, 0x7d]));
    const r = await run(['simulate', '--scenario', file]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/is not UTF-8 text: save it as UTF-8/);
  });
});

describe('15. merge checks what is inside the shards', () => {
  const dir = scratch('merge15');
  writeFileSync(
    join(dir, 'sweep.json'),
    JSON.stringify({ scenario: small, parameter: 'dutyTeams.*.socialWorkerPosts', values: [6, 10, 14], days: 10, warmupDays: 0, reps: 1, seed: 4 }),
  );
  const shard = (i: number) => join(dir, `s${i}.json`);
  const made = (async () => {
    for (const i of [0, 1]) expect((await run(['sweep', join(dir, 'sweep.json'), '--shard', `${i}/2`, '--out', shard(i), '--quiet'])).code).toBe(0);
  })();
  const edited = (i: number, edit: (s: SweepShardFile) => void) => {
    const s = SweepShardFile.parse(JSON.parse(readFileSync(shard(i), 'utf8')));
    edit(s);
    const file = join(dir, `edited-${Math.random().toString(36).slice(2)}.json`);
    writeFileSync(file, JSON.stringify(s));
    return file;
  };

  it('the untouched shards merge (exit 0), and the merged file parses', async () => {
    await made;
    const r = await run(['merge', '--out', join(dir, 'merged.json'), shard(1), shard(0)]);
    expect(r.code).toBe(0);
    expect(SweepFile.parse(JSON.parse(readFileSync(join(dir, 'merged.json'), 'utf8'))).points.map((p) => p.value)).toEqual([6, 10, 14]);
  });

  it.each([
    ['a point index out of range', (s: SweepShardFile) => (s.points[0]!.index = 7), /point 7: is out of range: the sweep has points 0 to 2/],
    ['a value not in the sweep', (s: SweepShardFile) => (s.points[0]!.value = 99), /point 1: has value 99, but the sweep's point 1 is 10/],
    [
      'a pasted fingerprint (settings edited, fingerprint kept)',
      (s: SweepShardFile) => (s.sweep.reps = 40),
      /its fingerprint \w+ does not match its own settings/,
    ],
    [
      'a fingerprint pasted from another sweep',
      (s: SweepShardFile) => (s.fingerprint = '0badf00d'),
      /its fingerprint 0badf00d does not match its own settings/,
    ],
    [
      'a point moved to the wrong shard',
      (s: SweepShardFile) => (s.shard = { index: 0, count: 2 }),
      /does not belong to shard 0\/2|appears in more than one shard/,
    ],
    ['a result from a different run length', (s: SweepShardFile) => (s.points[0]!.result.days = 365), /was run with 365 days/],
  ])('%s: exit 2 with the reason; no merged file; the shards unchanged', async (_, edit, message) => {
    await made;
    const bad = edited(1, edit);
    const badBefore = readFileSync(bad, 'utf8');
    const s0Before = readFileSync(shard(0), 'utf8');
    const out = join(dir, `never-${Math.random().toString(36).slice(2)}.json`);
    const r = await run(['merge', '--out', out, shard(0), bad]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/merge: nothing was written/);
    expect(r.err).toMatch(message);
    expect(existsSync(out)).toBe(false);
    expect(readFileSync(bad, 'utf8')).toBe(badBefore);
    expect(readFileSync(shard(0), 'utf8')).toBe(s0Before);
  });
});
