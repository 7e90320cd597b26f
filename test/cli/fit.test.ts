import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseFitArgs } from '../../src/cli/fit.ts';
import { FIT_PARAMETERS } from '../../src/scenario/fit/parameters.ts';
import { parseScenario } from '../../src/scenario/parse.ts';
import { run, scratch, STACK } from './cliHarness.ts';

describe('front-door fit', () => {
  it('names the flag or the targets field that is wrong, and runs nothing', async () => {
    const flags = parseFitArgs(['--reps', 'x'], 2);
    expect(flags.ok).toBe(false);
    expect(!flags.ok && flags.problems.map((p) => p.path)).toEqual(expect.arrayContaining(['--targets', '--reps']));
    const dir = scratch('fit-bad');
    const file = join(dir, 'council.json');
    writeFileSync(file, JSON.stringify({ childPopulation: 40_000, reReferralPct: 140, caseload: 16 }));
    const r = await run(['fit', '--targets', file, '--out', join(dir, 'out.json')]);
    expect(r.code).toBe(2);
    expect(r.err).toContain('reReferralPct');
    expect(r.err).toContain('caseload');
    expect(r.err).not.toMatch(STACK);
    writeFileSync(file, JSON.stringify({ childPopulation: 40_000, basePreset: 'nowhere', reReferralPct: 20 }));
    const p = await run(['fit', '--targets', file]);
    expect(p.code).toBe(2);
    expect(p.err).toContain('no preset "nowhere"');
  });

  it('writes a fitted scenario that parses, with the table on standard output (a short fit of a small council)', async () => {
    const dir = scratch('fit-small');
    const file = join(dir, 'council.json');
    writeFileSync(
      file,
      JSON.stringify({ name: 'Small Borough', basePreset: 'medway-2006', childPopulation: 15_000, contactToReferralPct: 55, reReferralPct: 35 }),
    );
    const out = join(dir, 'small-borough.json');
    const report = join(dir, 'report.json');
    const r = await run([
      'fit',
      '--targets',
      file,
      '--out',
      out,
      '--report',
      report,
      '--max-evaluations',
      '12',
      '--search-days',
      '60',
      '--reps',
      '2',
      '--workers',
      '1',
      '--quiet',
    ]);
    expect([0, 1]).toContain(r.code);
    const scenario = parseScenario(JSON.parse(readFileSync(out, 'utf8')));
    expect(scenario.ok && scenario.value.id).toBe('small-borough-fitted');
    expect(r.out).toContain('Re-referrals within 12 months (%)');
    expect(r.out).toContain('England 22% (2023-24)');
    expect(r.out).toMatch(/A good fit|POOR FIT/);
    expect(r.code === 0).toBe(r.out.includes('A good fit'));
    const rep = JSON.parse(readFileSync(report, 'utf8'));
    expect(rep.kind).toBe('front-door-fit');
    // Medway is no MASH, so the default parameters: FIT_PARAMETERS.
    expect(rep.parameters).toHaveLength(FIT_PARAMETERS.length);
  }, 60_000);
});
