import type { z } from 'zod';
import { parseScenario, type Parsed } from './parse.ts';
import { Scenario } from './schema.ts';

/**
 * The assumed parameters a sensitivity analysis moves (models/ASSUMPTIONS.md marks each one
 * "assumed" or "calibrated"), with the range each is moved through and why. Every variant is
 * the scenario with that one field set to its low or high value, cut to the schema's bounds and
 * parsed again. Pure data and arithmetic: running the variants is the caller's.
 */

/**
 * How a parameter's low and high values follow from its value in the scenario:
 * - `scale`: value × (1 − by) and value × (1 + by) (e.g. ±50%);
 * - `shift`: value − by and value + by, in the field's own unit (e.g. ±2 need points);
 * - `unmet`: for a share near 1 (the share of children whose need is met), the share that fails,
 *   1 − value, is scaled by (1 ± by), so 0.88 moves to 0.82 and 0.94, never past 1.
 */
export type RangeRule = { kind: 'scale'; by: number } | { kind: 'shift'; by: number } | { kind: 'unmet'; by: number };

/** One parameter of the analysis. */
export interface SensitivityParameter {
  /** The field's path in the scenario (`group.field`), also its id. */
  path: string;
  /** What the parameter is, in plain English (the tornado's row label). */
  label: string;
  /** How the range follows from the scenario's value. */
  rule: RangeRule;
  /** Why this range, in a sentence (shown in the app's table and the README). */
  basis: string;
}

/** The parameters varied, in the order models/ASSUMPTIONS.md lists them. */
export const SENSITIVITY_PARAMETERS: readonly SensitivityParameter[] = [
  {
    path: 'demand.meanNeedScore',
    label: 'Average need of children on first contact',
    rule: { kind: 'shift', by: 2 },
    basis: '±2 need points: 31.5 was its value before the presets were last recalibrated; as far above.',
  },
  {
    path: 'demand.needScoreSd',
    label: 'Spread of need between children',
    rule: { kind: 'scale', by: 0.2 },
    basis: '±20%: at ±50% the share of Kent 2010’s new children at child-in-need level would move from about 1 in 70 to 1 in 4, beyond any calibration.',
  },
  {
    path: 'demand.knownChildShare',
    label: 'Share of new children already known',
    rule: { kind: 'shift', by: 0.09 },
    basis: '±0.09: 0.45 was its value before the presets were last recalibrated; as far below.',
  },
  {
    path: 'frontDoor.unqualifiedScreeningSd',
    label: 'Misjudgement by unqualified screeners',
    rule: { kind: 'scale', by: 0.5 },
    basis: '±50% (assumed; no source gives a figure).',
  },
  {
    path: 'frontDoor.qualifiedScreeningSd',
    label: 'Misjudgement by qualified screeners and managers',
    rule: { kind: 'scale', by: 0.5 },
    basis: '±50% (assumed; no source gives a figure).',
  },
  {
    path: 'assessment.prematureClosureBaseRate',
    label: 'Premature closure without pressure',
    rule: { kind: 'scale', by: 0.5 },
    basis: '±50% (assumed; K10 ¶27 names premature closure without a rate).',
  },
  {
    path: 'assessment.prematureClosurePerPressure',
    label: 'Extra premature closure under pressure',
    rule: { kind: 'scale', by: 0.5 },
    basis: '±50% (assumed; no source gives a figure).',
  },
  {
    path: 'assessment.durationStretchPerPressure',
    label: 'How much pressure slows assessments',
    rule: { kind: 'scale', by: 0.5 },
    basis: '±50% (calibrated; at 0.8 Kent 2010 had no steady state).',
  },
  {
    path: 'services.needMetShare',
    label: 'Share of children whose services meet their need',
    rule: { kind: 'unmet', by: 0.5 },
    basis: 'The share not met ±50% (calibrated to re-referral near 25%; 0.75 and 0.85 were tried).',
  },
  {
    path: 'earlyHelp.upstreamDiversionShare',
    label: 'Concerns handled by early help before a contact',
    rule: { kind: 'scale', by: 0.5 },
    basis: '±50% (assumed).',
  },
  { path: 'earlyHelp.signpostedTakeUpShare', label: 'Take-up of early help after signposting', rule: { kind: 'scale', by: 0.5 }, basis: '±50% (assumed).' },
  {
    path: 'earlyHelp.needMetShare',
    label: 'Share of children whose early help meets their need',
    rule: { kind: 'unmet', by: 0.5 },
    basis: 'The share not met ±50% (assumed).',
  },
  {
    path: 'reReferral.unmetNeedReturnsPerYear',
    label: 'How often children with unmet need come back',
    rule: { kind: 'scale', by: 0.5 },
    basis: '±50% (assumed: a return after six months on average).',
  },
  {
    path: 'reReferral.metNeedReturnsPerYear',
    label: 'How often children whose need was met come back',
    rule: { kind: 'shift', by: 0.1 },
    basis:
      '+0.1 a year (it cannot go below 0): a third of the 0.3 once tried, which raised contacts by half and counted again children already among known children’s contacts.',
  },
  {
    path: 'reReferral.returnHorizonMonths',
    label: 'Months after closure a child may still come back',
    rule: { kind: 'scale', by: 0.5 },
    basis: '±50% (assumed: two years).',
  },
  {
    path: 'reReferral.escalationOnReturn',
    label: 'How much unmet need grows before a child comes back',
    rule: { kind: 'shift', by: 2 },
    basis: '±2 need points: 6 and 10 are the values tried in calibration.',
  },
  {
    path: 'reReferral.historicReferralLookbackMonths',
    label: 'How far back known children’s last referral lies',
    rule: { kind: 'scale', by: 0.5 },
    basis: '±50%, at most 120 months (the schema’s limit); five years was once tried.',
  },
];

/** The parameter at `path`; throws for one not in the list. */
export function sensitivityParameter(path: string): SensitivityParameter {
  const p = SENSITIVITY_PARAMETERS.find((x) => x.path === path);
  if (!p) throw new Error(`"${path}" is not a sensitivity parameter (they are: ${SENSITIVITY_PARAMETERS.map((x) => x.path).join(', ')})`);
  return p;
}

type AnySchema = z.ZodType & { def: { type: string; innerType?: z.ZodType }; shape?: Record<string, z.ZodType> };

/** The schema's bounds of the number field at `path` (defaults and optionals looked through). */
export function fieldBounds(path: string): { min: number; max: number; integer: boolean } {
  let node = Scenario as unknown as AnySchema;
  const unwrap = () => {
    while (node.def.type === 'default' || node.def.type === 'optional') node = node.def.innerType as AnySchema;
  };
  for (const key of path.split('.')) {
    unwrap();
    const next = node.def.type === 'object' ? node.shape?.[key] : undefined;
    if (!next) throw new Error(`no field "${key}" in the scenario schema at ${path}`);
    node = next as AnySchema;
  }
  unwrap();
  if (node.def.type !== 'number') throw new Error(`${path} is not a number in the scenario schema`);
  const n = node as unknown as z.ZodNumber;
  return { min: n.minValue ?? -Infinity, max: n.maxValue ?? Infinity, integer: n.isInt };
}

/** The value of a `group.field` path in a scenario. */
export function valueAt(scenario: Scenario, path: string): number {
  const [group, field] = path.split('.') as [string, string];
  const v = (scenario as unknown as Record<string, Record<string, unknown>>)[group]?.[field];
  if (typeof v !== 'number') throw new Error(`${path} is not a number in this scenario`);
  return v;
}

/** A copy of the scenario with only `path` set to `value` (not parsed; see `sensitivityVariants`). */
export function withValue(scenario: Scenario, path: string, value: number): Scenario {
  const [group, field] = path.split('.') as [string, string];
  const s = scenario as unknown as Record<string, Record<string, unknown>>;
  return { ...scenario, [group]: { ...s[group], [field]: value } } as Scenario;
}

/** Rounds away floating-point dust (0.30000000000000004 → 0.3) without changing a real value. */
const tidy = (v: number) => Number(v.toPrecision(10));

/** A parameter's range in a scenario: its value there and the low and high values, inside the schema's bounds. */
export interface ParameterRange {
  path: string;
  base: number;
  low: number;
  high: number;
  /** True when a limit of the schema cut the rule's low or high value. */
  cut: boolean;
}

/** The low and high values of `param` for `scenario`, cut to the schema's bounds (whole numbers where the schema asks). */
export function parameterRange(param: SensitivityParameter, scenario: Scenario): ParameterRange {
  const base = valueAt(scenario, param.path);
  const { min, max, integer } = fieldBounds(param.path);
  const { kind, by } = param.rule;
  const [rawLow, rawHigh] =
    kind === 'scale' ? [base * (1 - by), base * (1 + by)] : kind === 'shift' ? [base - by, base + by] : [1 - (1 - base) * (1 + by), 1 - (1 - base) * (1 - by)];
  const fit = (v: number) => {
    const inside = Math.min(max, Math.max(min, v));
    return tidy(integer ? Math.round(inside) : inside);
  };
  // Rounding must not carry a side past the value itself (0.99999999996 would round to 1).
  const low = Math.min(base, fit(rawLow));
  const high = Math.max(base, fit(rawHigh));
  return { path: param.path, base, low, high, cut: low !== tidy(rawLow) || high !== tidy(rawHigh) };
}

/** One scenario of the analysis: the base, or one parameter at its low or high value. */
export interface SensitivityVariant {
  path: string;
  side: 'low' | 'high';
  value: number;
  scenario: Scenario;
}

/** Everything to run: the ranges, and each variant whose value differs from the base (a low of 0 when the base is 0 is not run: it is the base). */
export interface SensitivityPlan {
  ranges: ParameterRange[];
  variants: SensitivityVariant[];
}

/**
 * The variants of `scenario`: for each parameter (all, or those in `paths`), the scenario at the
 * low and at the high value, each parsed again so one that breaks a cross-field rule is reported
 * with its problems rather than run.
 */
export function sensitivityVariants(scenario: Scenario, paths?: readonly string[]): Parsed<SensitivityPlan> {
  const params = paths ? paths.map(sensitivityParameter) : SENSITIVITY_PARAMETERS;
  const ranges: ParameterRange[] = [];
  const variants: SensitivityVariant[] = [];
  for (const param of params) {
    const range = parameterRange(param, scenario);
    ranges.push(range);
    for (const side of ['low', 'high'] as const) {
      const value = range[side];
      if (value === range.base) continue;
      const parsed = parseScenario(withValue(scenario, param.path, value));
      if (!parsed.ok) return { ok: false, problems: parsed.problems.map((p) => ({ ...p, message: `${p.message} (with ${param.path} at ${value})` })) };
      variants.push({ path: param.path, side, value, scenario: parsed.value });
    }
  }
  return { ok: true, value: { ranges, variants } };
}

/** How many scenarios besides the base an analysis of `paths` runs (sides equal to the base are not run). */
export function variantCount(scenario: Scenario, paths: readonly string[]): number {
  return paths.map((p) => parameterRange(sensitivityParameter(p), scenario)).reduce((n, r) => n + (r.low !== r.base ? 1 : 0) + (r.high !== r.base ? 1 : 0), 0);
}
