import { parseScenario, type Problem } from '../../../scenario/parse.ts';
import type { DutyTeam, Scenario } from '../../../scenario/schema.ts';
import { fieldSpec, type FieldPath } from '../../lib/fieldSpec.ts';

/**
 * The parameters a sweep can vary, each a way to read and set one number on a whole scenario
 * (for team fields: the same value for every duty team). Each swept scenario is parsed again, so
 * a value that breaks a cross-field rule is reported rather than run.
 */
export interface SweepParameter {
  id: string;
  label: string;
  /** What is changed, in a sentence. */
  help: string;
  /** The schema field it sets (for team fields, team 0's), whose bounds and whole-number rule it takes; absent for a factor with no field of its own. */
  path?: FieldPath;
  integer: boolean;
  /** Bounds a sweep may use: the schema's, read from it (`fromSchema`), never restated here. */
  min: number;
  max: number;
  /** The value in a scenario (for team fields: the demand-weighted mean over teams). */
  get: (s: Scenario) => number;
  set: (s: Scenario, v: number) => Scenario;
  /** For duty-team settings: one team's value, and the change that sets it (so a sweep can vary one team, or each team relative to its own value). */
  team?: { get: (t: DutyTeam) => number; patch: (t: DutyTeam, v: number) => Partial<DutyTeam> };
}

const teamMean = (s: Scenario, f: (t: DutyTeam) => number) => {
  const total = s.dutyTeams.reduce((a, t) => a + t.demandShare, 0) || 1;
  return s.dutyTeams.reduce((a, t) => a + f(t) * t.demandShare, 0) / total;
};
const everyTeam =
  (patch: (t: DutyTeam, v: number) => Partial<DutyTeam>) =>
  (s: Scenario, v: number): Scenario => ({
    ...s,
    dutyTeams: s.dutyTeams.map((t) => ({ ...t, ...patch(t, v) })),
  });
/** get, set and team accessors of a duty-team setting. */
const teamField = (get: (t: DutyTeam) => number, patch: (t: DutyTeam, v: number) => Partial<DutyTeam>) => ({
  get: (s: Scenario) => teamMean(s, get),
  set: everyTeam(patch),
  team: { get, patch },
});
const frontDoor = (key: 'referralThreshold' | 'unqualifiedScreeners' | 'qualifiedScreeners' | 'meanScreeningHours') => ({
  ...fromSchema(['frontDoor', key]),
  get: (s: Scenario) => s.frontDoor[key],
  set: (s: Scenario, v: number): Scenario => ({ ...s, frontDoor: { ...s.frontDoor, [key]: v } }),
});

/** The path, whole-number rule and bounds of a numeric field, read from the scenario schema (so a sweep never allows less or more than the schema does). */
function fromSchema(path: FieldPath): { path: FieldPath; integer: boolean; min: number; max: number } {
  const spec = fieldSpec(path);
  if (spec.kind !== 'number') throw new Error(`sweep parameter ${path.join('.')} is not a number in the scenario schema`);
  return { path, integer: spec.integer, min: spec.min, max: spec.max };
}
/** A duty-team field: its bounds from the schema (team 0 stands for every team), and its accessors. */
type TeamNumber = { [K in keyof DutyTeam]-?: DutyTeam[K] extends number ? K : never }[keyof DutyTeam];
const teamSchemaField = (key: TeamNumber, patch?: (t: DutyTeam, v: number) => Partial<DutyTeam>) => ({
  ...fromSchema(['dutyTeams', 0, key]),
  ...teamField((t) => t[key], patch ?? ((_, v) => ({ [key]: v }))),
});

export const SWEEP_PARAMETERS: readonly SweepParameter[] = [
  {
    id: 'socialWorkerPosts',
    label: 'Social worker posts in each duty team',
    help: 'Sets the social worker posts (full-time equivalent) of every duty team to the same number.',
    ...teamSchemaField('socialWorkerPosts'),
  },
  {
    id: 'teamThreshold',
    label: 'Duty team threshold (need score)',
    help: 'Sets the perceived need at or above which every duty team accepts a referral for assessment.',
    ...teamSchemaField('threshold'),
  },
  {
    id: 'referralThreshold',
    label: 'Front-door referral threshold (need score)',
    help: 'Sets the perceived need at or above which the front door classifies a contact as a referral.',
    ...frontDoor('referralThreshold'),
  },
  {
    id: 'unqualifiedScreeners',
    label: 'Unqualified screeners at the front door',
    help: 'Sets the number of unqualified screeners on duty at the front door.',
    ...frontDoor('unqualifiedScreeners'),
  },
  {
    id: 'qualifiedScreeners',
    label: 'Qualified social workers screening at the front door',
    help: 'Sets the number of qualified social workers screening at the front door.',
    ...frontDoor('qualifiedScreeners'),
  },
  {
    id: 'managers',
    label: 'Duty managers in each duty team',
    help: 'Sets the number of duty managers screening and deciding in every duty team.',
    ...teamSchemaField('managers'),
  },
  {
    id: 'vacancyRate',
    label: 'Vacancy rate (share of posts vacant)',
    help: 'Sets the share of social worker posts vacant in every duty team (0 to 1).',
    ...teamSchemaField('vacancyRate'),
  },
  {
    id: 'newlyQualifiedShare',
    label: 'Newly qualified share of filled posts',
    help: 'Sets the share of filled posts held by newly qualified social workers in every duty team (0 to 1).',
    ...teamSchemaField('newlyQualifiedShare'),
  },
  {
    id: 'caseloadCap',
    label: 'Caseload cap of an experienced social worker',
    help: 'Sets the most assessments an experienced social worker holds at once, in every team; a newly qualified worker’s protected cap is lowered to match if it would exceed it.',
    ...teamSchemaField('caseloadCap', (t, v) => ({ caseloadCap: v, newlyQualifiedCaseloadCap: Math.min(t.newlyQualifiedCaseloadCap, v) })),
  },
  {
    id: 'earlyHelpCoverage',
    label: 'Early help coverage',
    help: 'Sets the share of each district where early help is working, in every duty team (0 to 1).',
    ...teamSchemaField('earlyHelpCoverage'),
  },
  {
    id: 'demandScale',
    label: 'Demand, as a multiple of the scenario’s contacts',
    help: 'Multiplies every agency’s contacts per month by this factor (1 = as in the scenario).',
    // A factor, not a field: the schema bounds what it makes (each agency's contacts per month),
    // which is checked when each swept scenario is parsed. Ten times a county is the sweep's limit.
    integer: false,
    min: 0,
    max: 10,
    get: () => 1,
    set: (s, v) => ({ ...s, demand: { ...s.demand, sources: s.demand.sources.map((src) => ({ ...src, contactsPerMonth: src.contactsPerMonth * v })) } }),
  },
];

/** The sweep parameter with this id; throws for an unknown id. */
export function sweepParameter(id: string): SweepParameter {
  const p = SWEEP_PARAMETERS.find((x) => x.id === id);
  if (!p) throw new Error(`unknown sweep parameter "${id}"`);
  return p;
}

/** `steps` evenly spaced values from `from` to `to` (rounded and de-duplicated for whole numbers). */
export function sweepValues(param: SweepParameter, from: number, to: number, steps: number): number[] {
  const n = Math.max(2, Math.floor(steps));
  const raw = Array.from({ length: n }, (_, i) => from + ((to - from) * i) / (n - 1));
  const values = raw.map((v) => (param.integer ? Math.round(v) : Math.round(v * 1e6) / 1e6));
  return [...new Set(values)];
}

/** The scenarios of a sweep, each parsed; any value whose scenario is invalid is reported with its problems. */
export function sweepScenarios(
  base: Scenario,
  param: SweepParameter,
  values: readonly number[],
): { ok: true; scenarios: Scenario[] } | { ok: false; value: number; problems: Problem[] } {
  const scenarios: Scenario[] = [];
  for (const v of values) {
    if (v < param.min || v > param.max) {
      return { ok: false, value: v, problems: [{ path: param.id, message: `must be between ${param.min} and ${param.max}, got ${v}` }] };
    }
    const parsed = parseScenario(param.set(base, v));
    if (!parsed.ok) return { ok: false, value: v, problems: parsed.problems };
    scenarios.push(parsed.value);
  }
  return { ok: true, scenarios };
}
