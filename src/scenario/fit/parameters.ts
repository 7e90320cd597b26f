import type { Scenario } from '../schema.ts';
import { fieldBounds, parameterRange, sensitivityParameter, valueAt, withValue, type RangeRule } from '../sensitivity.ts';

/**
 * The parameters no council publishes, which a fit moves (issue 15, item 3): a declarative
 * table, one line a parameter. Each is applied to the base scenario (never to an already fitted
 * one), so a fit's values are always relative to the same starting point. Where a parameter is
 * in the sensitivity table (src/scenario/sensitivity.ts) the fit reuses its range and its basis;
 * the others say their own. Pure data and arithmetic: running candidates is the caller's.
 */
export interface FitParameter {
  /** Its id: a scenario path (`group.field`) or a name for a move of several fields. */
  id: string;
  /** What it is, in plain English. */
  label: string;
  /** Why this range, in a sentence. */
  basis: string;
  /** Its value in the base scenario. */
  baseValue(base: Scenario): number;
  /** Its low and high values for this base (inside the schema's bounds). */
  range(base: Scenario): [number, number];
  /** The base scenario with this parameter at `value` (not parsed). */
  apply(base: Scenario, value: number): Scenario;
}

const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));

/** A parameter from the sensitivity table: its path, label, range rule and basis. */
export function fromSensitivity(path: string, label?: string): FitParameter {
  const p = sensitivityParameter(path);
  return {
    id: path,
    label: label ?? p.label,
    basis: `${p.basis} (the sensitivity table’s range)`,
    baseValue: (s) => valueAt(s, path),
    range: (s) => {
      const r = parameterRange(p, s);
      return [r.low, r.high];
    },
    apply: (s, v) => withValue(s, path, v),
  };
}

/** A scenario field not in the sensitivity table, with its own range rule. */
export function field(path: string, label: string, rule: RangeRule, basis: string): FitParameter {
  return {
    id: path,
    label,
    basis,
    baseValue: (s) => valueAt(s, path),
    range: (s) => {
      const base = valueAt(s, path);
      const { min, max } = fieldBounds(path);
      const [lo, hi] =
        rule.kind === 'scale'
          ? [base * (1 - rule.by), base * (1 + rule.by)]
          : rule.kind === 'shift'
            ? [base - rule.by, base + rule.by]
            : [1 - (1 - base) * (1 + rule.by), 1 - (1 - base) * (1 - rule.by)];
      return [clamp(lo, min, max), clamp(hi, min, max)];
    },
    apply: (s, v) => withValue(s, path, v),
  };
}

/** Every duty team's acceptance threshold moved by the same number of need points (0 in the base). */
export const DUTY_THRESHOLD_SHIFT: FitParameter = {
  id: 'dutyTeams.threshold',
  label: 'Duty teams’ acceptance threshold (shift, need points)',
  basis: '±10 need points (assumed): thresholds differ widely between councils (K10 ¶27); the shift keeps differences between teams.',
  baseValue: () => 0,
  range: () => [-10, 10],
  apply: (s, v) => ({ ...s, dutyTeams: s.dutyTeams.map((t) => ({ ...t, threshold: clamp(t.threshold + v, 0, 100) })) }),
};

/** Every referring agency's contacts scaled by the same factor (1 in the base, which is already scaled to the population). */
export const DEMAND_SCALE: FitParameter = {
  id: 'demand.scale',
  label: 'Contacts from every agency (factor)',
  basis: '×0.5 to ×2 (assumed): contact rates per child differ between councils about that much (ADCS Safeguarding Pressures; national-figures.md).',
  baseValue: () => 1,
  range: () => [0.5, 2],
  apply: (s, v) => ({ ...s, demand: { ...s.demand, sources: s.demand.sources.map((src) => ({ ...src, contactsPerMonth: src.contactsPerMonth * v })) } }),
};

/**
 * Hours of work an assessment needs, initial and core (or a single assessment's two parts)
 * scaled together (1 in the base). Under the time model (DESIGN 63) these hours, not the
 * unhurried working days, decide how often a busy team meets its timescale.
 */
export const WORK_HOURS_SCALE: FitParameter = {
  id: 'assessment.workHours',
  label: 'Hours of work an assessment needs (factor)',
  basis: '×0.5 to ×1.5 (assumed: no council publishes hours per assessment; the presets’ hours are assumptions, models/ASSUMPTIONS.md).',
  baseValue: () => 1,
  range: () => [0.5, 1.5],
  apply: (s, v) => ({
    ...s,
    assessment: {
      ...s.assessment,
      initialAssessmentWorkHours: s.assessment.initialAssessmentWorkHours * v,
      coreAssessmentWorkHours: s.assessment.coreAssessmentWorkHours * v,
    },
  }),
};

/** The parameters a fit moves by default, in this order. Adding one is one line here. */
export const FIT_PARAMETERS: readonly FitParameter[] = [
  DEMAND_SCALE,
  field(
    'frontDoor.referralThreshold',
    'Front door’s referral threshold',
    { kind: 'shift', by: 10 },
    '±10 need points (assumed; K10 ¶27 on thresholds applied unevenly).',
  ),
  DUTY_THRESHOLD_SHIFT,
  fromSensitivity('demand.meanNeedScore'),
  fromSensitivity('services.needMetShare'),
  fromSensitivity('reReferral.unmetNeedReturnsPerYear'),
  field(
    'assessment.meanInitialAssessmentWorkingDays',
    'Working days an assessment takes without pressure',
    { kind: 'scale', by: 0.5 },
    '±50% (assumed: DfE’s median is 33 days, national-figures.md).',
  ),
  WORK_HOURS_SCALE,
];

/**
 * Under a MASH, the share of accepted referrals checked after acceptance (closing those below the
 * child-in-need level before an assessment). Moved only when the base is a MASH and the council
 * gave its referrals ending in no further action: nothing else pins it, and under other front
 * doors it does nothing.
 */
export const MASH_CLOSED_BEFORE_ASSESSMENT: FitParameter = field(
  'frontDoor.mashClosedBeforeAssessmentShare',
  'Referrals the MASH checks after acceptance (share)',
  { kind: 'shift', by: 0.35 },
  '±0.35 around the base (assumed: no council publishes it; 0.35 gives England’s 10% of referrals ending before assessment, models/ASSUMPTIONS.md).',
);

/** The parameters a fit of `base` to figures that include `nfaGiven` moves: FIT_PARAMETERS, and the MASH's check where it can be pinned. */
export function fitParametersFor(base: Scenario, nfaGiven: boolean): readonly FitParameter[] {
  return base.frontDoor.structure === 'mash' && nfaGiven ? [...FIT_PARAMETERS, MASH_CLOSED_BEFORE_ASSESSMENT] : FIT_PARAMETERS;
}

/** The fit parameter with this id; throws naming the ones there are. */
export function fitParameter(id: string): FitParameter {
  const all = [...FIT_PARAMETERS, MASH_CLOSED_BEFORE_ASSESSMENT];
  const p = all.find((x) => x.id === id);
  if (!p) throw new Error(`"${id}" is not a fit parameter (they are: ${all.map((x) => x.id).join(', ')})`);
  return p;
}

/** The base with each parameter at its value (values in the parameters' order; fields are continuous, none is a whole number). */
export function applyParameters(base: Scenario, params: readonly FitParameter[], values: readonly number[]): Scenario {
  return params.reduce((s, p, i) => p.apply(s, values[i]!), base);
}
