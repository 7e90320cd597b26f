import { symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseSimulateArgs } from '../../src/cli/args.ts';
import { guardMessage } from '../../src/cli/guardMessage.ts';
import { EngineLimitError } from '../../src/sim/engine.ts';
import { small } from '../fixtures/small.ts';
import { run, scratch, smallScenarioFile, STACK } from './cliHarness.ts';

/** Issue 14's "Minor" command-line items, each as the user meets it. */
const dir = scratch('minor');
const scenario = smallScenarioFile(dir);

describe('flags are parsed strictly', () => {
  it('a flag given twice is refused, naming both values (it used to keep the last silently)', async () => {
    const r = await run(['simulate', '--scenario', scenario, '--days', '30', '--days', '60']);
    expect(r.code).toBe(2);
    expect(r.err).toContain('- --days: is given 2 times (30, 60); give it once');
    const m = await run(['merge', '--format', 'csv', '--format', 'json', 'a.json']);
    expect(m.code).toBe(2);
    expect(m.err).toContain('--format: is given 2 times');
  });

  it.each(['0x1e', '1e2', '+30', '30.0', ' 30', '3_0', '٣٠'])('--days %j is refused: digits only', async (days) => {
    const r = await run(['simulate', '--scenario', scenario, '--days', days]);
    expect(r.code).toBe(2);
    expect(r.err).toContain('- --days: must be a whole number written in digits, e.g. 365');
  });

  it('--warmup-days takes a decimal but not hex or an exponent', () => {
    expect(parseSimulateArgs(['--scenario', 'x', '--warmup-days', '30.5'], 2).ok).toBe(true);
    expect(parseSimulateArgs(['--scenario', 'x', '--warmup-days', '0x10'], 2).ok).toBe(false);
  });

  it('merge --out with no value is refused (it used to write to standard output and exit 0)', async () => {
    for (const argv of [
      ['merge', 'a.json', '--out'],
      ['merge', '--out'],
    ]) {
      const r = await run(argv);
      expect(r.code).toBe(2);
      expect(r.out).toBe('');
      expect(r.err).toContain('- --out: needs a value after it');
    }
  });

  it('--workers above the machine’s cores is refused unless --force-workers (256 on 2 cores took 1.79 GB)', () => {
    const r = parseSimulateArgs(['--scenario', 'x', '--workers', '256'], 2);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems[0]!.message).toMatch(/this machine has 2 cores, so 256 workers .* use at most 2, or add --force-workers/);
    expect(parseSimulateArgs(['--scenario', 'x', '--workers', '2'], 2).ok).toBe(true);
    const forced = parseSimulateArgs(['--scenario', 'x', '--workers', '8', '--force-workers'], 2);
    expect(forced.ok && forced.value.workers).toBe(8);
    expect(parseSimulateArgs(['--scenario', 'x', '--workers', '257', '--force-workers'], 2).ok).toBe(false);
  });

  it('a sweep refuses run settings on the command line that its file sets (they were silently ignored)', async () => {
    writeFileSync(join(dir, 'sw.json'), JSON.stringify({ scenario: small, parameter: 'dutyTeams.*.threshold', values: [60] }));
    const r = await run(['sweep', join(dir, 'sw.json'), '--days', '30']);
    expect(r.code).toBe(2);
    expect(r.err).toContain('- --days: is set in the sweep file');
  });
});

describe('messages', () => {
  it('a symbolic link loop is called a loop, not "no such file"', async () => {
    symlinkSync(join(dir, 'loop-b.json'), join(dir, 'loop-a.json'));
    symlinkSync(join(dir, 'loop-a.json'), join(dir, 'loop-b.json'));
    const r = await run(['simulate', '--scenario', join(dir, 'loop-a.json')]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/loop-a\.json is a loop of symbolic links/);
    expect(r.err).not.toMatch(/no such file/);
  });

  it('a 10,000-value sweep with every value bad prints 20 problems and a count, not 55,001 lines', async () => {
    const values = Array.from({ length: 10_000 }, (_, i) => 2 + i);
    writeFileSync(join(dir, 'flood.json'), JSON.stringify({ scenario: small, parameter: 'dutyTeams.*.vacancyRate', values }));
    const r = await run(['sweep', join(dir, 'flood.json')]);
    expect(r.code).toBe(2);
    const lines = r.err.trimEnd().split('\n');
    expect(lines.length).toBeLessThanOrEqual(23);
    expect(lines.filter((l) => l.startsWith('- values.'))).toHaveLength(20);
    expect(r.err).toMatch(/… and [\d,]+ more problems \([\d,]+ kinds? of message\); fix these and run again to see the rest/);
  }, 60_000);

  it('the guard does not advise fewer replications to a run of one', () => {
    const e = new EngineLimitError(
      'stopped after 50,000,000 events at day 40 of 36525: the run is larger than the guard allows (12 cases open). Shorten the run or use fewer replications.',
    );
    expect(guardMessage(e, 1)).toMatch(/Shorten the run\.$/);
    expect(guardMessage(e, 1)).not.toMatch(/fewer replications/);
    expect(guardMessage(e, 20)).toBe(e.message);
  });

  it('the top-level help lists the commands, and fit without its targets exits 2 naming the flag', async () => {
    const h = await run(['--help']);
    expect(h.code).toBe(0);
    for (const c of ['simulate', 'sweep', 'merge', 'calibrate', 'fit']) expect(h.out).toMatch(new RegExp(`^  ${c} `, 'm'));
    const f = await run(['fit']);
    expect(f.code).toBe(2);
    expect(f.err).toContain('--targets');
    const u = await run(['simulat']);
    expect(u.code).toBe(2);
    expect(u.err).toContain('unknown command "simulat"');
    expect(u.err).not.toMatch(STACK);
  });
});
