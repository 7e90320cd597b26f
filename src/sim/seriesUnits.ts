import type { MetricUnit, SeriesName } from './metricDefinitions.ts';

/** The unit of each weekly series (for interval bounds and trend floors). */
export const SERIES_UNITS: Record<SeriesName, MetricUnit> = {
  contacts: 'count',
  referrals: 'count',
  reReferralRate: 'share',
  doubleScreened: 'count',
  returnedForReclassification: 'count',
  duplicateContacts: 'count',
  repeatWorkHours: 'hours',
  awaitingAllocation: 'cases',
  initialAssessmentsOpen: 'cases',
  initialAssessmentsOverdue: 'cases',
  coreAssessmentsOpen: 'cases',
  coreAssessmentsOverdue: 'cases',
  awaitingDecision: 'cases',
  plansOpen: 'cases',
  awaitingTransfer: 'cases',
  returnsAfterClosure: 'count',
  socialWorkersInPost: 'count',
};
