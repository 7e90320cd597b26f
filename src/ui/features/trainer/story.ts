import type { Scenario } from '../../../scenario/schema.ts';
import type { CaseRecord } from '../../../worker/trainerProtocol.ts';
import { AGENCY_LABELS } from '../../../scenario/schema.ts';
import { NEED_BANDS, needLevel } from './encoding.ts';
import { HOURS_PER_MONTH } from '../../../sim/workingCalendar.ts';

/**
 * A followed child's journey in plain words, one line per record, in time order: "Day 3 (Wed):
 * School contacted the contact centre about the child (true need 62: child in need)." Pure: the
 * records and the scenario in, sentences out; each line keeps the record's kind and time so a
 * test can hold the text to the records.
 */

export interface JourneyLine {
  /** Hours since the start. */
  t: number;
  /** "Day 3 (Wed)". */
  when: string;
  kind: CaseRecord['kind'];
  caseId: number;
  text: string;
  /** Where something went wrong for the child or work was repeated. */
  concern: boolean;
}

const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

/** "Day 3 (Wed)" for an hour of the run (day 1 starts at hour 0, a Monday). */
export function dayLabel(t: number): string {
  const d = Math.floor(t / 24);
  return `Day ${d + 1} (${WEEKDAYS[d % 7]})`;
}

/** A duration in hours as people say it: "5 hours", "3 days", "2 months". */
export function sayDuration(hours: number): string {
  if (hours < 1) return 'under an hour';
  if (hours < 48) return plural(Math.round(hours), 'hour');
  if (hours < 60 * 24) return plural(Math.round(hours / 24), 'day');
  return plural(Math.round(hours / HOURS_PER_MONTH), 'month');
}

const plural = (n: number, unit: string) => `${n} ${unit}${n === 1 ? '' : 's'}`;

/** Where contacts arrive, by front-door structure. */
export function frontDoorName(s: Scenario): string {
  switch (s.frontDoor.structure) {
    case 'contactCentre':
      return 'the contact centre';
    case 'singleQualified':
      return 'the front door';
    case 'districtDuty':
      return 'the duty team';
    case 'direct':
      return "children's social care";
    case 'mash':
      return 'the MASH';
  }
}

/** The journey of one child from their records (any order; sorted stably by time). */
export function journeyLines(records: readonly CaseRecord[], s: Scenario): JourneyLine[] {
  const sorted = records
    .map((r, i) => [r, i] as const)
    .sort((a, b) => a[0].t - b[0].t || a[1] - b[1])
    .map(([r]) => r);
  const team = (i: number) => s.dutyTeams[i]?.name ?? `team ${i + 1}`;
  const band = (need: number) => NEED_BANDS[needLevel(need, s.need)]!.label.toLowerCase();
  const door = frontDoorName(s);
  const reReferralHours = s.reReferral.windowMonths * HOURS_PER_MONTH;
  const open = new Set<number>();
  let lastClosed: { t: number; unmet: boolean } | null = null;
  const lines: JourneyLine[] = [];
  for (const r of sorted) {
    let text: string;
    let concern = false;
    switch (r.kind) {
      case 'contact': {
        const agency = AGENCY_LABELS[s.demand.sources[r.agency]?.agency ?? 'other'];
        text = `${agency} contacted ${door} about the child (true need ${Math.round(r.trueNeed)}: ${band(r.trueNeed)}).`;
        if (open.size > 0) {
          text += ' The child already has an open case: the same incident reported again, or a new concern.';
          concern = true;
        } else if (lastClosed) {
          text += ` The child has come back, ${sayDuration(r.t - lastClosed.t)} after their last case was closed${lastClosed.unmet ? ' with their need unmet' : ''}.`;
          concern = lastClosed.unmet;
        } else if (r.known) {
          text += ' The child was already known to social care.';
        }
        open.add(r.caseId);
        break;
      }
      case 'carriedOver':
        // The run starts from a county already working (a warm start): this case was open before it.
        text = `When the run starts, the child’s case is already open (${r.state
          .split('.')
          .at(-1)!
          .replace(/([A-Z])/g, ' $1')
          .toLowerCase()}; true need ${Math.round(r.trueNeed)}: ${band(r.trueNeed)}), carried over from before.`;
        open.add(r.caseId);
        break;
      case 'screened':
        if (r.by === 'frontDoor') {
          const where = door === 'the duty team' ? 'at the front door' : `at ${door}`;
          text =
            r.repeat === 'reclassification'
              ? `Screened again ${where}, only to reclassify it as a referral (repeat work).`
              : r.repeat === 'duplicate'
                ? `Screened ${where}: a second report of the same incident (repeat work).`
                : `Screened ${where} by ${r.qualified ? 'a qualified social worker' : 'an unqualified screener'}.`;
        } else {
          text =
            r.repeat === 'rescreen'
              ? `The duty manager at ${team(r.team)} screened it again (repeat work).`
              : r.repeat === 'duplicate'
                ? `The duty manager at ${team(r.team)} screened a second report of the same incident (repeat work).`
                : `The duty manager at ${team(r.team)} looked at it.`;
        }
        concern = r.repeat !== null;
        break;
      case 'decided': {
        const words: Record<string, string> = {
          fastTrack: `Looked like child protection: fast-tracked to ${team(r.team)} for allocation.`,
          accepted: 'Accepted for assessment.',
          signposted: 'Judged below the threshold: signposted elsewhere, and the contact closed.',
          earlyHelp: 'Signposted to early help.',
          linked: "Added to the child's open case, and this contact closed.",
          noFurtherAction: 'No further action: closed by the duty team.',
          reclassified: 'Reclassified as a referral.',
          direct: 'Treated as a referral straight away.',
          closedBeforeAssessment:
            'Accepted as a referral, but the checks that followed found no need for an assessment: no further action before an assessment began.',
        };
        text = words[r.route] ?? `Decision: ${r.route}.`;
        if (!r.inTimescale) {
          text += ` The decision took ${sayDuration(r.waitHours)}, outside the ${plural(s.assessment.decisionTimescaleWorkingDays, 'working day')} allowed.`;
          concern = true;
        }
        break;
      }
      case 'referral':
        text = 'It became a referral';
        if (r.sincePreviousReferralHours <= reReferralHours) {
          text += `: a re-referral, ${sayDuration(r.sincePreviousReferralHours)} after the child's previous referral.`;
          concern = true;
        } else text += '.';
        break;
      case 'returnedForReclassification':
        text = 'The duty team wanted to act but had to send it back to the contact centre to be reclassified as a referral.';
        concern = true;
        break;
      case 'acceptedForAssessment':
        text = `Waiting for a social worker at ${team(r.team)} to be allocated${r.fastTrack ? ' (fast-tracked)' : ''}.`;
        break;
      case 'allocated':
        text = `Allocated to a ${r.newlyQualified ? 'newly qualified ' : ''}social worker after waiting ${sayDuration(r.waitHours)}; the ${s.assessment.framework === 'wt2013' ? 'single' : 'initial'} assessment began.`;
        concern = r.waitHours > 7 * 24;
        break;
      case 'transferred':
        text = `A long-term team took the case on after ${sayDuration(r.waitHours)} held on duty awaiting transfer.`;
        concern = r.waitHours > 7 * 24;
        break;
      case 'assessed': {
        const what = r.which === 'initial' ? 'Initial assessment' : r.which === 'single' ? 'Single assessment' : 'Core assessment';
        const next: Record<string, string> = {
          coreAssessment: 'a core assessment is needed.',
          childInNeed: 'a child in need plan.',
          childProtectionPlan: 'a child protection plan.',
          closed: 'the case is to close.',
          earlyHelp: 'referred to early help.',
        };
        text = `${what} completed ${r.inTimescale ? 'in time' : 'late'}: ${next[r.route] ?? r.route}`;
        concern = !r.inTimescale;
        break;
      }
      case 'planStarted':
        text = r.plan === 'childProtection' ? 'Child protection plan started.' : 'Child in need plan started.';
        break;
      case 'earlyHelpStarted':
        text = 'Early help (CAF) started.';
        break;
      case 'closed': {
        const where: Record<string, string> = {
          frontDoor: 'Closed at the front door',
          linked: 'Closed (linked to the open case)',
          duty: s.frontDoor.structure === 'mash' ? 'Closed as a referral before any assessment' : 'Closed by the duty team',
          assessment: 'Closed after assessment',
          services: 'The plan ended and the case closed',
          earlyHelp: 'Early help ended and the case closed',
        };
        text = where[r.stage] ?? 'Closed';
        if (r.unmetNeed) {
          text += `, with the child's need unmet (true need ${Math.round(r.trueNeed)}: ${band(r.trueNeed)}).`;
          concern = true;
        } else text += '.';
        open.delete(r.caseId);
        if (open.size === 0 && r.stage !== 'linked') lastClosed = { t: r.t, unmet: r.unmetNeed };
        break;
      }
    }
    lines.push({ t: r.t, when: dayLabel(r.t), kind: r.kind, caseId: r.caseId, text, concern });
  }
  return lines;
}

/** A one-line summary: contacts, referrals, screenings, closures with need unmet. */
export function journeySummary(records: readonly CaseRecord[]): string {
  const count = (k: CaseRecord['kind']) => records.filter((r) => r.kind === k).length;
  const unmet = records.filter((r) => r.kind === 'closed' && r.unmetNeed).length;
  const parts = [plural(count('contact'), 'contact'), plural(count('referral'), 'referral'), `screened ${plural(count('screened'), 'time')}`];
  if (unmet) parts.push(`closed ${plural(unmet, 'time')} with need unmet`);
  return parts.join(' · ');
}
