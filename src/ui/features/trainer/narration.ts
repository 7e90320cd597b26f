import type { PathwayGraph } from '../../../../models/graph.ts';
import type { Scenario } from '../../../scenario/schema.ts';
import { AGENCY_LABELS } from '../../../scenario/schema.ts';
import type { Move, SliceNews } from '../../../worker/trainerProtocol.ts';
import { NEED_BANDS, needLevel } from './encoding.ts';
import { routeWords } from './pathway.ts';
import { dayLabel } from './story.ts';

/**
 * Sentences for the live region and the stepped (reduced-motion) mode: what one step did, what
 * a slice of days brought, and the thresholds applied at each decision. Pure.
 */

const fmt = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 0 });
/** A whole count with thousands separators ("1,234"). */
export function formatCount(x: number): string {
  return fmt.format(x);
}
const n = formatCount;
const plural = (k: number, one: string, many = `${one}s`) => `${n(k)} ${k === 1 ? one : many}`;

/** "Day 3 (Wed), 10:24". */
export function clockLabel(t: number): string {
  const minutes = Math.floor(t * 60 + 1e-6);
  const hh = Math.floor(minutes / 60) % 24;
  const mm = minutes % 60;
  return `${dayLabel(minutes / 60)}, ${String(hh).padStart(2, '0')}:${String(mm).padStart(2, '0')}`;
}

/** What a single step did, one sentence per move. */
export function describeMoves(
  moves: readonly Move[],
  nodes: readonly string[],
  graph: PathwayGraph,
  cases: { need: (caseId: number) => number | undefined; agency: (caseId: number) => number | undefined },
  s: Scenario,
): string {
  if (!moves.length) return 'Nothing moved: the run has ended.';
  const label = (i: number) => graph.nodes.find((x) => x.key === nodes[i])?.label ?? nodes[i] ?? '?';
  return moves
    .map((m) => {
      const from = nodes[m.from]!;
      const to = nodes[m.to]!;
      const edge = graph.edges.find((e) => e.source === from && e.target === to);
      const need = cases.need(m.caseId);
      const agency = cases.agency(m.caseId);
      const who = [
        agency !== undefined ? `from ${AGENCY_LABELS[s.demand.sources[agency]?.agency ?? 'other'].toLowerCase()}` : null,
        need !== undefined ? NEED_BANDS[needLevel(need, s.need)]!.label.toLowerCase() : null,
      ]
        .filter(Boolean)
        .join(', ');
      const why = edge ? ` (${routeWords(edge.route, edge.event)})` : '';
      return `${clockLabel(m.t)}: child ${m.child}${who ? ` (${who})` : ''} moved from ${label(m.from)} to ${label(m.to)}${why}.`;
    })
    .join(' ');
}

/** What a slice of the run brought, for the stepped mode ("Day 12 to day 13: 57 new contacts, ..."). */
export function describeNews(fromHours: number, toHours: number, news: SliceNews): string {
  const a = Math.floor(fromHours / 24) + 1;
  const b = Math.max(a, Math.ceil(toHours / 24));
  const span = a === b ? `Day ${a}` : `Days ${a} to ${b}`;
  const parts = [plural(news.contacts, 'new contact'), plural(news.referrals, 'referral')];
  if (news.reReferrals) parts.push(`${n(news.reReferrals)} of them re-referrals`);
  if (news.screenedAgain) parts.push(plural(news.screenedAgain, 'contact screened again', 'contacts screened again'));
  if (news.returnedForReclassification) parts.push(`${n(news.returnedForReclassification)} sent back for reclassification`);
  if (news.cameBack) parts.push(plural(news.cameBack, 'child came back after closure', 'children came back after closure'));
  parts.push(plural(news.closed, 'case closed', 'cases closed'));
  if (news.closedUnmet) parts.push(`${n(news.closedUnmet)} of them with need unmet`);
  return `${span}: ${parts.join(', ')}.`;
}

/** The threshold a decision state applies, in a few words, from the scenario (null where none is known). */
export function thresholdNote(key: string, s: Scenario): string | null {
  switch (key) {
    case 'contactCentre.screening':
      return s.frontDoor.structure === 'contactCentre' || s.frontDoor.structure === 'singleQualified' ? `threshold ${s.frontDoor.referralThreshold}` : null;
    case 'dutyTeam.dutyReview': {
      const ts = s.dutyTeams.map((t) => t.threshold);
      const lo = Math.min(...ts);
      const hi = Math.max(...ts);
      const sd = Math.max(...s.dutyTeams.map((t) => t.thresholdInconsistencySd));
      return `${lo === hi ? `threshold ${lo}` : `thresholds ${lo}–${hi}`}${sd > 0 ? ` ±${sd}` : ''}`;
    }
    // The MASH screener rates by need (red from the child protection level, amber from the
    // threshold, green from moderate need); one manager then decides on the threshold, with
    // partners' information (models/mash.rules.ts).
    case 'mash.screening':
      return `red from ${s.need.childProtectionLevel}, amber from ${s.frontDoor.referralThreshold}, green from ${s.need.moderateLevel}`;
    // An accepted referral may then close before assessment (mashClosedBeforeAssessmentShare):
    // a share of those the checks after acceptance read below the child-in-need level.
    case 'mash.deciding': {
      const sd = s.frontDoor.mashThresholdInconsistencySd;
      const early = s.frontDoor.mashClosedBeforeAssessmentShare;
      const then = early > 0 ? `; ${Math.round(early * 100)}% of referrals checked below ${s.need.childInNeedLevel} close before assessment` : '';
      return `threshold ${s.frontDoor.referralThreshold}${sd > 0 ? ` ±${sd}` : ''}${then}`;
    }
    case 'assessment.initialAssessment':
      return `core from ${s.assessment.coreAssessmentLevel}`;
    case 'assessment.coreAssessment':
      return `CP plan from ${s.need.childProtectionLevel}`;
    default:
      return null;
  }
}
