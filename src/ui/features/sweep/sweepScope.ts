import type { Scenario } from '../../../scenario/schema.ts';
import type { SweepParameter } from './sweepParameters.ts';

/**
 * Which teams a sweep of a duty-team setting varies, and how: every team set to the same value,
 * every team's own value plus an amount or times a factor (so a double-size team stays double-size),
 * or one team alone. Each scope is a sweep parameter of its own, with today's value to mark on the chart.
 */

/** `same`, `add`, `multiply`, or `team-<index>` (counting from 0). */
export type SweepScope = string;

/** The scopes a parameter offers for a scenario, as options for a select. Settings that are not per team offer none. */
export function scopeOptions(param: SweepParameter, scenario: Scenario | null): { value: SweepScope; label: string }[] {
  if (!param.team || !scenario) return [];
  return [
    { value: 'same', label: 'Every team set to the same value' },
    { value: 'add', label: 'Every team’s own value plus an amount' },
    { value: 'multiply', label: 'Every team’s own value times a factor' },
    ...scenario.dutyTeams.map((t, i) => ({ value: `team-${i}`, label: `Only ${t.name}` })),
  ];
}

/** Today's value of a swept parameter in a scenario, with words for the chart's mark. */
export interface Today {
  x: number;
  label: string;
}

/**
 * Today's value as people say it: a whole number as it is, anything else to one more digit than
 * its whole part has (an average of 9.333 posts over teams reads 9.3, a threshold of 2.466
 * reads 2.5; 0.2533 reads 0.25).
 */
export function todayNumber(v: number): string {
  if (Number.isInteger(v) || !Number.isFinite(v)) return v.toLocaleString('en-GB').replace('-', '−');
  const whole = Math.abs(v) >= 1 ? Math.floor(Math.log10(Math.abs(v))) + 1 : 1;
  return Number(v.toPrecision(whole + 1))
    .toLocaleString('en-GB', { maximumFractionDigits: 6 })
    .replace('-', '−');
}

/** Whether a duty-team setting's value in `scenario` is an average over teams whose values differ. */
export const averagedOverTeams = (p: SweepParameter, scenario: Scenario): boolean => !!p.team && new Set(scenario.dutyTeams.map(p.team.get)).size > 1;

const round = (v: number, integer: boolean) => (integer ? Math.round(v) : Math.round(v * 1e6) / 1e6);

/**
 * The parameter a scope sweeps (its label, bounds and setter), and today's value in `base`. An
 * unknown scope, or a scope on a setting that is not per team, gives the parameter as it is.
 */
export function scopedParameter(param: SweepParameter, scope: SweepScope | undefined, base: Scenario): { param: SweepParameter; today: Today | null } {
  const team = param.team;
  if (!team || !scope || scope === 'same') {
    const now = param.get(base);
    const label = averagedOverTeams(param, base) ? `Today’s average: ${todayNumber(now)}` : `Today: ${Number(now.toPrecision(4))}`;
    return { param, today: { x: now, label } };
  }
  if (scope === 'add') {
    return {
      param: {
        ...param,
        id: `${param.id}+add`,
        label: `Change to every team’s ${param.label.charAt(0).toLowerCase()}${param.label.slice(1).replace(/ in each duty team$/, '')} (added)`,
        help: `Adds the amount to each duty team’s own value (negative amounts take away), so teams keep their differences.`,
        integer: param.integer,
        min: -param.max,
        max: param.max,
        get: () => 0,
        set: (s, v) => ({ ...s, dutyTeams: s.dutyTeams.map((t) => ({ ...t, ...team.patch(t, round(team.get(t) + v, param.integer)) })) }),
      },
      today: { x: 0, label: 'Today (+0)' },
    };
  }
  if (scope === 'multiply') {
    return {
      param: {
        ...param,
        id: `${param.id}*multiply`,
        label: `Factor on every team’s ${param.label.charAt(0).toLowerCase()}${param.label.slice(1).replace(/ in each duty team$/, '')}`,
        help: 'Multiplies each duty team’s own value by the factor (whole numbers are rounded), so teams keep their proportions.',
        integer: false,
        min: 0,
        max: 10,
        get: () => 1,
        set: (s, v) => ({ ...s, dutyTeams: s.dutyTeams.map((t) => ({ ...t, ...team.patch(t, round(team.get(t) * v, param.integer)) })) }),
      },
      today: { x: 1, label: 'Today (×1)' },
    };
  }
  const m = /^team-(\d+)$/.exec(scope);
  const index = m ? Number(m[1]) : -1;
  const target = base.dutyTeams[index];
  if (!target) return scopedParameter(param, 'same', base);
  return {
    param: {
      ...param,
      id: `${param.id}@${index}`,
      label: `${param.label.replace(/ in each duty team$/, '').replace(/^Duty team /, '')} in ${target.name}`,
      help: `Sets the value for ${target.name} only; the other teams keep theirs.`,
      get: (s) => (s.dutyTeams[index] ? team.get(s.dutyTeams[index]) : NaN),
      set: (s, v) => ({ ...s, dutyTeams: s.dutyTeams.map((t, i) => (i === index ? { ...t, ...team.patch(t, v) } : t)) }),
    },
    today: { x: team.get(target), label: `Today: ${Number(team.get(target).toPrecision(4))}` },
  };
}
