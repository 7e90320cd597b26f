import { csvParse } from 'd3';
import { describe, expect, it } from 'vitest';
import { METRIC_NAMES } from '../../src/sim/metricDefinitions.ts';
import { summariseBatch } from '../../src/sim/batch.ts';
import { comparisonCsv, comparisonRows, replicationsCsv, seriesCsv, summaryCsv, teamsCsv } from '../../src/ui/features/results/csv.ts';
import { fakeReplication } from './fixtures/results.ts';
import { fixtureScenario } from './fixtures/scenario.ts';

const opts = { days: 56, warmupDays: 14, reps: 5, seed: 3 };
const batchAt = (level: number) => summariseBatch(fixtureScenario(), opts, Array.from({ length: 5 }, (_, rep) => fakeReplication(rep, 3, level)));
const parse = (text: string) => {
  expect(text.startsWith('\uFEFF')).toBe(true);
  return csvParse(text.slice(1));
};

describe('CSV exports', () => {
  it('summary: one row per metric and scenario, with seed and replications on every row', () => {
    const rows = parse(summaryCsv([{ label: 'Kent, "as is"', batch: batchAt(1) }]));
    expect(rows).toHaveLength(METRIC_NAMES.length);
    expect(rows[0]).toMatchObject({ scenario: 'Kent, "as is"', seed: '3', replications: '5', days: '56', warmup_days: '14' });
    expect(Number(rows[0]!.ci95_low)).toBeLessThanOrEqual(Number(rows[0]!.mean));
  });

  it('replications: one row per replication and metric, carrying each replication’s own seed', () => {
    const rows = parse(replicationsCsv([{ label: 'A', batch: batchAt(1) }]));
    expect(rows).toHaveLength(5 * METRIC_NAMES.length);
    expect(new Set(rows.map((r) => r.replication_seed)).size).toBe(5);
  });

  it('series marks the warm-up weeks, and teams list every team', () => {
    const series = parse(seriesCsv([{ label: 'A', batch: batchAt(1) }], ['reReferralRate']));
    expect(series.filter((r) => r.in_warmup === 'yes').map((r) => r.week_start_day)).toEqual(['0', '7']);
    const teams = parse(teamsCsv([{ label: 'A', batch: batchAt(1) }]));
    expect(new Set(teams.map((r) => r.team))).toEqual(new Set(['North', 'South']));
  });

  it('comparison: differences against the baseline, flagged when the paired interval excludes zero', () => {
    const rows = comparisonRows(batchAt(1), batchAt(1.5));
    // fake values rise with the level, with noise shared by replication: every difference is clear
    expect(rows.every((r) => r.difference.mean > 0 && r.difference.excludesZero)).toBe(true);
    const same = comparisonRows(batchAt(1), batchAt(1));
    expect(same.every((r) => r.difference.mean === 0 && !r.difference.excludesZero)).toBe(true);
    const csv = parse(comparisonCsv([{ label: 'Base', batch: batchAt(1) }, { label: 'More', batch: batchAt(1.5) }]));
    expect(csv).toHaveLength(METRIC_NAMES.length);
    expect(csv[0]).toMatchObject({ baseline: 'Base', scenario: 'More', ci_excludes_zero: 'yes' });
  });

  it('refuses to compare runs made on different seeds', () => {
    const other = summariseBatch(fixtureScenario(), { ...opts, seed: 4 }, Array.from({ length: 5 }, (_, rep) => fakeReplication(rep, 4)));
    expect(() => comparisonRows(batchAt(1), other)).toThrow(/same seeds/);
  });
});
