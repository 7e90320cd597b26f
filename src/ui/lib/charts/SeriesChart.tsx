import { SERIES, type SeriesName } from '../../../sim/metricDefinitions.ts';
import { BandChart } from './BandChart.tsx';
import { ChartFigure } from './ChartFigure.tsx';
import type { BandSeries } from './geometry.ts';
import { formatInterval, formatValue, unitWords } from '../format.ts';
import { safeFileName } from '../download.ts';
import { spreadsheetCsv, type LabelledBatch } from '../csv.ts';
import { SERIES_META } from '../seriesMeta.ts';

/** Whole weeks of a batch (a last, part week would look like a fall in weekly counts). */
export function wholeWeeks(batch: LabelledBatch['batch']): number[] {
  return batch.series.weekStartDays.map((d, w) => (d + 7 <= batch.days + 1e-9 ? w : -1)).filter((w) => w >= 0);
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
  const meta = SERIES_META[name];
  const series = seriesBands(batches, name);
  const first = batches[0]?.batch;
  const warmup = first?.warmupDays ?? 0;
  const reps = first?.reps ?? 0;
  const columns = [
    'Week starting (day)',
    ...batches.flatMap(({ label }) => [batches.length > 1 ? `${label}: mean` : 'Mean', batches.length > 1 ? `${label}: 95% interval` : '95% interval']),
  ];
  const weeks = series[0]?.points.map((p) => p.x) ?? [];
  const rows = weeks.map((day, w) => [
    `${day}${day < warmup ? ' (warm-up)' : ''}`,
    ...series.flatMap((s) => {
      const p = s.points[w];
      return p ? [formatValue(p.mean, meta.unit), formatInterval([p.lo, p.hi], meta.unit)] : ['', ''];
    }),
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
          {SERIES[name]}. Line: mean of {reps} replications; band: 95% confidence interval. Shaded: warm-up ({warmup} days), not counted in the measures.
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
        />
      )}
      table={{ columns, numeric: columns.map((_, i) => i > 0), rows }}
      csv={csv}
    />
  );
}
