import { describe, expect, it } from 'vitest';
import {
  CORE_ASSESSMENT_ROUTES,
  INITIAL_ASSESSMENT_ROUTES,
  type CoreAssessmentRoute,
  type InitialAssessmentRoute,
} from '../../models/caseJourney.events.ts';
import { ALL_EVENTS, eventName, step } from '../fixtures/journey.ts';

/** Transition tests for allocation and assessment (the caseload place is held from allocation to the end of assessment). */

describe('allocation and assessment', () => {
  it('a referral waiting for allocation starts its initial assessment when allocated, without releasing a place', () => {
    expect(step('assessment.awaitingAllocation', { type: 'ALLOCATED' })).toMatchObject({
      next: 'assessment.initialAssessment',
      actions: ['startInitialAssessment'],
    });
    for (const e of ALL_EVENTS.filter((x) => x.type !== 'ALLOCATED')) {
      expect(step('assessment.awaitingAllocation', e).ignored, eventName(e)).toBe(true);
    }
  });

  const initial: Record<InitialAssessmentRoute, { next: string; actions: string[] }> = {
    // Same worker carries on: the place is kept, so no release.
    coreAssessment: { next: 'assessment.coreAssessment', actions: ['startCoreAssessment'] },
    childInNeed: { next: 'services.childInNeed', actions: ['releaseCaseloadPlace', 'startChildInNeedPlan'] },
    closed: { next: 'closed', actions: ['releaseCaseloadPlace', 'closeCase'] },
    earlyHelp: { next: 'earlyHelp', actions: ['releaseCaseloadPlace', 'startEarlyHelp'] },
  };
  for (const route of INITIAL_ASSESSMENT_ROUTES) {
    const want = initial[route];
    it(`initial assessment outcome "${route}" goes to ${want.next} with ${want.actions.join(' → ')}`, () => {
      const got = step('assessment.initialAssessment', { type: 'INITIAL_ASSESSMENT_COMPLETED', route });
      expect({ next: got.next, actions: got.actions }).toEqual(want);
    });
  }

  const core: Record<CoreAssessmentRoute, { next: string; actions: string[] }> = {
    childProtectionPlan: { next: 'services.childProtectionPlan', actions: ['releaseCaseloadPlace', 'startChildProtectionPlan'] },
    childInNeed: { next: 'services.childInNeed', actions: ['releaseCaseloadPlace', 'startChildInNeedPlan'] },
    closed: { next: 'closed', actions: ['releaseCaseloadPlace', 'closeCase'] },
  };
  for (const route of CORE_ASSESSMENT_ROUTES) {
    const want = core[route];
    it(`core assessment outcome "${route}" goes to ${want.next} with ${want.actions.join(' → ')}`, () => {
      const got = step('assessment.coreAssessment', { type: 'CORE_ASSESSMENT_COMPLETED', route });
      expect({ next: got.next, actions: got.actions }).toEqual(want);
    });
  }

  it('each assessment ignores every event but its own completion', () => {
    for (const e of ALL_EVENTS.filter((x) => x.type !== 'INITIAL_ASSESSMENT_COMPLETED')) {
      expect(step('assessment.initialAssessment', e).ignored, eventName(e)).toBe(true);
    }
    for (const e of ALL_EVENTS.filter((x) => x.type !== 'CORE_ASSESSMENT_COMPLETED')) {
      expect(step('assessment.coreAssessment', e).ignored, eventName(e)).toBe(true);
    }
  });

  it('an initial assessment cannot end in a child protection plan without a core assessment', () => {
    const outcomes = INITIAL_ASSESSMENT_ROUTES.map((route) => step('assessment.initialAssessment', { type: 'INITIAL_ASSESSMENT_COMPLETED', route }).next);
    expect(outcomes).not.toContain('services.childProtectionPlan');
  });
});
