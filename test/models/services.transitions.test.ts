import { describe, expect, it } from 'vitest';
import { ALL_EVENTS, eventName, step } from '../fixtures/journey.ts';

/** Transition tests for plans (held by long-term teams), early help and closure. */

describe('plans, early help and closure', () => {
  it.each([
    ['services.childInNeed', 'PLAN_ENDED', ['releaseLongTermPlace', 'closeCase']],
    ['services.childProtectionPlan', 'PLAN_ENDED', ['releaseLongTermPlace', 'closeCase']],
    ['earlyHelp', 'EARLY_HELP_ENDED', ['closeCase']],
  ] as const)('%s ends with %s in closure (%s), and ignores every other event', (from, type, actions) => {
    expect(step(from, { type })).toEqual({ next: 'closed', actions: [...actions], status: 'done', ignored: false });
    for (const e of ALL_EVENTS.filter((x) => x.type !== type)) {
      expect(step(from, e).ignored, eventName(e)).toBe(true);
    }
  });

  it('a plan ending releases the long-term team’s place, not a duty caseload place (released on transfer)', () => {
    expect(step('services.childInNeed', { type: 'PLAN_ENDED' }).actions).not.toContain('releaseCaseloadPlace');
    expect(step('earlyHelp', { type: 'EARLY_HELP_ENDED' }).actions).not.toContain('releaseLongTermPlace');
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
