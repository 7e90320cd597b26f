import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { simulateMain } from '../../src/cli/simulate.ts';
import { BatchResult } from '../../src/sim/results.ts';
import { small } from '../fixtures/small.ts';

async function run(argv: string[]) {
  let out = '';
  let err = '';
  const code = await simulateMain(argv, { out: (s) => (out += s), err: (s) => (err += s) });
  return { code, out, err };
}

const dir = mkdtempSync(join(tmpdir(), 'front-door-cli-'));
const scenarioFile = join(dir, 'small.json');
writeFileSync(scenarioFile, JSON.stringify(small));

describe('npm run simulate', () => {
  it('writes a BatchResult that its zod schema accepts, with the metrics the issue lists', async () => {
    const { code, out } = await run(['--scenario', scenarioFile, '--days', '60', '--reps', '3', '--seed', '5', '--quiet']);
    expect(code).toBe(0);
    const result = BatchResult.parse(JSON.parse(out));
    expect(result.reps).toBe(3);
    for (const name of ['contacts', 'referrals', 'reReferralRate', 'repeatWorkHours', 'socialWorkerUtilisation'] as const) {
      expect(result.metrics[name].ci95[0]).toBeLessThanOrEqual(result.metrics[name].mean);
    }
    expect(result.metrics.contacts.mean).toBeGreaterThan(0);
  });

  it('gives the same numbers on the same seed and writes CSV with one column per replication', async () => {
    const out = join(dir, 'a.csv');
    const a = await run(['--scenario', scenarioFile, '--days', '30', '--reps', '2', '--format', 'csv', '--out', out, '--quiet']);
    const b = await run(['--scenario', scenarioFile, '--days', '30', '--reps', '2', '--format', 'csv', '--quiet']);
    expect(a.code).toBe(0);
    expect(readFileSync(out, 'utf8')).toBe(b.out);
    expect(b.out.split('\n')[0]).toMatch(/^scope,metric,label,mean,ci95_low,ci95_high,rep0_seed\d+,rep1_seed\d+$/);
  });

  it('--series writes the weekly series with calendar dates and the changes, and the summary says when the backlog peaks and comes down', async () => {
    const withTimeline = join(dir, 'timeline.json');
    writeFileSync(
      withTimeline,
      JSON.stringify({
        ...small,
        timeline: { startDate: '2010-04-01', changes: [{ change: 'socialWorkersLeave', date: '2010-05-03', team: 'all', count: 10, refilled: true }] },
        workforce: { recruitmentLagDays: 28 },
      }),
    );
    const series = join(dir, 'weekly.csv');
    const r = await run([
      '--scenario',
      withTimeline,
      '--days',
      '120',
      '--warmup-days',
      '14',
      '--reps',
      '2',
      '--series',
      series,
      '--out',
      join(dir, 'r.json'),
      '--start',
      'empty',
    ]);
    expect(r.code).toBe(0);
    const rows = readFileSync(series, 'utf8').trim().split('\n');
    const head = rows[0]!.split(',');
    expect(head.slice(0, 4)).toEqual(['week', 'run_day', 'date', 'measured']);
    expect(head).toContain('awaitingAllocation');
    expect(head).toContain('socialWorkersInPost');
    expect(head[head.length - 1]).toBe('changes');
    expect(rows).toHaveLength(1 + Math.ceil(134 / 7));
    // Week 0 starts 14 days before the first measured day; the change is listed in its week.
    expect(rows[1]!.startsWith('0,0,2010-03-18,0,')).toBe(true);
    const changeRows = rows.filter((row) => row.includes('leave every duty team'));
    expect(changeRows).toHaveLength(1);
    expect(changeRows[0]).toContain('10 duty social workers leave every duty team (2010-05-03)');
    expect(r.err).toMatch(
      /The backlog \(referrals awaiting allocation\) peaks in the week of .* it has come down by three quarters of its rise in the week of/,
    );
  });

  it('exits 2 naming every bad flag, without a stack trace', async () => {
    const { code, err } = await run(['--scenario', scenarioFile, '--days', '0', '--reps', 'many', '--format', 'xml']);
    expect(code).toBe(2);
    expect(err).toContain('--days');
    expect(err).toContain('--reps');
    expect(err).toContain('--format');
    expect(err).not.toMatch(/\n\s+at /);
  });

  it('exits 2 naming each field of a bad scenario, with a hint for a percentage typed as a share', async () => {
    const bad = structuredClone(small) as Record<string, any>;
    bad.dutyTeams[3].vacancyRate = 13;
    delete bad.frontDoor;
    const file = join(dir, 'bad.json');
    writeFileSync(file, JSON.stringify(bad));
    const { code, err } = await run(['--scenario', file]);
    expect(code).toBe(2);
    expect(err).toContain('dutyTeams.3.vacancyRate');
    expect(err).toContain('did you mean 0.13?');
    expect(err).toContain('frontDoor: is missing');
  });

  it('exits 2 for an unknown preset and for a file that is not JSON', async () => {
    expect((await run(['--scenario', 'no-such-preset'])).code).toBe(2);
    const file = join(dir, 'broken.json');
    writeFileSync(file, '{ "version": 1,');
    const { code, err } = await run(['--scenario', file]);
    expect(code).toBe(2);
    expect(err).toContain('not valid JSON');
  });
});
