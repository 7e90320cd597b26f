import type { SeriesName } from './metricDefinitions.ts';
import type { SeriesSteadiness, Steadiness } from './steadiness.ts';

/**
 * Steadiness verdicts in plain words, for the app, the report and the command line: a backlog
 * that keeps growing is said to be one ("this front door cannot keep up"), never averaged as if
 * it were stable.
 */

/** How each series is named in a sentence, and whether it is a queue (growth means overload). */
const PHRASES: Record<SeriesName, { noun: string; queue: boolean }> = {
  contacts: { noun: 'Contacts a week', queue: false },
  referrals: { noun: 'Referrals a week', queue: false },
  reReferralRate: { noun: 'The weekly re-referral rate', queue: false },
  doubleScreened: { noun: 'Contacts screened twice a week', queue: false },
  returnedForReclassification: { noun: 'Contacts returned for reclassification a week', queue: false },
  duplicateContacts: { noun: 'Duplicate contacts a week', queue: false },
  repeatWorkHours: { noun: 'Repeat work a week (hours)', queue: false },
  awaitingAllocation: { noun: 'Referrals awaiting allocation', queue: true },
  initialAssessmentsOpen: { noun: 'Initial assessments open', queue: true },
  initialAssessmentsOverdue: { noun: 'Initial assessments overdue', queue: true },
  coreAssessmentsOpen: { noun: 'Core assessments open', queue: true },
  coreAssessmentsOverdue: { noun: 'Core assessments overdue', queue: true },
  awaitingDecision: { noun: 'Contacts waiting for a screener or duty manager', queue: true },
  plansOpen: { noun: 'Plans open', queue: false },
  awaitingTransfer: { noun: 'Cases held on duty awaiting a long-term team', queue: true },
  returnsAfterClosure: { noun: 'Children coming back within 12 months of closure a week', queue: false },
  socialWorkersInPost: { noun: 'Duty social workers in post', queue: false },
};

/** Whole numbers for sizeable amounts, one or two significant figures below 10. */
function amount(x: number): string {
  const a = Math.abs(x);
  if (a >= 10) return Math.round(a).toLocaleString('en-GB');
  if (a >= 1) return a.toFixed(1).replace(/\.0$/, '');
  return a.toPrecision(1);
}

/** One sentence for a series that trends, or null when it is steady. */
export function trendSentence(name: SeriesName, v: SeriesSteadiness): string | null {
  if (v.trend === 'steady') return null;
  const p = PHRASES[name];
  const share = name === 'reReferralRate';
  const by = share ? `${amount(Math.abs(v.slopePerMonth.mean) * 100)} percentage points` : `about ${amount(v.slopePerMonth.mean)}`;
  if (p.queue && v.trend === 'rising') {
    return `${p.noun} grow by ${by} a month: this front door cannot keep up, so averages over the run depend on its length.`;
  }
  const verb = v.trend === 'rising' ? 'rise' : 'fall';
  return `${p.noun} ${verb} by ${by} a month through the measured window: not a steady state, so averages over the run depend on its length.`;
}

/** Plain-words notices for a batch: trends first, then warm-ups that were too short. */
export function steadinessMessages(steadiness: Steadiness, warmupDays: number): string[] {
  const out: string[] = [];
  for (const name of Object.keys(PHRASES) as SeriesName[]) {
    const v = steadiness[name];
    const sentence = v ? trendSentence(name, v) : null;
    if (sentence) out.push(sentence);
  }
  for (const name of Object.keys(PHRASES) as SeriesName[]) {
    const v = steadiness[name];
    if (!v || v.warmupAdequate || v.trend !== 'steady') continue;
    out.push(
      `${PHRASES[name].noun} settle only after about ${Math.round(v.settlesAfterDays)} days, later than the ${warmupDays}-day warm-up: lengthen the warm-up.`,
    );
  }
  return out;
}
