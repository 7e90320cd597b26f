import { UNRELIABLE_QUEUED_SHARE } from '../../../sim/metricDefinitions.ts';
import type { BatchResult } from '../../../sim/results.ts';
import { steadinessMessages } from '../../../sim/steadinessMessages.ts';

/**
 * Whether the measured window is in a steady state, in words: a backlog that keeps growing is
 * said to be one (the averages then depend on the run's length), and ratios over decided work
 * are marked unreliable while much of the window's work is still queued.
 */
export function SteadinessNotice({ batch }: { batch: BatchResult }) {
  const lines = steadinessMessages(batch.steadiness, batch.warmupDays);
  const queued = batch.metrics.queuedWorkShare.mean;
  const unreliable = queued >= UNRELIABLE_QUEUED_SHARE;
  if (!lines.length && !unreliable) {
    const yearOnYear = Object.values(batch.steadiness).some((v) => v.method === 'yearOnYear');
    return (
      <p className="secondary-text" data-testid="steadiness-ok">
        Steady state: every run started from a county already working ({batch.start === 'warm' ? 'a warm start' : 'an empty start'}), and no weekly series
        clearly rises or falls by a material amount (a tenth of its level and at least 5, or 2 percentage points for a share) over the {batch.days} days
        measured
        {yearOnYear
          ? ' (each week compared with the same week a year earlier, so the calendar’s yearly ups and downs, such as the backlog after the Christmas bank holidays, are not counted as growth).'
          : ' (a straight line through the measured weeks: a run this short cannot tell a season from a trend).'}
      </p>
    );
  }
  return (
    <section className="notice" aria-labelledby="steadiness-heading" data-testid="steadiness-notice">
      <h3 id="steadiness-heading">{lines.some((l) => l.includes('cannot keep up')) ? 'This front door cannot keep up' : 'Not a steady state'}</h3>
      <ul>
        {lines.map((l) => (
          <li key={l}>{l}</li>
        ))}
        {unreliable && (
          <li>
            {Math.round(queued * 100)}% of the window’s work is still queued at the end, so ratios over decided work (marked ‡) read better than the truth: the
            queued work has not reached a decision yet.
          </li>
        )}
      </ul>
    </section>
  );
}

/** Whether a measure should carry the ‡ mark in this batch (see SteadinessNotice). */
export function unreliableInBatch(batch: BatchResult, decisionBased: boolean): boolean {
  return decisionBased && batch.metrics.queuedWorkShare.mean >= UNRELIABLE_QUEUED_SHARE;
}
