/**
 * Every metric the simulator reports: its name (camelCase, as in the CLI's JSON), label, unit,
 * one-line definition, and which direction is better. The UI shows the definition beside every
 * number; the README's table is generated from the same list (test/docs keeps them in step).
 */

export type MetricUnit = 'count' | 'share' | 'hours' | 'cases' | 'perMonth';
export type MetricGroup = 'demand' | 'reReferral' | 'duplication' | 'backlog' | 'timeliness' | 'waits' | 'workforce' | 'outcomes';

export interface MetricDefinition {
  label: string;
  unit: MetricUnit;
  group: MetricGroup;
  /** One sentence: what is counted, over what, in which window. */
  definition: string;
  /** Which way is better for children and staff; 'neutral' where it depends. */
  better: 'lower' | 'higher' | 'neutral';
  /**
   * A ratio over work that reached a decision (or a wait of work that was done): while much of
   * the window's work is still queued it reads better than the truth, so the app marks it
   * unreliable when `queuedWorkShare` is high (UNRELIABLE_QUEUED_SHARE).
   */
  decisionBased: boolean;
}

/**
 * Share of the window's contacts still queued at the end (`queuedWorkShare`) above which ratios
 * over decided work are marked unreliable: a steady front door holds a day or two of work, well
 * under 3% of a year's contacts; a front door that cannot keep up passes it within weeks.
 */
export const UNRELIABLE_QUEUED_SHARE = 0.03;

/** The values a metric can take: shares lie in [0, 1], everything else is a non-negative amount. */
export function metricRange(unit: MetricUnit): [number, number] {
  return unit === 'share' ? [0, 1] : [0, Infinity];
}

/** How intervals are computed, in words (the app and README show it). */
export const INTERVAL_METHOD =
  'Student t interval of the mean across independent replications, cut to the values the measure can take (no count below 0, no share outside 0-100%); cutting never removes the true value, so coverage stays at least 95%.';

const m = (
  label: string,
  unit: MetricUnit,
  group: MetricGroup,
  better: MetricDefinition['better'],
  definition: string,
  decisionBased = false,
): MetricDefinition => ({
  label,
  unit,
  group,
  better,
  definition,
  decisionBased,
});

/** All metrics, in display order. "In the window" means after the warm-up, up to the end of the run. */
export const METRICS = {
  contacts: m('Contacts', 'count', 'demand', 'neutral', 'Contacts about children that arrived in the window (including duplicates and returning children).'),
  contactsPerMonth: m('Contacts per month', 'perMonth', 'demand', 'neutral', 'Contacts in the window divided by its length in months (30.44 days).'),
  referrals: m(
    'Referrals',
    'count',
    'demand',
    'neutral',
    'Contacts accepted for a social care response in the window (fast-tracked, classified as referrals, accepted by a duty manager or a MASH manager, or reclassified), including those that closed before any assessment.',
  ),
  contactToReferralRate: m('Contact-to-referral rate', 'share', 'demand', 'neutral', 'Referrals in the window divided by contacts in the window.', true),
  referralToInitialAssessmentRate: m(
    'Referral-to-initial-assessment rate',
    'share',
    'demand',
    'neutral',
    'Initial assessments started (allocated to a social worker) in the window, divided by referrals in the window; referrals closed before any assessment and those still waiting for allocation are not counted as assessed (Medway 2006: 25%, comparators over 50%).',
    true,
  ),
  divertedToEarlyHelp: m(
    'Diverted to early help',
    'count',
    'demand',
    'neutral',
    'Concerns handled through early help in the window, before any contact (upstream) or after signposting.',
  ),
  reReferralRate: m(
    'Re-referral rate',
    'share',
    'reReferral',
    'lower',
    'Referrals in the window made within 12 months (the scenario’s window) of a previous referral for the same child, divided by referrals in the window (DfE definition). Previous referrals are those the run itself made, in its warm start or later, and, for a new child already known to social care, the history the scenario gives (historicReferralLookbackMonths).',
    true,
  ),
  returnAfterClosureRate: m(
    'Came back within 12 months of closure',
    'share',
    'reReferral',
    'lower',
    'Contacts in the window (not a second agency’s report of the same incident) about a child whose previous case closed, at any stage and the front door included, within the re-referral window (12 months), divided by cases closed in the window. No threshold gates it: a child turned away at the door who comes back counts. In a steady state it is the share of closures followed by a return within 12 months.',
  ),
  returnAfterClosureUnmetShare: m(
    'Came back with need unmet at closure',
    'share',
    'reReferral',
    'lower',
    'Of the contacts counted in “Came back within 12 months of closure”, the share whose previous case closed leaving a need of moderate level or above unmet.',
  ),
  closedWithUnmetNeedRate: m(
    'Closed with unmet need',
    'share',
    'reReferral',
    'lower',
    'Cases closed without services in the window at any stage (the front door, the duty decision, or after assessment), whose true need was at child-in-need level or above, divided by all cases closed without services in the window (cf. KSCB audit July 2010: 23%). Counted at every stage so that front doors which refuse at the door and those which refuse at duty compare fairly.',
    true,
  ),
  closedWithoutServices: m(
    'Closed without services',
    'count',
    'reReferral',
    'neutral',
    'Cases closed in the window without services (no plan, no early help) at any stage: at the front door, at the duty decision (or, under a MASH, as a referral before any assessment) or after assessment. Contacts linked to a case already open are not counted.',
  ),
  unmetNeedClosuresAtFrontDoor: m(
    'Closed with unmet need: at the front door',
    'count',
    'reReferral',
    'neutral',
    'Cases closed in the window at the front door (signposted or no further action after screening), without services, whose true need was at child-in-need level or above. Where closures happen, not a judgement: a front door that refuses at the door closes there what another closes at duty, so “Closed with unmet need” over every stage is the measure to judge by.',
  ),
  unmetNeedClosuresAtDuty: m(
    'Closed with unmet need: at the duty decision',
    'count',
    'reReferral',
    'neutral',
    'Cases closed in the window at the decision on a referral before any assessment (a duty manager’s decision, or a referral a MASH accepted that closed before its assessment began), without services, whose true need was at child-in-need level or above. Where closures happen, not a judgement: judge by “Closed with unmet need” over every stage.',
  ),
  unmetNeedClosuresAfterAssessment: m(
    'Closed with unmet need: after assessment',
    'count',
    'reReferral',
    'neutral',
    'Cases closed in the window after an initial or core assessment, without services, whose true need was at child-in-need level or above. Where closures happen, not a judgement: judge by “Closed with unmet need” over every stage.',
  ),
  doubleScreenedRate: m(
    'Screened twice',
    'share',
    'duplication',
    'lower',
    'Contacts in the window about children known to social care that the front door screened and a duty manager then screened again, divided by contacts in the window (Kent 2010: every contact or referral about a known child).',
  ),
  returnedForReclassificationRate: m(
    'Returned for reclassification',
    'share',
    'duplication',
    'lower',
    'Contacts in the window that a duty team returned to the front door to be reclassified as a referral, divided by contacts in the window (Kent 2010: 10-12%).',
  ),
  duplicateContactRate: m(
    'Duplicate contacts',
    'share',
    'duplication',
    'lower',
    'Contacts in the window that arrived within the duplicate window (days) of another contact about the same child, divided by contacts in the window.',
  ),
  repeatWorkHours: m(
    'Repeat work (hours)',
    'hours',
    'duplication',
    'lower',
    'Staff hours of work done again that started in the window: a duty manager re-screening a contact the front door screened, reclassifying returned contacts, and screening duplicate contacts.',
  ),
  repeatWorkHoursPerMonth: m('Repeat work per month (hours)', 'hours', 'duplication', 'lower', 'Repeat work hours divided by the window’s length in months.'),
  awaitingAllocationMean: m(
    'Awaiting allocation (average)',
    'cases',
    'backlog',
    'lower',
    'Time-weighted average number of referrals accepted for assessment but not yet allocated to a social worker, over the window.',
  ),
  awaitingAllocationEnd: m('Awaiting allocation (end)', 'cases', 'backlog', 'lower', 'Referrals waiting for allocation at the end of the run.'),
  awaitingDecisionEnd: m('Awaiting a decision (end)', 'cases', 'backlog', 'lower', 'Contacts waiting for a screener or a duty manager at the end of the run.'),
  queuedWorkShare: m(
    'Work still queued (end)',
    'share',
    'backlog',
    'lower',
    'Contacts waiting for a decision plus referrals waiting for allocation at the end of the run, divided by contacts in the window. Above 3% the ratios over decided work (marked so) read better than the truth: the queued work has not reached a decision yet.',
  ),
  initialAssessmentsOpenEnd: m(
    'Initial assessments open (end)',
    'cases',
    'backlog',
    'lower',
    'Referrals accepted for initial assessment and not yet completed at the end of the run, including those awaiting allocation.',
  ),
  initialAssessmentsOverdueEnd: m(
    'Initial assessments overdue (end)',
    'cases',
    'backlog',
    'lower',
    'Open initial assessments (waiting for allocation or under way) at the end of the run already past their timescale (working days from the referral, or from allocation where the scenario starts the clock there).',
  ),
  coreAssessmentsOpenEnd: m('Core assessments open (end)', 'cases', 'backlog', 'lower', 'Core assessments under way at the end of the run.'),
  coreAssessmentsOverdueEnd: m(
    'Core assessments overdue (end)',
    'cases',
    'backlog',
    'lower',
    'Open core assessments at the end of the run already past their timescale (working days from start).',
  ),
  coreAssessmentOverdueShareEnd: m(
    'Core assessments overdue (share, end)',
    'share',
    'backlog',
    'lower',
    'Overdue core assessments divided by open core assessments at the end of the run (Kent 2010, one office: 23 of 65).',
  ),
  initialAssessmentInTimescaleRate: m(
    'Initial assessments in timescale',
    'share',
    'timeliness',
    'higher',
    'Initial assessments completed in the window within their timescale (working days from the referral date, DfE; or from allocation where the scenario says so), divided by all completed in the window.',
    true,
  ),
  coreAssessmentInTimescaleRate: m(
    'Core assessments in timescale',
    'share',
    'timeliness',
    'higher',
    'Core assessments completed in the window within their timescale (working days from start), divided by all completed in the window.',
    true,
  ),
  decisionInTimescaleRate: m(
    'Decisions in timescale',
    'share',
    'timeliness',
    'higher',
    'Contacts decided in the window (accepted, signposted, closed or linked) within the decision timescale in working days of arrival, divided by all decided.',
    true,
  ),
  meanWaitToDecisionHours: m(
    'Wait for a decision (hours)',
    'hours',
    'waits',
    'lower',
    'Mean elapsed hours from a contact’s arrival to the decision that ends its time at the front door, for contacts decided in the window.',
    true,
  ),
  meanWaitToAllocationHours: m(
    'Wait for allocation (hours)',
    'hours',
    'waits',
    'lower',
    'Mean elapsed hours from acceptance for assessment to allocation to a social worker, for allocations in the window.',
    true,
  ),
  awaitingTransferMean: m(
    'Awaiting transfer (average)',
    'cases',
    'backlog',
    'lower',
    'Time-weighted average number of cases with a plan decided that wait, still held by their duty social worker, for a place in a long-term team, over the window (0 when long-term capacity is not modelled).',
  ),
  meanWaitToTransferHours: m(
    'Wait for a long-term team (hours)',
    'hours',
    'waits',
    'lower',
    'Mean elapsed hours from a plan being decided to the case taking its place in a long-term team, held by its duty social worker meanwhile, for transfers in the window (0 when long-term capacity is not modelled: plans start at once).',
  ),
  plansOpenEnd: m('Plans open (end)', 'cases', 'outcomes', 'neutral', 'Child-in-need and child protection plans under way at the end of the run.'),
  caseloadPerWorker: m(
    'Caseload per social worker',
    'cases',
    'workforce',
    'lower',
    'DfE caseload: children held by case-holding social workers (assessments and cases awaiting transfer held on duty, plus plans held in long-term teams where the scenario models them), time-weighted over the window, divided by filled case-holding posts (duty posts, plus long-term social workers where modelled). National average about 16 (Children’s social work workforce, 2023-24).',
  ),
  assessmentsPerDutyWorker: m(
    'Assessments per duty social worker',
    'cases',
    'workforce',
    'neutral',
    'Time-weighted average number of open assessments and cases awaiting transfer held by duty social workers, divided by filled duty social worker posts, over the window.',
  ),
  screenerUtilisation: m(
    'Screener utilisation',
    'share',
    'workforce',
    'neutral',
    'Working hours front-door screeners spent screening inside the window divided by their available working hours in the window (0 where there is no central front door).',
  ),
  managerUtilisation: m(
    'Duty manager utilisation',
    'share',
    'workforce',
    'neutral',
    'Working hours duty managers spent screening and deciding inside the window divided by their available working hours in the window.',
  ),
  socialWorkerUtilisation: m(
    'Social worker utilisation',
    'share',
    'workforce',
    'neutral',
    'Share of duty social workers’ contracted time for casework that went on assessments, and on plans they held while the case waited for a long-term team, over the window: casework hours worked ÷ casework hours available. Available hours are each worker’s FTE × (1 − non-case work share) × the calendar’s working hours, banked while the worker is in post (joins and leaves mid-run count for the time in post).',
  ),
  caseloadPlacesHeldShare: m(
    'Caseload places held',
    'share',
    'workforce',
    'neutral',
    'Time-weighted share of caseload places (caps of filled posts at the end of the window) holding an assessment, over the window: the policy limit’s use, not the workers’ time.',
  ),
  socialWorkerLeavers: m(
    'Duty social workers who left',
    'count',
    'workforce',
    'lower',
    'Duty social workers (permanent and agency) who left in the window: leavers at the annual turnover rate, the timeline’s dated leavers, and agency workers whose engagement ended.',
  ),
  agencyWorkerHours: m(
    'Agency social worker hours',
    'hours',
    'workforce',
    'neutral',
    'Working hours of agency duty social workers in post inside the window (multiply by workforce.agencyHourlyCost for the spend).',
  ),
  sicknessHoursLost: m(
    'Social worker hours lost to sickness',
    'hours',
    'workforce',
    'lower',
    'Working hours of duty social workers in post who were off sick inside the window (workforce.sicknessAbsenceShare; an absent worker takes no new case).',
  ),
  childProtectionPlans: m('Child protection plans started', 'count', 'outcomes', 'neutral', 'Child protection plans started in the window.'),
  childInNeedPlans: m('Child in need plans started', 'count', 'outcomes', 'neutral', 'Child in need plans started in the window.'),
} as const satisfies Record<string, MetricDefinition>;

export type MetricName = keyof typeof METRICS;
export const METRIC_NAMES = Object.keys(METRICS) as MetricName[];

/** Metrics reported per duty team (a subset, same definitions restricted to the team's children). */
export const TEAM_METRIC_NAMES = [
  'contacts',
  'referrals',
  'referralToInitialAssessmentRate',
  'reReferralRate',
  'returnAfterClosureRate',
  'closedWithUnmetNeedRate',
  'returnedForReclassificationRate',
  'awaitingAllocationMean',
  'initialAssessmentsOverdueEnd',
  'coreAssessmentsOverdueEnd',
  'initialAssessmentInTimescaleRate',
  'socialWorkerUtilisation',
  'caseloadPlacesHeldShare',
  'caseloadPerWorker',
  'queuedWorkShare',
] as const satisfies readonly MetricName[];
export type TeamMetricName = (typeof TEAM_METRIC_NAMES)[number];

/** Weekly series (one value per simulated week). */
export const SERIES = {
  contacts: 'Contacts arriving in the week',
  referrals: 'Referrals in the week',
  reReferralRate: 'Re-referrals ÷ referrals in the week',
  doubleScreened: 'Contacts screened twice in the week',
  returnedForReclassification: 'Contacts returned for reclassification in the week',
  duplicateContacts: 'Duplicate contacts in the week',
  repeatWorkHours: 'Repeat work hours in the week',
  awaitingAllocation: 'Referrals awaiting allocation (time-weighted average over the week)',
  initialAssessmentsOpen: 'Initial assessments open at the end of the week',
  initialAssessmentsOverdue: 'Initial assessments overdue at the end of the week',
  coreAssessmentsOpen: 'Core assessments open at the end of the week',
  coreAssessmentsOverdue: 'Core assessments overdue at the end of the week',
  awaitingDecision: 'Contacts waiting for a screener or duty manager at the end of the week',
  plansOpen: 'Child-in-need and child protection plans open at the end of the week',
  awaitingTransfer: 'Cases with a plan decided held on duty awaiting a long-term team at the end of the week (0 when long-term capacity is not modelled)',
  returnsAfterClosure: 'Contacts in the week about a child whose case closed within 12 months',
  socialWorkersInPost: 'Duty social workers in post at the end of the week (permanent and agency)',
} as const;
export type SeriesName = keyof typeof SERIES;
export const SERIES_NAMES = Object.keys(SERIES) as SeriesName[];

/** The parts of a scenario's assessment settings that name its measures (the framework and its single-assessment timescale). */
export interface FrameworkNaming {
  framework: 'wt2013' | 'wt2010' | '2000';
  singleAssessmentTimescaleWorkingDays: number;
}

/**
 * Measures that do not exist under Working Together 2013 onwards (there is no core assessment:
 * a single assessment replaces initial and core), so the app and report leave them out there.
 */
const CORE_ONLY: ReadonlySet<MetricName> = new Set<MetricName>([
  'coreAssessmentsOpenEnd',
  'coreAssessmentsOverdueEnd',
  'coreAssessmentOverdueShareEnd',
  'coreAssessmentInTimescaleRate',
]);

/** The measures a scenario under this framework reports: every measure, bar the core-assessment ones under Working Together 2013. */
export function metricNamesFor<N extends MetricName>(names: readonly N[], naming: FrameworkNaming | undefined): N[] {
  return naming?.framework === 'wt2013' ? names.filter((n) => !CORE_ONLY.has(n)) : [...names];
}

/**
 * A measure's definition in the framework's words. The counters are the same (the single
 * assessment is counted where the initial assessment was: src/sim/metrics.ts), so names in
 * files and the CLI stay stable; only the labels and definitions change under Working Together
 * 2013 ("single assessments within 45 working days", no "core assessments").
 */
export function metricDefinitionFor(name: MetricName, naming: FrameworkNaming | undefined): MetricDefinition {
  const base: MetricDefinition = METRICS[name];
  if (naming?.framework !== 'wt2013') return base;
  const days = naming.singleAssessmentTimescaleWorkingDays;
  switch (name) {
    case 'referralToInitialAssessmentRate':
      return {
        ...base,
        label: 'Referral-to-assessment rate',
        definition:
          'Single assessments started (allocated to a social worker) in the window, divided by referrals in the window; referrals still waiting for allocation are not counted as assessed.',
      };
    case 'initialAssessmentsOpenEnd':
      return {
        ...base,
        label: 'Single assessments open (end)',
        definition: 'Referrals accepted for a single assessment and not yet completed at the end of the run, including those awaiting allocation.',
      };
    case 'initialAssessmentsOverdueEnd':
      return {
        ...base,
        label: 'Single assessments overdue (end)',
        definition: `Open single assessments (waiting for allocation or under way) at the end of the run already past ${days} working days from the referral.`,
      };
    case 'initialAssessmentInTimescaleRate':
      return {
        ...base,
        label: `Single assessments within ${days} working days`,
        definition: `Single assessments completed in the window within ${days} working days of the referral (Working Together 2013 onwards; DfE counts from the referral), divided by all completed in the window.`,
      };
    case 'unmetNeedClosuresAfterAssessment':
      return {
        ...base,
        definition: 'Cases closed in the window after a single assessment, without services, whose true need was at child-in-need level or above.',
      };
    default:
      return base;
  }
}

/** The framework naming every scenario shares, or undefined when they differ (a comparison across frameworks uses the general words). */
export function sharedNaming(namings: readonly (FrameworkNaming | undefined)[]): FrameworkNaming | undefined {
  const [first, ...rest] = namings;
  if (!first) return undefined;
  return rest.every((n) => n?.framework === first.framework && n.singleAssessmentTimescaleWorkingDays === first.singleAssessmentTimescaleWorkingDays)
    ? first
    : undefined;
}

/** A weekly series' label in the framework's words (single assessments under Working Together 2013). */
export function seriesLabelFor(name: SeriesName, naming: FrameworkNaming | undefined): string {
  if (naming?.framework !== 'wt2013') return SERIES[name];
  if (name === 'initialAssessmentsOpen') return 'Single assessments open at the end of the week';
  if (name === 'initialAssessmentsOverdue') return `Single assessments past ${naming.singleAssessmentTimescaleWorkingDays} working days at the end of the week`;
  return SERIES[name];
}
