import { longDate } from './calendarDates.ts';
import type { TimelineChange } from './schema.ts';

/**
 * A timeline change in words, as the editor's sentence reads and as chart markers and the CLI
 * label it ("3 duty social workers leave Duty access point 1 on 1 June 2010").
 */

const people = (n: number, what: string) => `${n} ${what}${n === 1 ? '' : 's'}`;
const where = (team: string) => (team === 'all' ? 'every duty team' : team);
const pct = (x: number) => `${Math.round(x * 100)}%`;

/** What the change does, without its date. */
export function changeText(c: TimelineChange): string {
  switch (c.change) {
    case 'socialWorkersLeave':
      return `${people(c.count, 'duty social worker')} leave ${where(c.team)}${c.refilled ? '' : ' (posts not refilled)'}`;
    case 'socialWorkersJoin':
      return `${people(c.count, c.newlyQualified ? 'newly qualified social worker' : 'duty social worker')} join ${where(c.team)}`;
    case 'agencyWorkersStart':
      return `${people(c.count, 'agency social worker')} engaged for ${where(c.team)}${c.weeks > 0 ? ` for ${c.weeks} weeks` : ''}`;
    case 'threshold':
      return `${where(c.team)}'s threshold becomes ${c.threshold}`;
    case 'earlyHelpCoverage':
      return `early help covers ${pct(c.coverage)} of ${where(c.team)}`;
    case 'demand':
      return `contacts ${c.factor >= 1 ? 'rise' : 'fall'} by ${pct(Math.abs(c.factor - 1))}`;
  }
}

/** The change with its date, as one sentence. */
export function changeSentence(c: TimelineChange): string {
  return `${changeText(c)} on ${longDate(c.date)}`;
}
