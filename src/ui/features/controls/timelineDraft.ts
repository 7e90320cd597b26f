import { addDays, daysBetween } from '../../../scenario/calendarDates.ts';
import { problemsOf } from '../../../scenario/parse.ts';
import { TimelineChange, type Scenario, type TimelineChangeKind } from '../../../scenario/schema.ts';

/**
 * The sentence the timeline editor builds ("[3] [duty social workers leave] [Duty access point 1]
 * on [2011-03-01]"), as plain text fields, and its conversion to a checked `TimelineChange`.
 * Kept apart from the component so it is tested without React.
 */

export interface ChangeDraft {
  change: TimelineChangeKind;
  count: string;
  team: string;
  date: string;
  /** Threshold (0-100), early-help coverage (%), or the demand change (%) as typed. */
  amount: string;
  weeks: string;
  refilled: boolean;
  newlyQualified: boolean;
}

/** What each kind of change reads as in the sentence's verb list. */
export const CHANGE_VERBS: Record<TimelineChangeKind, string> = {
  socialWorkersLeave: 'duty social workers leave',
  socialWorkersJoin: 'duty social workers join',
  agencyWorkersStart: 'agency social workers start in',
  threshold: 'the threshold changes in',
  earlyHelpCoverage: 'early help coverage changes in',
  demand: 'contacts change',
};

export const CHANGE_KINDS = Object.keys(CHANGE_VERBS) as TimelineChangeKind[];

/** Whether the sentence for a kind starts with a number of people. */
export const hasCount = (k: TimelineChangeKind) => k === 'socialWorkersLeave' || k === 'socialWorkersJoin' || k === 'agencyWorkersStart';
export const hasTeam = (k: TimelineChangeKind) => k !== 'demand';
export const hasAmount = (k: TimelineChangeKind) => k === 'threshold' || k === 'earlyHelpCoverage' || k === 'demand';

/** A fresh sentence: three duty social workers leave the first team a month after the start. */
export function newDraft(scenario: Scenario): ChangeDraft {
  return {
    change: 'socialWorkersLeave',
    count: '3',
    team: scenario.dutyTeams[0]?.name ?? 'all',
    date: addDays(scenario.timeline.startDate, 30),
    amount: '',
    weeks: '0',
    refilled: true,
    newlyQualified: false,
  };
}

/** The sentence of an existing change, for editing. */
export function draftOf(c: TimelineChange): ChangeDraft {
  const base = { change: c.change, count: '1', team: 'all', date: c.date, amount: '', weeks: '0', refilled: true, newlyQualified: false };
  switch (c.change) {
    case 'socialWorkersLeave':
      return { ...base, count: String(c.count), team: c.team, refilled: c.refilled };
    case 'socialWorkersJoin':
      return { ...base, count: String(c.count), team: c.team, newlyQualified: c.newlyQualified };
    case 'agencyWorkersStart':
      return { ...base, count: String(c.count), team: c.team, weeks: String(c.weeks) };
    case 'threshold':
      return { ...base, team: c.team, amount: String(c.threshold) };
    case 'earlyHelpCoverage':
      return { ...base, team: c.team, amount: String(Math.round(c.coverage * 1000) / 10) };
    case 'demand':
      return { ...base, amount: String(Math.round((c.factor - 1) * 1000) / 10) };
  }
}

/** A number as typed ("3", "−20", "+10"), or NaN. */
function num(text: string): number {
  const t = text.trim().replace(/^\+/, '').replace('−', '-');
  return /^-?\d+(\.\d+)?$/.test(t) ? Number(t) : NaN;
}

/** Which sentence field a problem belongs to, for its message and focus. */
export type DraftField = 'count' | 'team' | 'date' | 'amount' | 'weeks';

/** The draft as a checked change, or the problems, each naming the part of the sentence. */
export function changeFromDraft(
  d: ChangeDraft,
  scenario: Scenario,
): { ok: true; value: TimelineChange } | { ok: false; problems: { field: DraftField; message: string }[] } {
  const problems: { field: DraftField; message: string }[] = [];
  const amount = num(d.amount);
  const raw: Record<string, unknown> = { change: d.change, date: d.date };
  if (hasCount(d.change)) raw.count = num(d.count);
  if (hasTeam(d.change)) raw.team = d.team;
  if (d.change === 'socialWorkersLeave') raw.refilled = d.refilled;
  if (d.change === 'socialWorkersJoin') raw.newlyQualified = d.newlyQualified;
  if (d.change === 'agencyWorkersStart') raw.weeks = num(d.weeks);
  if (d.change === 'threshold') raw.threshold = amount;
  // Percentages are checked here, in the words the sentence uses, before the schema's shares.
  if (d.change === 'earlyHelpCoverage') {
    if (!(amount >= 0 && amount <= 100)) problems.push({ field: 'amount', message: 'Early help coverage must be a percentage from 0 to 100' });
    raw.coverage = amount / 100;
  }
  if (d.change === 'demand') {
    if (!(amount >= -100 && amount <= 900)) problems.push({ field: 'amount', message: 'The change in contacts must be a percentage from −100 to +900' });
    raw.factor = 1 + amount / 100;
  }
  const parsed = TimelineChange.safeParse(raw, { reportInput: true });
  if (!parsed.success) {
    for (const p of problemsOf(parsed.error)) {
      const key = p.path.split('.')[0] ?? '';
      if (key === 'coverage' || key === 'factor') continue; // said above
      const field: DraftField = key === 'threshold' ? 'amount' : (key as DraftField);
      const what =
        key === 'date' ? 'The date' : key === 'count' ? 'How many' : key === 'weeks' ? 'Weeks' : key === 'threshold' ? 'The new threshold' : 'The team';
      problems.push({ field, message: `${what} ${p.message}` });
    }
  }
  const day = daysBetween(scenario.timeline.startDate, d.date);
  if (Number.isFinite(day) && day < 0) {
    problems.push({
      field: 'date',
      message: `The date must be on or after the timeline's start date, ${scenario.timeline.startDate} (the first measured day)`,
    });
  }
  if (hasTeam(d.change) && d.team !== 'all' && !scenario.dutyTeams.some((t) => t.name === d.team)) {
    problems.push({ field: 'team', message: `No duty team is called "${d.team}"` });
  }
  return problems.length || !parsed.success ? { ok: false, problems } : { ok: true, value: parsed.data };
}
