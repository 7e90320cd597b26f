import { describe, expect, it } from 'vitest';
import { ALL_EVENTS, eventName, step } from '../fixtures/journey.ts';

/** Transition tests for plans, early help and closure. */

describe('plans, early help and closure', () => {
  it.each([
    ['services.childInNeed', 'PLAN_ENDED'],
    ['services.childProtectionPlan', 'PLAN_ENDED'],
    ['earlyHelp', 'EARLY_HELP_ENDED'],
  ] as const)('%s ends with %s in closure (closeCase), and ignores every other event', (from, type) => {
    expect(step(from, { type })).toEqual({ next: 'closed', actions: ['closeCase'], status: 'done', ignored: false });
    for (const e of ALL_EVENTS.filter((x) => x.type !== type)) {
      expect(step(from, e).ignored, eventName(e)).toBe(true);
    }
  });

  it('services held by long-term teams release no caseload place (already released at the end of assessment)', () => {
    expect(step('services.childInNeed', { type: 'PLAN_ENDED' }).actions).not.toContain('releaseCaseloadPlace');
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
