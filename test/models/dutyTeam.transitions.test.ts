import { describe, expect, it } from 'vitest';
import { REVIEW_ROUTES, type ReviewRoute } from '../../models/caseJourney.events.ts';
import { ALL_EVENTS, eventName, step } from '../fixtures/journey.ts';

/** Transition tests for the duty team: a manager screens again or decides on a referral. */

describe('the duty team', () => {
  it('a case waiting for a duty manager starts the review when one is free, and ignores everything else', () => {
    expect(step('dutyTeam.awaitingDutyReview', { type: 'REVIEW_STARTED' })).toMatchObject({
      next: 'dutyTeam.dutyReview',
      actions: ['startDutyReview'],
    });
    for (const e of ALL_EVENTS.filter((x) => x.type !== 'REVIEW_STARTED')) {
      expect(step('dutyTeam.awaitingDutyReview', e).ignored, eventName(e)).toBe(true);
    }
  });

  // The manager is released on leaving the review, before anything else happens.
  const reviewed: Record<ReviewRoute, { next: string; actions: string[] }> = {
    accepted: { next: 'assessment.awaitingAllocation', actions: ['releaseManager', 'recordReferral', 'requestAllocation'] },
    returnForReclassification: {
      next: 'contactCentre.awaitingReclassification',
      actions: ['releaseManager', 'requestScreenerForReclassification'],
    },
    noFurtherAction: { next: 'closed', actions: ['releaseManager', 'closeCase'] },
    earlyHelp: { next: 'earlyHelp', actions: ['releaseManager', 'startEarlyHelp'] },
    linked: { next: 'closed', actions: ['releaseManager', 'closeCase'] },
  };
  for (const route of REVIEW_ROUTES) {
    const want = reviewed[route];
    it(`review outcome "${route}" goes to ${want.next} with ${want.actions.join(' → ')}`, () => {
      const got = step('dutyTeam.dutyReview', { type: 'REVIEWED', route });
      expect({ next: got.next, actions: got.actions }).toEqual(want);
      expect(got.status).toBe(want.next === 'closed' ? 'done' : 'active');
    });
  }

  it('a contact returned for reclassification is not yet a referral (recorded only once reclassified)', () => {
    expect(step('dutyTeam.dutyReview', { type: 'REVIEWED', route: 'returnForReclassification' }).actions).not.toContain('recordReferral');
  });

  it('the review ignores every event but its completion', () => {
    for (const e of ALL_EVENTS.filter((x) => x.type !== 'REVIEWED')) {
      expect(step('dutyTeam.dutyReview', e).ignored, eventName(e)).toBe(true);
    }
  });
});
