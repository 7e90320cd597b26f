import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { getPreset } from '../../src/scenario/presets.ts';
import { summariseBatch } from '../../src/sim/batch.ts';
import { ScenarioEditor } from '../../src/ui/features/controls/ScenarioEditor.tsx';
import { METRICS } from '../../src/sim/metricDefinitions.ts';
import { ComparisonTable } from '../../src/ui/lib/ComparisonTable.tsx';
import { HeadlineCards } from '../../src/ui/features/results/HeadlineCards.tsx';
import { MetricsTable } from '../../src/ui/features/results/MetricsTable.tsx';
import { EnglandTable } from '../../src/ui/features/report/EnglandTable.tsx';
import { SeriesChart } from '../../src/ui/lib/charts/SeriesChart.tsx';
import { seriesCsv, summaryCsv, teamsCsv, type LabelledBatch } from '../../src/ui/lib/csv.ts';
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

describe('result components (server-rendered)', () => {
  it('a headline card shows the mean, its interval and the metric’s definition', () => {
    const batch = batchAt(1);
    const html = renderToString(<HeadlineCards batch={batch} metrics={['reReferralRate']} />);
    const pct = `${(batch.metrics.reReferralRate.mean * 100).toFixed(1)}%`;
    expect(html).toContain(pct);
    expect(html).toContain('95% confidence interval');
    expect(html).toContain(METRICS.reReferralRate.definition.slice(0, 40));
    // England's figure beside the simulated one, with its year (issue 15, item 4)
    expect(html).toContain('England: 22.0% (2023-24)');
    expect(renderToString(<HeadlineCards batch={batch} metrics={['contacts']} />)).not.toContain('England');
  });

  it('under Working Together 2013 the measures, cards, charts and comparison speak of single assessments and leave core assessments out', () => {
    const batch = batchAt(1);
    const naming = getPreset('england-2023-24')!.assessment;
    const table = renderToString(<MetricsTable batch={batch} naming={naming} />);
    expect(table).toContain('Single assessments within 45 working days');
    expect(table).not.toMatch(/core assessment/i);
    const cards = renderToString(<HeadlineCards batch={batch} metrics={['initialAssessmentInTimescaleRate', 'coreAssessmentsOverdueEnd']} naming={naming} />);
    expect(cards).toContain('Single assessments within 45 working days');
    expect(cards).not.toContain('data-metric="coreAssessmentsOverdueEnd"');
    const chart = renderToString(
      <SeriesChart batches={[{ label: 'England', batch, scenario: getPreset('england-2023-24')! }]} name="initialAssessmentsOverdue" />,
    );
    expect(chart).toContain('Single assessments past 45 working days');
    const compare = renderToString(
      <ComparisonTable
        batches={[
          { label: 'A', batch, scenario: getPreset('england-2023-24')! },
          { label: 'B', batch, scenario: getPreset('england-2023-24')! },
        ]}
      />,
    );
    expect(compare).not.toMatch(/core assessment/i);
    // Beside England, in the files people download, and in the trainer's placement, the same words.
    const england = getPreset('england-2023-24')!;
    const beside = renderToString(<EnglandTable batches={[{ label: 'England', batch, scenario: england }]} />);
    expect(beside).toContain('Single assessments within 45 working days');
    expect(beside).not.toMatch(/core assessment/i);
    const files = [summaryCsv, teamsCsv, (b: LabelledBatch[]) => seriesCsv(b, ['initialAssessmentsOverdue'])].map((f) =>
      f([{ label: 'England', batch, scenario: england }]),
    );
    expect(files[0]).toContain('Single assessments within 45 working days');
    expect(files[2]).toContain('Single assessments past 45 working days');
    expect(summaryCsv([{ label: 'Kent', batch }])).toContain('Initial assessments in timescale');
    // Under the older rules, and in a comparison across frameworks, the general words stay.
    expect(renderToString(<MetricsTable batch={batch} />)).toContain('Core assessments in timescale');
  });

  it('the table of every measure and the report give England’s figure, its year and any difference of definition', () => {
    const batch = batchAt(1);
    const table = renderToString(<MetricsTable batch={batch} />);
    expect(table).toContain('16.0 (2023). England’s counts all case-holding social workers.');
    const report = renderToString(<EnglandTable batches={[{ label: 'Mine', batch }]} />);
    expect(report).toContain('Mine');
    expect(report).toContain('85.7% (2024-25)');
    expect(report).toContain('for England as a whole');
  });

  it('a series chart draws a line and band per scenario, labelled by its title and description', () => {
    const html = renderToString(
      <SeriesChart
        batches={[
          { label: 'A', batch: batchAt(1) },
          { label: 'B', batch: batchAt(2) },
        ]}
        name="awaitingAllocation"
      />,
    );
    expect(html).toMatch(/<svg[^>]*role="img"[^>]*aria-labelledby="[^"]+-title"/);
    expect((html.match(/stroke="#0072B2"/g) ?? []).length).toBeGreaterThanOrEqual(2); // line + legend
    expect(html).toContain('stroke="#D55E00"');
    expect(html).toContain('Show the data as a table');
    expect(html).toContain('Warm-up');
  });

  it('the comparison table says, in words, whether each paired interval excludes zero', () => {
    const html = renderToString(
      <ComparisonTable
        batches={[
          { label: 'Base', batch: batchAt(1) },
          { label: 'More', batch: batchAt(1.5) },
        ]}
        metrics={['reReferralRate', 'contacts']}
      />,
    );
    expect(html).toContain('Higher: clearly worse'); // re-referral: lower is better
    expect(html).toContain('Clearly higher'); // contacts: neutral
    expect(html).toContain('data-verdict="worse"');
  });
});

describe('the scenario editor (server-rendered)', () => {
  const render = (id: string) => {
    const draft = getPreset(id)!;
    const noop = () => {};
    return renderToString(<ScenarioEditor draft={draft} problems={[]} fieldErrors={[]} onCommit={noop} onFieldError={noop} dispatch={noop} />);
  };

  it('shows the MASH’s fields only when the front door is a MASH', () => {
    expect(render('kent-2010-mash')).toContain('field-frontDoor-mashManagers');
    expect(render('kent-2010-mash')).toContain('field-frontDoor-greenResearchWindowHours');
    expect(render('kent-2010')).not.toContain('field-frontDoor-mashManagers');
    expect(render('kent-2010')).not.toContain('ResearchWindowHours');
    expect(render('kent-2010')).toContain('field-frontDoor-referralThreshold');
  });
});
