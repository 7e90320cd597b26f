import type { MetricGroup } from '../../sim/metricDefinitions.ts';
import { FRAMEWORK_NAMES } from '../../scenario/framework.ts';
import { fieldSpec } from './fieldSpec.ts';

/**
 * The words the UI shows for scenario fields, enum options and metric groups, shared by the
 * editor, the findings, the report and the sweep (moved here from the features that first had them).
 */

/** Labels for fields whose description is a list of options rather than a name. */
export const LABELS: Record<string, string> = {
  'frontDoor.structure': 'Front-door structure',
  'calendar.mode': 'Working pattern',
  'timeline.startDate': 'Timeline start date (first measured day)',
};

/** A readable name for a field path: its label, with the team or agency it belongs to. */
export function pathLabel(path: string): string {
  if (!path) return 'Scenario';
  const parts = path.split('.').map((p) => (/^\d+$/.test(p) ? Number(p) : p));
  let where = '';
  if (parts[0] === 'dutyTeams' && typeof parts[1] === 'number') where = `Duty team ${parts[1] + 1}: `;
  if (parts[1] === 'sources' && typeof parts[2] === 'number') where = `Agency ${parts[2] + 1}: `;
  const override = LABELS[path];
  if (override) return where + override;
  try {
    return where + fieldSpec(parts).description;
  } catch {
    return path;
  }
}

/** Plain-words names of enum options (the schema's values are identifiers). */
export const OPTION_LABELS: Record<string, string> = {
  contactCentre: 'Contact centre',
  singleQualified: 'Single qualified front door',
  districtDuty: 'District duty teams',
  direct: 'Direct to duty teams',
  mash: 'Multi-agency safeguarding hub (MASH)',
  workingDays: 'Working days',
  always: 'Around the clock',
  referral: 'From the referral (DfE)',
  allocation: 'From allocation to a social worker',
  unlimited: 'Unlimited: plans start at once',
  caseloadCaps: 'Long-term teams’ caseload caps: cases wait for a place',
  ...FRAMEWORK_NAMES,
};

/** Headings of the metric groups in tables of measures. */
export const GROUP_TITLES: Record<MetricGroup, string> = {
  demand: 'Demand',
  reReferral: 'Re-referral',
  duplication: 'Duplication',
  backlog: 'Backlogs',
  timeliness: 'Timeliness',
  waits: 'Waits',
  workforce: 'Workforce',
  outcomes: 'Outcomes',
};
