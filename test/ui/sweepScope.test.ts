import { describe, expect, it } from 'vitest';
import { getPreset } from '../../src/scenario/presets.ts';
import { sweepParameter, sweepScenarios } from '../../src/ui/features/sweep/sweepParameters.ts';
import { scopedParameter, scopeOptions, todayNumber } from '../../src/ui/features/sweep/sweepScope.ts';

const kent = getPreset('kent-2010')!;
const posts = sweepParameter('socialWorkerPosts');

describe('sweeps that vary one team, all teams by a relative amount, or all teams to one value', () => {
  it('offers the scopes for team settings only, one per team', () => {
    expect(scopeOptions(posts, kent).map((o) => o.value)).toEqual(['same', 'add', 'multiply', ...kent.dutyTeams.map((_, i) => `team-${i}`)]);
    expect(scopeOptions(sweepParameter('referralThreshold'), kent)).toEqual([]);
  });

  it('relative: +2 keeps the double-size team double-size plus two, and today is +0', () => {
    const { param, today } = scopedParameter(posts, 'add', kent);
    expect(today).toEqual({ x: 0, label: 'Today (+0)' });
    const built = sweepScenarios(kent, param, [-2, 0, 2]);
    if (!built.ok) throw new Error(JSON.stringify(built.problems));
    expect(built.scenarios[2]!.dutyTeams.map((t) => t.socialWorkerPosts)).toEqual(kent.dutyTeams.map((t) => t.socialWorkerPosts + 2));
    expect(built.scenarios[1]!.dutyTeams).toEqual(kent.dutyTeams);
  });

  it('factor: ×1.5 rounds whole posts per team; today is ×1', () => {
    const { param, today } = scopedParameter(posts, 'multiply', kent);
    expect(today?.x).toBe(1);
    const built = sweepScenarios(kent, param, [1.5]);
    if (!built.ok) throw new Error();
    expect(built.scenarios[0]!.dutyTeams.map((t) => t.socialWorkerPosts)).toEqual(kent.dutyTeams.map((t) => Math.round(t.socialWorkerPosts * 1.5)));
  });

  it('one team: only that team changes, and today is its own value', () => {
    const { param, today } = scopedParameter(posts, 'team-5', kent);
    expect(today?.x).toBe(kent.dutyTeams[5]!.socialWorkerPosts);
    expect(param.label).toMatch(new RegExp(`in ${kent.dutyTeams[5]!.name.replace(/[()]/g, '\\$&')}$`));
    const built = sweepScenarios(kent, param, [20]);
    if (!built.ok) throw new Error();
    expect(built.scenarios[0]!.dutyTeams.map((t) => t.socialWorkerPosts)).toEqual(kent.dutyTeams.map((t, i) => (i === 5 ? 20 : t.socialWorkerPosts)));
  });

  it('same value: today is the demand-weighted average, said as an average when teams differ', () => {
    const { today } = scopedParameter(posts, 'same', kent);
    expect(today?.x).toBeCloseTo(posts.get(kent), 12);
    expect(today?.label).toMatch(/^Today’s average/);
    // Rounded as people say it: one digit after the whole part, never 9.333 posts.
    expect(today?.label).toBe(`Today’s average: ${todayNumber(today!.x)}`);
    expect(today?.label).toMatch(/^Today’s average: \d+\.\d$/);
  });

  it('says today’s value with one digit more than its whole part, and whole numbers as they are', () => {
    expect(todayNumber(9.333333)).toBe('9.3');
    expect(todayNumber(12.66)).toBe('12.7');
    expect(todayNumber(2.466)).toBe('2.5');
    expect(todayNumber(0.2533)).toBe('0.25');
    expect(todayNumber(14)).toBe('14');
    expect(todayNumber(-1.25)).toBe('−1.3');
  });
});
