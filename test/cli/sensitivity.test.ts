import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseSensitivityArgs } from '../../src/cli/sensitivity.ts';
import { SENSITIVITY_PARAMETERS } from '../../src/scenario/sensitivity.ts';
import { METRIC_NAMES } from '../../src/sim/metricDefinitions.ts';
import { pressuredScenario } from '../fixtures/pressured.ts';
import { run, scratch } from './cliHarness.ts';

describe('front-door sensitivity: flags', () => {
  it('defaults to 8 replications of the app’s run on seed 2010, every parameter, at most 2 workers', () => {
    const f = parseSensitivityArgs(['--scenario', 'kent-2010'], 2);
    expect(f.ok && f.value).toMatchObject({
      scenario: 'kent-2010',
      reps: 8,
      days: 365,
      'warmup-days': 90,
      seed: 2010,
      workers: 2,
      parameters: SENSITIVITY_PARAMETERS.map((p) => p.path),
    });
    const one = parseSensitivityArgs(['--scenario', 'kent-2010'], 1);
    expect(one.ok && one.value.workers).toBe(1);
  });

  it('names every bad flag at once: no scenario, one replication, an unknown parameter, too many workers', async () => {
    const f = parseSensitivityArgs(['--reps', '1', '--parameters', 'reReferral.unmetNeedReturnsPerYear,demand.nope'], 2);
    expect(f.ok).toBe(false);
    if (f.ok) return;
    const text = f.problems.map((p) => `${p.path}: ${p.message}`).join('\n');
    expect(text).toMatch(/--scenario: give a scenario/);
    expect(text).toMatch(/--reps: needs at least 2 replications/);
    expect(text).toMatch(/--parameters: "demand\.nope" is not one of the parameters/);
    expect(parseSensitivityArgs(['--scenario', 'x', '--workers', '3'], 2)).toMatchObject({ ok: false, problems: [{ path: '--workers' }] });
    const r = await run(['sensitivity', '--days', '0x1e']);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/--days: must be a whole number written in digits/);
  });

  it('prints its usage with --help, and is listed in the main help', async () => {
    const help = await run(['sensitivity', '--help']);
    expect(help.code).toBe(0);
    expect(help.out).toMatch(/common random numbers/);
    expect((await run(['--help'])).out).toMatch(/sensitivity {2}each assumption moved low\/high/);
  });
});

describe('front-door sensitivity: a run', () => {
  it('prints a table per headline measure and writes every measure to JSON; the numbers do not depend on --workers', async () => {
    const dir = scratch('sensitivity');
    const file = join(dir, 'pressured.json');
    writeFileSync(file, JSON.stringify(pressuredScenario()));
    const args = [
      'sensitivity',
      '--scenario',
      file,
      '--parameters',
      'reReferral.unmetNeedReturnsPerYear,reReferral.metNeedReturnsPerYear',
      '--reps',
      '2',
      '--days',
      '28',
      '--warmup-days',
      '0',
      '--seed',
      '3',
      '--quiet',
    ];
    const one = await run([...args, '--workers', '1', '--json', join(dir, 'one.json')]);
    expect(one.err).toBe('');
    expect(one.code).toBe(0);
    expect(one.out).toMatch(/^Sensitivity of "Pressured three-team county" \(pressured\)/);
    expect(one.out).toMatch(/common random numbers/);
    expect(one.out).toMatch(
      /\nRe-referral rate: base [\d.]+% \([\d.]+% to [\d.]+%\); largest swing first\nparameter +low -> high +effect at low +effect at high +swing\n/,
    );
    expect(one.out).toMatch(/\nreReferral\.unmetNeedReturnsPerYear +0\.75 -> 2\.25 +[-+]?[\d.]+ pp \(/);
    expect(one.out).toMatch(/reReferral\.metNeedReturnsPerYear +0\.1 -> 0\.3 /);
    for (const label of [
      'Came back within 12 months of closure',
      'Closed with unmet need',
      'Awaiting allocation (average)',
      'Initial assessments in timescale',
    ])
      expect(one.out).toContain(`\n${label}: base`);
    const json = JSON.parse(readFileSync(join(dir, 'one.json'), 'utf8'));
    expect(json).toMatchObject({ kind: 'front-door-sensitivity', version: 1, reps: 2, days: 28, seed: 3 });
    expect(json.measures.map((m: { metric: string }) => m.metric)).toEqual(METRIC_NAMES);
    expect(json.parameters.map((p: { path: string }) => p.path)).toEqual(['reReferral.unmetNeedReturnsPerYear', 'reReferral.metNeedReturnsPerYear']);

    const two = await run([...args, '--workers', '2', '--json', join(dir, 'two.json')]);
    expect(two.code).toBe(0);
    expect(two.out).toBe(one.out);
    expect(readFileSync(join(dir, 'two.json'), 'utf8')).toBe(readFileSync(join(dir, 'one.json'), 'utf8'));
  }, 180_000);
});
