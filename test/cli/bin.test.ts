import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { csvParse } from 'd3';
import { describe, expect, it } from 'vitest';
import { escapeControl } from '../../src/cli/terminalText.ts';
import { small } from '../fixtures/small.ts';
import { ROOT, run, runBin, scratch, smallScenarioFile, STACK } from './cliHarness.ts';

/** The built `front-door` executable, run as users run it: its own process, plain JavaScript. */
const dir = scratch('bin-test');
const scenario = smallScenarioFile(dir);

describe('front-door, the built command-line tool', () => {
  it('package.json names it as the bin, built by an npm script that npm test runs', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
    expect(pkg.bin['front-door']).toBe('build/cli/front-door.mjs');
    expect(pkg.scripts['build:cli']).toBe('node scripts/build-cli.mjs');
    expect(pkg.scripts.test).toContain('npm run build:cli');
  });

  it('--help answers from plain JavaScript (no TypeScript loader), exit 0', () => {
    const r = runBin(['--help']);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('Usage: front-door <command>');
  });

  it('runs replications on worker threads from the bundle, with the same numbers as one thread', () => {
    const args = ['simulate', '--scenario', scenario, '--days', '20', '--reps', '2', '--seed', '3', '--quiet', '--start', 'empty', '--warmup-days', '0'];
    const one = runBin(args);
    const two = runBin([...args, '--workers', '2', '--force-workers']);
    expect(one.status).toBe(0);
    expect(two.status).toBe(0);
    expect(two.stdout).toBe(one.stdout);
  });

  it('calibrate is wired to the calibration script, which reads only its own flags', () => {
    const r = runBin(['calibrate', '--reps', 'many']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('--reps must be a number');
  });

  it('a preset id works without the seeds/ folder beside it (presets are bundled)', () => {
    const r = runBin(
      ['simulate', '--scenario', 'kent-2010', '--days', '5', '--reps', '1', '--quiet', '--start', 'empty', '--warmup-days', '0', '--format', 'csv'],
      { cwd: dir },
    );
    expect(r.status).toBe(0);
    expect(r.stdout.split('\n')[0]).toMatch(/^scope,metric,label,mean/);
  });

  it('control characters from a bad file or its name are escaped on the terminal, never sent raw (ESC]0;…BEL retitles it)', () => {
    const nasty = join(dir, 'evil\u001b]0;owned\u0007.json');
    writeFileSync(nasty, '{"name": "\u001b]0;pwned\u0007\u001b[2J", ');
    const r = runBin(['simulate', '--scenario', nasty]);
    expect(r.status).toBe(2);
    expect([...r.stderr].filter((c) => c.charCodeAt(0) < 0x20 && c !== '\n' && c !== '\t')).toEqual([]);
    expect(r.stderr).toContain('evil\\x1b]0;owned\\x07.json');
    expect(r.stderr).not.toMatch(STACK);
    expect(escapeControl('a\u202eb\tc\nd\u009b')).toBe('a\\u202eb\tc\nd\\x9b');
  });
});

describe('CSV formula injection in the CLI’s CSV (issue 14, security)', () => {
  it('a team named @SUM(1+1) or =HYPERLINK(…) reaches the CSV as text', async () => {
    const s = structuredClone(small) as typeof small;
    s.dutyTeams[0]!.name = '@SUM(1+1)';
    s.dutyTeams[1]!.name = '=HYPERLINK("http://evil.example","x")';
    s.dutyTeams[2]!.name = '-2+3';
    writeFileSync(join(dir, 'evil.json'), JSON.stringify(s));
    const r = await run([
      'simulate',
      '--scenario',
      join(dir, 'evil.json'),
      '--days',
      '10',
      '--reps',
      '2',
      '--start',
      'empty',
      '--warmup-days',
      '0',
      '--format',
      'csv',
      '--quiet',
    ]);
    expect(r.code).toBe(0);
    const scopes = new Set(csvParse(r.out).map((row) => row.scope));
    expect(scopes).toContain("'@SUM(1+1)");
    expect(scopes).toContain('\'=HYPERLINK("http://evil.example","x")');
    expect(scopes).toContain("'-2+3");
    const cells = csvParse(r.out).flatMap((row) => Object.values(row));
    expect(cells.filter((c) => /^[=+@\t\r]/.test(c ?? '') || /^-[^\d.]/.test(c ?? ''))).toEqual([]);
  });
});
