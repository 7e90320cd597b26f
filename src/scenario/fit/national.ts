/**
 * England's figures beside a council's (issue 15, item 4): a small typed table built from
 * shared/research/national-figures.md, each with its year and source. All are for England.
 */
export interface NationalFigure {
  /** The fit target or input it compares with. */
  key: 'contactToReferralPct' | 'reReferralPct' | 'referralsNfaPct' | 'assessmentsInTimescalePct' | 'caseloadPerFte' | 'vacancyPct' | 'agencyPct';
  value: number;
  /** `pct` (per cent) or `count`. */
  unit: 'pct' | 'count';
  year: string;
  source: string;
}

/** England's figure for each measure that has one. */
export const NATIONAL_FIGURES: readonly NationalFigure[] = [
  { key: 'contactToReferralPct', value: 23, unit: 'pct', year: '2021-22', source: 'ADCS Safeguarding Pressures Phase 8: 2.77m contacts, 650,270 referrals' },
  {
    key: 'reReferralPct',
    value: 22,
    unit: 'pct',
    year: '2023-24',
    source: 'DfE Children in need: 139,080 of 621,880 referrals within 12 months of a previous one',
  },
  { key: 'referralsNfaPct', value: 10, unit: 'pct', year: '2016-17', source: 'DfE Children in need 2016-17, via Community Care (3 Nov 2017)' },
  {
    key: 'assessmentsInTimescalePct',
    value: 85.7,
    unit: 'pct',
    year: '2024-25',
    source: 'DfE Children in need, table C2: assessments completed within 45 working days',
  },
  {
    key: 'caseloadPerFte',
    value: 16.0,
    unit: 'count',
    year: '2023',
    source: 'DfE Children’s social work workforce: 337,055 cases / 21,111 case-holding FTE (September)',
  },
  { key: 'vacancyPct', value: 18.9, unit: 'pct', year: '2023', source: 'DfE Children’s social work workforce (September)' },
  { key: 'agencyPct', value: 17.8, unit: 'pct', year: '2023', source: 'DfE Children’s social work workforce: 7,174 agency FTE (September)' },
];

/** England's figure for `key`, if there is one. */
export function nationalFigure(key: string): NationalFigure | undefined {
  return NATIONAL_FIGURES.find((f) => f.key === key);
}

/** "England 22% (2023-24)": the national figure in words, for a table cell. */
export function nationalLabel(f: NationalFigure): string {
  return `England ${f.unit === 'pct' ? `${f.value}%` : f.value.toFixed(1)} (${f.year})`;
}

/** England's figure beside a simulated measure: the measure's name, the figure as a value in the measure's unit, and what differs in the definition. */
export interface NationalBeside {
  figure: NationalFigure;
  /** The figure in the measure's own unit (a share 0-1 for per cent figures). */
  value: number;
  /** Where the national definition differs from the simulated one, in a sentence (empty if it does not). */
  note: string;
}

const share = (key: NationalFigure['key'], note = '', complement = false): NationalBeside => {
  const figure = NATIONAL_FIGURES.find((f) => f.key === key)!;
  return { figure, value: complement ? 1 - figure.value / 100 : figure.value / 100, note };
};

/** England's figure for each simulated measure that has a national counterpart, keyed by the measure's name (src/sim/metricDefinitions.ts). */
export const NATIONAL_BESIDE_METRIC: Readonly<Record<string, NationalBeside>> = {
  reReferralRate: share('reReferralPct'),
  contactToReferralRate: share('contactToReferralPct', 'Contacts are counted differently between councils (ADCS).'),
  referralToInitialAssessmentRate: share('referralsNfaPct', 'England’s: referrals not ending in no further action before assessment.', true),
  initialAssessmentInTimescaleRate: share(
    'assessmentsInTimescalePct',
    'England’s is single assessments within 45 working days (Working Together 2013 on); under the 2000 framework or 2010 rules the simulated measure is initial assessments within 7 or 10.',
  ),
  caseloadPerWorker: {
    figure: NATIONAL_FIGURES.find((f) => f.key === 'caseloadPerFte')!,
    value: 16.0,
    note: 'England’s counts all case-holding social workers.',
  },
};
