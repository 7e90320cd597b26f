import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { ParameterRange } from '../../src/scenario/sensitivity.ts';
import { summariseBatch } from '../../src/sim/batch.ts';
import { METRICS } from '../../src/sim/metricDefinitions.ts';
import { analyseSensitivity } from '../../src/sim/sensitivity.ts';
import { SensitivityChart, tornadoTable } from '../../src/ui/features/sensitivity/SensitivityView.tsx';
import type { SensitivityResult } from '../../src/ui/features/sensitivity/sensitivityRun.ts';
import { tornadoChart } from '../../src/ui/features/sensitivity/tornado.ts';
import { fakeReplication } from '../fixtures/results.ts';
import { fixtureScenario } from '../fixtures/scenario.ts';

// Results summarised from fabricated replications: for rendering tests only, never shown in the app.
const opts = { days: 56, warmupDays: 14, reps: 4, seed: 9 };
const batchAt = (level: number) =>
  summariseBatch(
    fixtureScenario(),
    opts,
    Array.from({ length: 4 }, (_, rep) => fakeReplication(rep, 9, level)),
  );
const range = (path: string, base: number, low: number, high: number): ParameterRange => ({ path, base, low, high, cut: false });

/** Three assumptions, listed smallest swing first so the chart must sort them. */
function result(): SensitivityResult {
  const ranges = [
    range('services.needMetShare', 0.88, 0.82, 0.94),
    range('reReferral.metNeedReturnsPerYear', 0, 0, 0.1),
    range('reReferral.unmetNeedReturnsPerYear', 2, 1, 3),
  ];
  const variants = [
    { path: 'services.needMetShare', side: 'low' as const, batch: batchAt(1.01) },
    { path: 'services.needMetShare', side: 'high' as const, batch: batchAt(0.99) },
    { path: 'reReferral.metNeedReturnsPerYear', side: 'high' as const, batch: batchAt(1.1) },
    { path: 'reReferral.unmetNeedReturnsPerYear', side: 'low' as const, batch: batchAt(0.7) },
    { path: 'reReferral.unmetNeedReturnsPerYear', side: 'high' as const, batch: batchAt(1.25) },
  ];
  return { scenarioName: 'Test fixture', analysis: analyseSensitivity(batchAt(1), ranges, variants) };
}

const ORDER = ['reReferral.unmetNeedReturnsPerYear', 'reReferral.metNeedReturnsPerYear', 'services.needMetShare'];

describe('the tornado chart', () => {
  it('draws one row per assumption, largest swing first, each named in a sentence, the rows one Tab stop', () => {
    const html = renderToString(<SensitivityChart result={result()} metric="reReferralRate" />);
    const rows = [...html.matchAll(/data-row="([^"]+)"/g)].map((m) => m[1]);
    expect(rows).toEqual(ORDER);
    expect((html.match(/role="listitem"/g) ?? []).length).toBe(3);
    // one Tab stop (the first row); the arrow keys move between rows
    expect([...html.matchAll(/role="listitem" tabindex="(-?\d)"/g)].map((m) => m[1])).toEqual(['0', '-1', '-1']);
    expect(html).toMatch(/<svg[^>]*role="group"[^>]*aria-labelledby="[^"]+-title"/);
    expect(html).toContain('aria-label="How often children with unmet need come back (now 2): at 1: −');
    expect(html).toContain('at 0: the same as the base (not run)');
  });

  it('has a table alternative in the same order, the measure’s definition one click away, and labels in plain English', () => {
    const r = result();
    const html = renderToString(<SensitivityChart result={r} metric="reReferralRate" />);
    expect(html).toContain('Show the data as a table');
    expect(html).toContain('class="term__button"');
    expect(html).toContain(METRICS.reReferralRate.definition.slice(0, 40));
    const table = tornadoTable(r.analysis.measures.find((m) => m.metric === 'reReferralRate')!);
    expect(table.rows.map((row) => row[0])).toEqual([
      'How often children with unmet need come back',
      'How often children whose need was met come back',
      'Share of children whose services meet their need',
    ]);
    expect(table.rows[1]![3]).toBe('same as base (not run)');
    expect(table.rows[2]![1]).toBe('88.0%');
    expect(table.columns).toContain('Difference at high (95% interval)');
  });
});

describe('tornado geometry', () => {
  it('starts every bar at the base, runs it to base + effect, and keeps whiskers around the bar’s end', () => {
    const m = result().analysis.measures.find((x) => x.metric === 'awaitingAllocationMean')!;
    const g = tornadoChart(m, 'cases', 600);
    expect(g.rows.map((r) => r.key)).toEqual(ORDER);
    const unmet = g.rows[0]!;
    expect(unmet.low!.x0).toBe(g.baseX);
    expect(unmet.low!.x1).toBeLessThan(g.baseX); // the fabricated variant at 0.7 has lower measures
    expect(unmet.high!.x1).toBeGreaterThan(g.baseX);
    for (const bar of [unmet.low!, unmet.high!]) {
      expect(bar.lo).toBeLessThanOrEqual(bar.x1);
      expect(bar.hi).toBeGreaterThanOrEqual(bar.x1);
      expect(bar.x1).toBeGreaterThanOrEqual(g.margin.left);
      expect(bar.x1).toBeLessThanOrEqual(600 - g.margin.right);
    }
    expect(g.rows[1]!.low).toBeNull(); // not run: no bar
    expect(unmet.high!.y).toBeGreaterThan(unmet.low!.y);
    expect(g.height).toBe(g.margin.top + g.margin.bottom + 3 * g.rowHeight);
  });

  it('keeps a share’s axis within 0-100%', () => {
    const m = result().analysis.measures.find((x) => x.metric === 'reReferralRate')!;
    const g = tornadoChart(m, 'share', 390);
    expect(Math.min(...g.xTicks.map((t) => t.value))).toBeGreaterThanOrEqual(0);
    expect(Math.max(...g.xTicks.map((t) => t.value))).toBeLessThanOrEqual(1);
  });
});
