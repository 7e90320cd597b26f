import { addDays, daysBetween, longDate } from '../scenario/calendarDates.ts';
import type { Scenario } from '../scenario/schema.ts';
import { changeText } from '../scenario/timelineText.ts';
import type { BatchResult } from './results.ts';

/**
 * What a timeline did to the backlog (referrals awaiting allocation): its peak after the first
 * change and the week it came back to its level before the change. Read from the batch's weekly
 * means, so the app and the CLI say the same (issue 12 acceptance).
 */

/** A timeline change placed on the weekly charts. */
export interface TimelineMarker {
  /** Day of the run (warm-up included), as the weekly series' `weekStartDays` count. */
  runDay: number;
  date: string;
  label: string;
}

export interface BacklogAnswer {
  /** Mean backlog over the measured weeks before the first change (the level to come back to). */
  before: number;
  peak: { week: number; date: string; value: number };
  /** The first week after the peak whose backlog has come down by three quarters of its rise; null if none in the run. The peak is the highest week before it. */
  recovery: { week: number; date: string; value: number } | null;
  /** Whether the backlog rose by at least one referral and a quarter of its level before. */
  rose: boolean;
}

/** The timeline's changes as chart markers (only those inside the run). */
export function timelineMarkers(scenario: Scenario, warmupDays: number, days: number): TimelineMarker[] {
  return scenario.timeline.changes
    .map((c) => ({ runDay: warmupDays + daysBetween(scenario.timeline.startDate, c.date), date: c.date, label: changeText(c) }))
    .filter((m) => m.runDay >= 0 && m.runDay <= warmupDays + days)
    .sort((a, b) => a.runDay - b.runDay);
}

/** The calendar date of day `runDay` of a run with `warmupDays` of warm-up. */
export function dateOfRunDay(scenario: Scenario, warmupDays: number, runDay: number): string {
  return addDays(scenario.timeline.startDate, Math.floor(runDay - warmupDays));
}

/** The backlog's peak and recovery after the timeline's first change; null without a change in the measured days. */
export function backlogAnswer(scenario: Scenario, batch: Pick<BatchResult, 'warmupDays' | 'days' | 'series'>): BacklogAnswer | null {
  const markers = timelineMarkers(scenario, batch.warmupDays, batch.days);
  if (!markers.length) return null;
  const starts = batch.series.weekStartDays;
  const values = batch.series.values.awaitingAllocation.map((e) => e.mean);
  const first = markers[0]!.runDay;
  // Weeks wholly in the measured window before the change set the level to come back to.
  const beforeWeeks = starts.map((d, w) => [d, w] as const).filter(([d]) => d >= batch.warmupDays && d + 7 <= first);
  const from = starts.findIndex((d) => d + 7 > first);
  if (from < 0) return null;
  const before = beforeWeeks.length ? beforeWeeks.reduce((a, [, w]) => a + values[w]!, 0) / beforeWeeks.length : values[Math.max(0, from - 1)]!;
  // The first episode after the change: the running peak until the backlog has come down by three
  // quarters of its rise (the level before is itself noisy and may drift, so "exactly back" would
  // rarely be met). A later, unrelated rise (a trend, a holiday) is not taken for this one's peak.
  // A rise counts only once it reaches one referral and a quarter of the level before.
  const material = Math.max(1, 0.25 * before);
  let peakWeek = from;
  let recoveryWeek = -1;
  for (let w = from; w < values.length; w++) {
    if (values[w]! > values[peakWeek]!) peakWeek = w;
    const rise = values[peakWeek]! - before;
    if (rise >= material && values[w]! <= before + 0.25 * rise) {
      recoveryWeek = w;
      break;
    }
  }
  const at = (w: number) => ({ week: w, date: dateOfRunDay(scenario, batch.warmupDays, starts[w]!), value: values[w]! });
  return { before, peak: at(peakWeek), recovery: recoveryWeek >= 0 ? at(recoveryWeek) : null, rose: values[peakWeek]! - before >= material };
}

/** The answer in words, for the CLI summary and the results page. */
export function backlogSentence(a: BacklogAnswer): string {
  if (!a.rose) {
    return `The backlog (referrals awaiting allocation) does not rise noticeably after the first change: at most ${a.peak.value.toFixed(1)} (week of ${longDate(a.peak.date)}), against ${a.before.toFixed(1)} before it.`;
  }
  const peak = `The backlog (referrals awaiting allocation) peaks in the week of ${longDate(a.peak.date)} at ${a.peak.value.toFixed(1)}, against ${a.before.toFixed(1)} before the first change`;
  return a.recovery
    ? `${peak}; it has come down by three quarters of its rise in the week of ${longDate(a.recovery.date)} (${a.recovery.value.toFixed(1)}).`
    : `${peak}; it has not come down by three quarters of its rise by the end of the run.`;
}
