import { seriesLabelFor, type SeriesName } from '../../../sim/metricDefinitions.ts';
import { BandChart } from './BandChart.tsx';
import { ChartFigure } from './ChartFigure.tsx';
import type { BandSeries } from './geometry.ts';
import { formatInterval, formatValue, unitWords } from '../format.ts';
import { safeFileName } from '../download.ts';
import { spreadsheetCsv, type LabelledBatch } from '../csv.ts';
import { seriesMetaFor } from '../seriesMeta.ts';
import { timelineMarkers, type TimelineMarker } from '../../../sim/timelineSummary.ts';
import { longDate } from '../../../scenario/calendarDates.ts';

/** The timeline changes of the batches' scenarios, once each (a comparison may share them). */
export function chartEvents(batches: readonly LabelledBatch[]): TimelineMarker[] {
  const seen = new Set<string>();
  const out: TimelineMarker[] = [];
  for (const { scenario, batch } of batches) {
    if (!scenario) continue;
    for (const m of timelineMarkers(scenario, batch.warmupDays, batch.days)) {
      const key = `${m.runDay}:${m.label}`;
      if (!seen.has(key)) out.push(m);
      seen.add(key);
    }
  }
  return out.sort((a, b) => a.runDay - b.runDay);
}

/**
 * Whole weeks of a batch (a last, part week would look like a fall in weekly counts). The series
 * run from the warm-up's first day to the end of the measured days (`days` counts only those).
 */
export function wholeWeeks(batch: LabelledBatch['batch']): number[] {
  return batch.series.weekStartDays.map((d, w) => (d + 7 <= batch.warmupDays + batch.days + 1e-9 ? w : -1)).filter((w) => w >= 0);
}

/** One weekly series as chart lines with bands, one line per scenario. */
export function seriesBands(batches: readonly LabelledBatch[], name: SeriesName): BandSeries[] {
  return batches.map(({ label, batch }, i) => ({
    key: `${i}`,
    label,
    points: wholeWeeks(batch).map((w) => {
      const e = batch.series.values[name][w]!;
      return { x: batch.series.weekStartDays[w]!, mean: e.mean, lo: e.ci95[0], hi: e.ci95[1] };
    }),
  }));
}

/** A chart of one weekly series over simulated time, for one scenario or several overlaid. */
export function SeriesChart({
  batches,
  name,
  headingLevel = 4,
  height,
}: {
  batches: readonly LabelledBatch[];
  name: SeriesName;
  headingLevel?: 3 | 4;
  height?: number;
}) {
  const naming = batches[0]?.scenario?.assessment;
  const meta = seriesMetaFor(name, naming);
  const series = seriesBands(batches, name);
  const first = batches[0]?.batch;
  const warmup = first?.warmupDays ?? 0;
  const reps = first?.reps ?? 0;
  const events = chartEvents(batches);
  const columns = [
    'Week starting (day)',
    ...batches.flatMap(({ label }) => [batches.length > 1 ? `${label}: mean` : 'Mean', batches.length > 1 ? `${label}: 95% interval` : '95% interval']),
    ...(events.length ? ['Timeline change'] : []),
  ];
  const weeks = series[0]?.points.map((p) => p.x) ?? [];
  const rows = weeks.map((day, w) => [
    `${day}${day < warmup ? ' (warm-up)' : ''}`,
    ...series.flatMap((s) => {
      const p = s.points[w];
      return p ? [formatValue(p.mean, meta.unit), formatInterval([p.lo, p.hi], meta.unit)] : ['', ''];
    }),
    ...(events.length
      ? [
          events
            .map((e, i) => [e, i] as const)
            .filter(([e]) => e.runDay >= day && e.runDay < day + 7)
            .map(([e, i]) => `${i + 1}: ${e.label} (${longDate(e.date)})`)
            .join('; '),
        ]
      : []),
  ]);
  const csv = () =>
    spreadsheetCsv(
      series.flatMap((s, i) =>
        s.points.map((p) => ({
          scenario: s.label,
          series: name,
          week_start_day: p.x,
          in_warmup: p.x < warmup ? 'yes' : 'no',
          mean: p.mean,
          ci95_low: p.lo,
          ci95_high: p.hi,
          seed: batches[i]?.batch.seed,
          replications: batches[i]?.batch.reps,
        })),
      ),
    );
  return (
    <ChartFigure
      title={meta.label}
      subject={batches.map((b) => b.label).join(' vs ')}
      headingLevel={headingLevel}
      fileStem={`${safeFileName(batches.map((b) => b.label).join(' vs '))}-${name}`}
      description={
        <>
          {seriesLabelFor(name, naming)}. Line: mean of {reps} replications; band: 95% confidence interval. Shaded: warm-up ({warmup} days), not counted in the
          measures.
          {events.length > 0 && (
            <>
              {' '}
              Numbered lines mark the timeline’s changes: {events.map((e, i) => `${i + 1}, ${e.label} on ${longDate(e.date)} (day ${e.runDay})`).join('; ')}.
            </>
          )}
        </>
      }
      render={(width, labelIds) => (
        <BandChart
          series={series}
          width={width}
          {...(height ? { height } : {})}
          unit={meta.unit}
          xLabel="Day of the simulated run"
          yLabel={unitWords(meta.unit)}
          shadeTo={warmup}
          shadeLabel="Warm-up"
          labelIds={labelIds}
          events={events.map((e) => ({ x: e.runDay, label: `${e.label} (${longDate(e.date)})` }))}
        />
      )}
      table={{ columns, numeric: columns.map((_, i) => i > 0), rows }}
      csv={csv}
    />
  );
}
