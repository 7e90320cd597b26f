import { z } from 'zod';
import '../zodConfig.ts';

/**
 * What a council publishes about its front door, as targets for fitting a scenario (issue 15,
 * item 3). Every figure is optional except the child population; each has where to find it and
 * its DfE definition (shared/research/national-figures.md names the collections), and a
 * tolerance: how far the simulated value may sit from the published one and still count as a
 * fit (published figures are rounded, and a year of one council is noisy). Pure data.
 */

/** The targets a fit can aim at: each a published figure the simulator also measures. */
export const TARGET_KEYS = [
  'contactsPerMonth',
  'referralsPer10k',
  'contactToReferralPct',
  'reReferralPct',
  'referralsNfaPct',
  'assessmentsInTimescalePct',
  'childInNeedPer10k',
  'childProtectionStartsPer10k',
  'caseloadPerFte',
] as const;
export type TargetKey = (typeof TARGET_KEYS)[number];

/** The published figures the fit sets directly rather than fitting (they fix a scenario field). */
export const INPUT_KEYS = ['socialWorkersFte', 'vacancyPct', 'agencyPct'] as const;
export type InputKey = (typeof INPUT_KEYS)[number];

/** One published figure: its label, unit, where to find it, its DfE definition, and its default tolerance. */
export interface FigureInfo {
  label: string;
  /** `pct`: per cent (0-100); `per10k`: per 10,000 children aged 0-17; `count`: a number. */
  unit: 'pct' | 'per10k' | 'count' | 'perMonth';
  /** The collection and table a manager finds it in. */
  where: string;
  /** The definition the collection uses. */
  definition: string;
  /** Default tolerance, in the figure's own unit; for counts and rates a share of the value (relative: true). */
  tolerance: number;
  relative?: boolean;
  /** Plausible range, for the form's checks. */
  max: number;
}

/** Every figure the fit page asks for, in the order it asks. */
export const FIGURES: Record<TargetKey | InputKey, FigureInfo> = {
  contactsPerMonth: {
    label: 'Contacts a month',
    unit: 'perMonth',
    where: 'Not in the children in need census: your own front-door data, or your return to the ADCS Safeguarding Pressures survey.',
    definition: 'Contacts: any communication about a child to children’s social care, before screening (ADCS). Divide the year’s count by 12.',
    tolerance: 0.1,
    relative: true,
    max: 1_000_000,
  },
  referralsPer10k: {
    label: 'Referrals per 10,000 children',
    unit: 'per10k',
    where: 'Children in need census (DfE “Children in need”), referrals table, rate per 10,000 children aged under 18.',
    definition: 'A referral is a request for services accepted by children’s social care; counted in the year to 31 March.',
    tolerance: 0.1,
    relative: true,
    max: 10_000,
  },
  contactToReferralPct: {
    label: 'Contacts that became referrals (%)',
    unit: 'pct',
    where: 'Your front-door data, or ADCS Safeguarding Pressures (nationally about 23%).',
    definition: 'Referrals in the year divided by contacts in the year.',
    tolerance: 4,
    max: 100,
  },
  reReferralPct: {
    label: 'Re-referrals within 12 months (%)',
    unit: 'pct',
    where: 'Children in need census, referrals table: “re-referrals within 12 months of a previous referral”.',
    definition: 'Referrals in the year made within 12 months of a previous referral for the same child, as a share of all referrals (DfE).',
    tolerance: 3,
    max: 100,
  },
  referralsNfaPct: {
    label: 'Referrals ending in no further action before assessment (%)',
    unit: 'pct',
    where: 'Children in need census, referrals table: “referrals resulting in no further action”.',
    definition: 'Referrals closed with no further action, without an assessment, as a share of referrals (DfE; nationally about 10% in 2016-17).',
    tolerance: 4,
    max: 100,
  },
  assessmentsInTimescalePct: {
    label: 'Assessments completed within timescale (%)',
    unit: 'pct',
    where:
      'Children in need census, assessments table: assessments completed within 45 working days (under the 2000 framework and Working Together 2010: initial assessments within 7 or 10).',
    definition: 'Assessments completed in the year within the statutory timescale from the date of referral, as a share of all completed (DfE).',
    tolerance: 5,
    max: 100,
  },
  childInNeedPer10k: {
    label: 'Children in need per 10,000 children',
    unit: 'per10k',
    where: 'Children in need census: children in need at 31 March, rate per 10,000 children aged under 18.',
    definition:
      'Children with an open case at 31 March: being assessed, or on a child in need or child protection plan (DfE counts looked-after children too; the simulator does not model care).',
    tolerance: 0.15,
    relative: true,
    max: 10_000,
  },
  childProtectionStartsPer10k: {
    label: 'Child protection plans started per 10,000 children',
    unit: 'per10k',
    where: 'Children in need census, child protection plans table: plans starting in the year, rate per 10,000 children.',
    definition: 'Child protection plans that started in the year to 31 March, per 10,000 children aged under 18.',
    tolerance: 0.2,
    relative: true,
    max: 10_000,
  },
  caseloadPerFte: {
    label: 'Average caseload per case-holding social worker',
    unit: 'count',
    where: 'Children’s social work workforce census (DfE), caseload table: average caseload per case-holding FTE at 30 September.',
    definition: 'Cases held by case-holding social workers divided by their full-time equivalent number (DfE; nationally 16.0 in 2023).',
    tolerance: 0.15,
    relative: true,
    max: 200,
  },
  socialWorkersFte: {
    label: 'Children’s social workers (FTE)',
    unit: 'count',
    where: 'Children’s social work workforce census (DfE): FTE social workers employed by the council at 30 September.',
    definition: 'Full-time equivalent children and family social workers employed (agency workers not included).',
    tolerance: 0,
    max: 100_000,
  },
  vacancyPct: {
    label: 'Vacancy rate (%)',
    unit: 'pct',
    where: 'Children’s social work workforce census (DfE): vacancy rate at 30 September.',
    definition: 'FTE vacancies as a share of FTE vacancies plus FTE social workers (DfE; nationally 18.9% in 2023).',
    tolerance: 0,
    max: 100,
  },
  agencyPct: {
    label: 'Agency worker rate (%)',
    unit: 'pct',
    where: 'Children’s social work workforce census (DfE): agency worker rate at 30 September.',
    definition:
      'FTE agency workers as a share of FTE agency workers plus FTE social workers (DfE; nationally 17.8% in 2023). Shown beside England’s; the simulator does not model agency staff apart.',
    tolerance: 0,
    max: 100,
  },
};

const figure = (key: TargetKey | InputKey) => {
  const f = FIGURES[key];
  return z.number().min(0).max(f.max).optional().describe(`${f.label}. ${f.definition}`);
};

/** The preset a fit starts from unless told otherwise: an average English authority under today's rules (seeds/README.md). */
export const DEFAULT_FIT_PRESET = 'england-2023-24';

/** A council's published figures: the fit's input (CLI targets file, the fit page's form). */
export const FitTargets = z.strictObject({
  name: z.string().min(1).max(120).default('My authority').describe('The council (or the scenario’s name)'),
  basePreset: z
    .string()
    .min(1)
    .default(DEFAULT_FIT_PRESET)
    .describe('The preset the fit starts from (its front door, teams and rules; default: an average English authority under today’s rules)'),
  childPopulation: z.number().int().min(1000).max(3_000_000).describe('Children aged 0-17 in the council’s area (ONS mid-year estimate)'),
  contactsPerMonth: figure('contactsPerMonth'),
  referralsPer10k: figure('referralsPer10k'),
  contactToReferralPct: figure('contactToReferralPct'),
  reReferralPct: figure('reReferralPct'),
  referralsNfaPct: figure('referralsNfaPct'),
  assessmentsInTimescalePct: figure('assessmentsInTimescalePct'),
  childInNeedPer10k: figure('childInNeedPer10k'),
  childProtectionStartsPer10k: figure('childProtectionStartsPer10k'),
  caseloadPerFte: figure('caseloadPerFte'),
  socialWorkersFte: figure('socialWorkersFte'),
  vacancyPct: figure('vacancyPct'),
  agencyPct: figure('agencyPct'),
  tolerances: z
    .strictObject(
      Object.fromEntries(TARGET_KEYS.map((k) => [k, z.number().positive().max(1_000_000).optional()])) as Record<TargetKey, z.ZodOptional<z.ZodNumber>>,
    )
    .default({})
    .describe('Tolerance of each target in its own unit (per cent points for %, the figure’s unit otherwise); absent: the default'),
});
export type FitTargets = z.infer<typeof FitTargets>;
export type FitTargetsInput = z.input<typeof FitTargets>;

/** The tolerance of target `key` in its own unit: the file's, or the default (relative ones times the target). */
export function toleranceOf(targets: FitTargets, key: TargetKey): number {
  const given = targets.tolerances[key];
  if (given !== undefined) return given;
  const f = FIGURES[key];
  const value = targets[key] ?? 0;
  // a relative tolerance of a target of 0 would be 0: half a unit at least
  return f.relative ? Math.max(f.tolerance * value, 0.5) : f.tolerance;
}

/** The targets the file gives, in TARGET_KEYS order. */
export function givenTargets(targets: FitTargets): TargetKey[] {
  return TARGET_KEYS.filter((k) => targets[k] !== undefined);
}
