import { describe, expect, it } from 'vitest';
import { ALL_EVENTS, activityIn, eventName, step } from '../fixtures/journey.ts';

/** Transition tests for plans (held by long-term teams), early help and closure. */

describe('plans, early help and closure', () => {
  it.each([
    ['services.childInNeed', 'PLAN_ENDED', ['releasePlace(pool=longTermPlaces)', 'closeCase(stage=services)']],
    ['services.childProtectionPlan', 'PLAN_ENDED', ['releasePlace(pool=longTermPlaces)', 'closeCase(stage=services)']],
    ['earlyHelp', 'EARLY_HELP_ENDED', ['closeCase(stage=earlyHelp)']],
  ] as const)('%s ends with %s in closure (%s), and ignores every other event', (from, type, detail) => {
    expect(step(from, { type })).toMatchObject({ next: 'closed', detail: [...detail], status: 'done', ignored: false });
    for (const e of ALL_EVENTS.filter((x) => x.type !== type)) {
      expect(step(from, e).ignored, eventName(e)).toBe(true);
    }
  });

  it('plans and early help are episodes of the scenario’s mean months', () => {
    expect(activityIn('services.childInNeed')).toMatchObject({ kind: 'episode', episode: 'plan', plan: 'childInNeed', completes: 'PLAN_ENDED' });
    expect(activityIn('services.childProtectionPlan')).toMatchObject({ kind: 'episode', episode: 'plan', plan: 'childProtection', completes: 'PLAN_ENDED' });
    expect(activityIn('earlyHelp')).toMatchObject({ kind: 'episode', episode: 'earlyHelp', completes: 'EARLY_HELP_ENDED' });
  });

  it('a plan ending releases the long-term team’s place, not a duty caseload place (released on transfer)', () => {
    expect(step('services.childInNeed', { type: 'PLAN_ENDED' }).detail).not.toContain('releasePlace(pool=socialWorkerPlaces)');
    expect(step('earlyHelp', { type: 'EARLY_HELP_ENDED' }).actions).not.toContain('releasePlace');
  });

  it('closed is final: its status is done and no event moves it', () => {
    for (const e of ALL_EVENTS) {
      const got = step('closed', e);
      expect(got.next, eventName(e)).toBe('closed');
      expect(got.actions, eventName(e)).toEqual([]);
      expect(got.status).toBe('done');
    }
  });
});
