import { describe, expect, it } from 'vitest';
import {
  CORE_ASSESSMENT_ROUTES,
  INITIAL_ASSESSMENT_ROUTES,
  PLAN_ROUTES,
  type CoreAssessmentRoute,
  type InitialAssessmentRoute,
  type PlanRoute,
} from '../../models/caseJourney.events.ts';
import { ALL_EVENTS, activityIn, eventName, step } from '../fixtures/journey.ts';

/**
 * Transition tests for allocation and assessment. The caseload place is held from allocation
 * until the case leaves the stage: closed, sent to early help, or transferred to a long-term team
 * (a case that needs a plan waits for the transfer still held by its duty worker, K10 ¶31).
 */

const RELEASE = 'releasePlace(pool=socialWorkerPlaces)';

describe('allocation and assessment', () => {
  it('waits for social workers’ caseload places (fast track first), assesses by the rules, and waits for long-term teams', () => {
    expect(activityIn('assessment.awaitingAllocation')).toMatchObject({ kind: 'queueForPlace', pool: 'socialWorkerPlaces', started: 'ALLOCATED' });
    expect(activityIn('assessment.initialAssessment')).toMatchObject({
      kind: 'assessmentWork',
      timescale: 'initial',
      completes: 'INITIAL_ASSESSMENT_COMPLETED',
    });
    expect(activityIn('assessment.coreAssessment')).toMatchObject({ kind: 'assessmentWork', timescale: 'core', completes: 'CORE_ASSESSMENT_COMPLETED' });
    expect(activityIn('assessment.awaitingTransfer')).toMatchObject({ kind: 'queueForPlace', pool: 'longTermPlaces', started: 'TRANSFERRED' });
  });

  it('a referral waiting for allocation starts its initial assessment when allocated, without releasing a place', () => {
    expect(step('assessment.awaitingAllocation', { type: 'ALLOCATED' })).toMatchObject({
      next: 'assessment.initialAssessment',
      detail: ['startWork'],
    });
    for (const e of ALL_EVENTS.filter((x) => x.type !== 'ALLOCATED')) {
      expect(step('assessment.awaitingAllocation', e).ignored, eventName(e)).toBe(true);
    }
  });

  const initial: Record<InitialAssessmentRoute, { next: string; detail: string[] }> = {
    // Same worker carries on: the place is kept, so no release.
    coreAssessment: { next: 'assessment.coreAssessment', detail: ['startWork'] },
    // A plan needs a long-term team: the duty worker keeps the case (and the place) until transfer.
    childInNeed: { next: 'assessment.awaitingTransfer', detail: ['note(plan=childInNeed)', 'requestStaff'] },
    closed: { next: 'closed', detail: [RELEASE, 'closeCase(stage=assessment)'] },
    earlyHelp: { next: 'earlyHelp', detail: [RELEASE, 'startWork'] },
  };
  for (const route of INITIAL_ASSESSMENT_ROUTES) {
    const want = initial[route];
    it(`initial assessment outcome "${route}" goes to ${want.next} with ${want.detail.join(' → ')}`, () => {
      const got = step('assessment.initialAssessment', { type: 'INITIAL_ASSESSMENT_COMPLETED', route });
      expect({ next: got.next, detail: got.detail }).toEqual(want);
    });
  }

  const core: Record<CoreAssessmentRoute, { next: string; detail: string[] }> = {
    childProtectionPlan: { next: 'assessment.awaitingTransfer', detail: ['note(plan=childProtectionPlan)', 'requestStaff'] },
    childInNeed: { next: 'assessment.awaitingTransfer', detail: ['note(plan=childInNeed)', 'requestStaff'] },
    closed: { next: 'closed', detail: [RELEASE, 'closeCase(stage=assessment)'] },
  };
  for (const route of CORE_ASSESSMENT_ROUTES) {
    const want = core[route];
    it(`core assessment outcome "${route}" goes to ${want.next} with ${want.detail.join(' → ')}`, () => {
      const got = step('assessment.coreAssessment', { type: 'CORE_ASSESSMENT_COMPLETED', route });
      expect({ next: got.next, detail: got.detail }).toEqual(want);
    });
  }

  const transferred: Record<PlanRoute, { next: string; detail: string[] }> = {
    childInNeed: { next: 'services.childInNeed', detail: [RELEASE, 'startWork'] },
    childProtectionPlan: { next: 'services.childProtectionPlan', detail: [RELEASE, 'startWork'] },
  };
  for (const route of PLAN_ROUTES) {
    const want = transferred[route];
    it(`a case awaiting transfer moves to ${want.next} when a long-term team takes it, releasing the duty worker's place`, () => {
      const got = step('assessment.awaitingTransfer', { type: 'TRANSFERRED', route });
      expect({ next: got.next, detail: got.detail }).toEqual(want);
    });
  }

  it('a case that needs a plan keeps its caseload place until it is transferred (no release on leaving assessment for the transfer queue)', () => {
    for (const e of [
      { type: 'INITIAL_ASSESSMENT_COMPLETED', route: 'childInNeed' },
      { type: 'CORE_ASSESSMENT_COMPLETED', route: 'childInNeed' },
      { type: 'CORE_ASSESSMENT_COMPLETED', route: 'childProtectionPlan' },
    ] as const) {
      expect(step(e.type === 'CORE_ASSESSMENT_COMPLETED' ? 'assessment.coreAssessment' : 'assessment.initialAssessment', e).detail).not.toContain(RELEASE);
    }
  });

  it('each assessment ignores every event but its own completion', () => {
    for (const e of ALL_EVENTS.filter((x) => x.type !== 'INITIAL_ASSESSMENT_COMPLETED')) {
      expect(step('assessment.initialAssessment', e).ignored, eventName(e)).toBe(true);
    }
    for (const e of ALL_EVENTS.filter((x) => x.type !== 'CORE_ASSESSMENT_COMPLETED')) {
      expect(step('assessment.coreAssessment', e).ignored, eventName(e)).toBe(true);
    }
    for (const e of ALL_EVENTS.filter((x) => x.type !== 'TRANSFERRED')) {
      expect(step('assessment.awaitingTransfer', e).ignored, eventName(e)).toBe(true);
    }
  });

  it('an initial assessment cannot lead to a child protection plan without a core assessment', () => {
    expect(INITIAL_ASSESSMENT_ROUTES as readonly string[]).not.toContain('childProtectionPlan');
    const outcomes = INITIAL_ASSESSMENT_ROUTES.map((route) => step('assessment.initialAssessment', { type: 'INITIAL_ASSESSMENT_COMPLETED', route }).next);
    expect(outcomes).not.toContain('services.childProtectionPlan');
  });
});
