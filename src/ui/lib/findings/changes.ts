import { scenarioDiff, type FieldDifference } from '../scenarioDiff.ts';

/**
 * What a scenario changes from another, in a line people read: team settings grouped by setting
 * ("Early help coverage: 20% → 60% in every duty team"), others one by one, the largest groups
 * first. Identity and documentation fields (id, name, description, sources) are left out. Pure.
 */

const IGNORED = new Set(['id', 'name', 'description', 'sources', 'version']);

/** A value as people write it: numbers with sensible precision, yes/no, text as it is. */
export function showValue(v: unknown): string {
  if (typeof v === 'number') return Number.isInteger(v) ? v.toLocaleString('en-GB') : Number(v.toPrecision(3)).toLocaleString('en-GB');
  if (typeof v === 'boolean') return v ? 'yes' : 'no';
  return String(v);
}

/** One grouped change: a setting, how many places it changed, and a phrase for it. */
export interface ChangeGroup {
  key: string;
  count: number;
  text: string;
}

/**
 * The settings `b` changes from `a`, grouped. `label(path)` names a field (e.g. the editor's
 * pathLabel); for team settings it is asked for team 1's path and any "Duty team 1: " prefix dropped.
 */
export function summariseChanges(a: unknown, b: unknown, label: (path: string) => string, show: (v: unknown) => string = showValue): ChangeGroup[] {
  const diffs = scenarioDiff(a, b).filter((d) => !IGNORED.has(d.path.split('.')[0] ?? ''));
  const teams = Array.isArray((b as { dutyTeams?: unknown[] })?.dutyTeams) ? (b as { dutyTeams: unknown[] }).dutyTeams.length : 0;
  const groups = new Map<string, FieldDifference[]>();
  for (const d of diffs) {
    const m = /^dutyTeams\.\d+\.(.+)$/.exec(d.path);
    const key = m ? `dutyTeams.*.${m[1]}` : d.path;
    groups.set(key, [...(groups.get(key) ?? []), d]);
  }
  const out: ChangeGroup[] = [];
  for (const [key, list] of groups) {
    const first = list[0]!;
    if (key.startsWith('dutyTeams.*.')) {
      const name = label(key.replace('*', '0')).replace(/^Duty team \d+: /, '');
      const befores = new Set(list.map((d) => show(d.before)));
      const afters = new Set(list.map((d) => show(d.after)));
      const where = list.length === teams ? 'every duty team' : `${list.length} of ${teams} duty teams`;
      out.push({ key, count: list.length, text: `${name}: ${teamChange(list, befores, afters, show)} in ${where}` });
    } else if (key === 'dutyTeams') {
      // Lists of different lengths are reported by length ("11 items"): say it as a number of teams.
      out.push({ key, count: 1, text: `Duty teams: ${String(first.before).replace(' items', '')} → ${String(first.after).replace(' items', '')}` });
    } else {
      out.push({ key, count: 1, text: `${label(key)}: ${show(first.before)} → ${show(first.after)}` });
    }
  }
  return out.sort((x, y) => y.count - x.count);
}

/** A team setting's change across teams: one value to another, the same step or factor for each, or "changed". */
function teamChange(list: readonly FieldDifference[], befores: Set<string>, afters: Set<string>, show: (v: unknown) => string): string {
  if (befores.size === 1 && afters.size === 1) return `${[...befores][0]} → ${[...afters][0]}`;
  const nums = list.every((d) => typeof d.before === 'number' && typeof d.after === 'number');
  if (nums) {
    const steps = new Set(list.map((d) => Math.round(((d.after as number) - (d.before as number)) * 1e6) / 1e6));
    if (steps.size === 1) {
      const step = [...steps][0]!;
      return `${step > 0 ? '+' : '−'}${show(Math.abs(step))} each`;
    }
    const ratios = new Set(list.map((d) => ((d.before as number) === 0 ? NaN : Math.round(((d.after as number) / (d.before as number)) * 1e3) / 1e3)));
    if (ratios.size === 1 && Number.isFinite([...ratios][0])) return `×${show([...ratios][0])} each`;
  }
  return afters.size === 1 ? `various → ${[...afters][0]}` : 'changed';
}

/** The changes as one line: the first `max` groups, then how many more. */
export function changesLine(groups: readonly ChangeGroup[], max = 3): string {
  if (groups.length === 0) return 'same settings as the baseline';
  const shown = groups.slice(0, max).map((g) => g.text);
  const more = groups.length - shown.length;
  return shown.join('; ') + (more > 0 ? `; and ${more} more ${more === 1 ? 'change' : 'changes'}` : '');
}
