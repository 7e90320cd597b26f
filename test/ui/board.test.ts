import { describe, expect, it } from 'vitest';
import { getPreset } from '../../src/scenario/presets.ts';
import { METRICS } from '../../src/sim/metricDefinitions.ts';
import { keyAssumptions } from '../../src/ui/features/report/assumptions.ts';
import { compactInterval, firstSentence, shortLabels } from '../../src/ui/features/report/boardData.ts';
import { headlineMetrics } from '../../src/ui/lib/seriesMeta.ts';
import { differenceChart } from '../../src/ui/features/report/differenceChart.ts';

describe('the board summary’s pure parts', () => {
  it('headline measures all exist in the definitions (renamed ones drop out rather than break the page)', () => {
    const h = headlineMetrics();
    expect(h.length).toBeGreaterThan(4);
    for (const m of h) expect(METRICS[m]).toBeDefined();
  });

  it('short labels drop the alternatives’ shared lead and keep labels distinct', () => {
    expect(shortLabels(['Kent 2010: centre', 'Kent 2010 restructured: a single front door', 'Kent 2010 restructured: one threshold'])).toEqual([
      'Kent 2010',
      'A single front door',
      'One threshold',
    ]);
    expect(shortLabels(['A: x', 'B: same', 'C: same'])).toEqual(['A', 'B: same', 'C: same']);
    expect(shortLabels(['Base', 'Mine'])).toEqual(['Base', 'Mine']);
  });

  it('writes an interval with the unit once', () => {
    expect(compactInterval([-0.064, -0.031], 'share')).toBe('−6.40 to −3.10 pp');
    expect(compactInterval([-549, -505], 'hours')).toBe('−549 to −505 h');
    expect(firstSentence('One. Two.')).toBe('One.');
    expect(firstSentence('x'.repeat(200), 20)).toHaveLength(20);
  });

  it('reads the key assumptions from the scenario, with its own numbers, and skips what a scenario lacks', () => {
    const kent = getPreset('kent-2010')!;
    const a = keyAssumptions(kent);
    // The scenario's rates are new concerns, not every contact the front door sees.
    const concerns = kent.demand.sources.reduce((n, src) => n + src.contactsPerMonth, 0);
    expect(a[0]).toContain(`about ${Number(concerns.toPrecision(3)).toLocaleString('en-GB')} new concerns a month from ${kent.demand.sources.length} agencies`);
    expect(a[0]).toMatch(/children who come back and second reports of the same incident add to these/);
    // With the baseline's simulated contacts, the sentence gives both.
    expect(keyAssumptions(kent, 1974.96)[0]).toMatch(
      /; with the children who come back and second reports of the same incident, 1,970 contacts a month reach the baseline’s front door\./,
    );
    expect(a.some((x) => /comes back at a rate of 2 a year/.test(x))).toBe(true);
    // Initial and core assessments before Working Together 2013, with their days and hours.
    const {
      meanInitialAssessmentWorkingDays: ia,
      meanCoreAssessmentWorkingDays: ca,
      initialAssessmentWorkHours: ih,
      coreAssessmentWorkHours: ch,
    } = kent.assessment;
    expect(a).toContain(
      `An initial assessment takes about ${ia} working days and ${ih} hours of a social worker’s time and a core assessment ${ca} working days and ${ch} hours, when the worker has the hours; longer when a team is under pressure or short of time.`,
    );
    // One single assessment from Working Together 2013: no initial or core assessment is named.
    const england = keyAssumptions(getPreset('england-2023-24'));
    expect(england.some((x) => x.startsWith('A single assessment takes about '))).toBe(true);
    expect(england.join(' ')).not.toMatch(/initial assessment|core assessment/);
    expect(keyAssumptions({})).toEqual([expect.stringMatching(/^Numbers come from a model/)]);
  });

  it('the difference chart always shows zero, and puts each interval around its mean', () => {
    const g = differenceChart([{ label: 'B', mean: 2, lo: 1, hi: 3 }], { width: 300, left: 100 });
    expect(g.zeroX).toBeGreaterThanOrEqual(100);
    const r = g.rows[0]!;
    expect(r.x0).toBeGreaterThan(g.zeroX);
    expect(r.x0 < r.x && r.x < r.x1).toBe(true);
  });
});
