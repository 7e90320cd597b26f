import { METRICS, type FrameworkNaming, type MetricName, type MetricUnit, type SeriesName } from '../../sim/metricDefinitions.ts';

/** The three things the tool exists to show. */
export type Theme = 'reReferral' | 'duplication' | 'backlog';

/** Short label, unit and theme of each weekly series (its definition is `SERIES[name]`). */
export const SERIES_META: Record<SeriesName, { label: string; unit: MetricUnit; theme: Theme | null }> = {
  contacts: { label: 'Contacts', unit: 'count', theme: null },
  referrals: { label: 'Referrals', unit: 'count', theme: null },
  reReferralRate: { label: 'Re-referral rate', unit: 'share', theme: 'reReferral' },
  doubleScreened: { label: 'Contacts screened twice', unit: 'count', theme: 'duplication' },
  returnedForReclassification: { label: 'Returned for reclassification', unit: 'count', theme: 'duplication' },
  duplicateContacts: { label: 'Duplicate contacts', unit: 'count', theme: 'duplication' },
  repeatWorkHours: { label: 'Repeat work', unit: 'hours', theme: 'duplication' },
  awaitingAllocation: { label: 'Awaiting allocation', unit: 'cases', theme: 'backlog' },
  initialAssessmentsOpen: { label: 'Initial assessments open', unit: 'cases', theme: 'backlog' },
  initialAssessmentsOverdue: { label: 'Initial assessments overdue', unit: 'cases', theme: 'backlog' },
  coreAssessmentsOpen: { label: 'Core assessments open', unit: 'cases', theme: 'backlog' },
  coreAssessmentsOverdue: { label: 'Core assessments overdue', unit: 'cases', theme: 'backlog' },
  awaitingDecision: { label: 'Awaiting a decision', unit: 'cases', theme: 'backlog' },
  plansOpen: { label: 'Plans open', unit: 'cases', theme: null },
  awaitingTransfer: { label: 'Held on duty awaiting transfer', unit: 'cases', theme: 'backlog' },
  returnsAfterClosure: { label: 'Came back within 12 months of closure', unit: 'count', theme: 'reReferral' },
  socialWorkersInPost: { label: 'Duty social workers in post', unit: 'count', theme: 'backlog' },
};

export const THEMES: { id: Theme; title: string; intro: string; headline: readonly import('../../sim/metricDefinitions.ts').MetricName[] }[] = [
  {
    id: 'reReferral',
    title: 'Re-referrals',
    intro: 'Children referred again within 12 months: a sign that earlier decisions left needs unmet.',
    headline: ['reReferralRate', 'returnAfterClosureRate', 'closedWithUnmetNeedRate', 'referralToInitialAssessmentRate'],
  },
  {
    id: 'duplication',
    title: 'Duplication',
    intro: 'Work done twice: contacts screened again, returned for reclassification, reported twice.',
    headline: ['doubleScreenedRate', 'returnedForReclassificationRate', 'duplicateContactRate', 'repeatWorkHoursPerMonth'],
  },
  {
    id: 'backlog',
    title: 'Assessment backlogs',
    intro: 'Referrals waiting for a social worker, and assessments open and overdue.',
    headline: ['awaitingAllocationMean', 'initialAssessmentsOverdueEnd', 'coreAssessmentsOverdueEnd', 'initialAssessmentInTimescaleRate'],
  },
];

/** The headline measures, in theme order (the order the results show them); names the definitions no longer hold are dropped. */
export function headlineMetrics(): MetricName[] {
  return [...new Set(THEMES.flatMap((t) => t.headline))].filter((n): n is MetricName => n in METRICS);
}

/** Series that do not exist under Working Together 2013 onwards (no core assessment). */
const CORE_SERIES: ReadonlySet<SeriesName> = new Set<SeriesName>(['coreAssessmentsOpen', 'coreAssessmentsOverdue']);

/** The series a scenario under this framework shows: all, bar the core-assessment ones under Working Together 2013. */
export function seriesNamesFor(names: readonly SeriesName[], naming: FrameworkNaming | undefined): SeriesName[] {
  return naming?.framework === 'wt2013' ? names.filter((n) => !CORE_SERIES.has(n)) : [...names];
}

/** A series' short label in the framework's words (single assessments under Working Together 2013). */
export function seriesMetaFor(name: SeriesName, naming: FrameworkNaming | undefined): (typeof SERIES_META)[SeriesName] {
  const meta = SERIES_META[name];
  if (naming?.framework !== 'wt2013') return meta;
  if (name === 'initialAssessmentsOpen') return { ...meta, label: 'Single assessments open' };
  if (name === 'initialAssessmentsOverdue') return { ...meta, label: `Single assessments past ${naming.singleAssessmentTimescaleWorkingDays} working days` };
  return meta;
}
