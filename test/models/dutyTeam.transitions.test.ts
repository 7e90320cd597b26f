import { describe, expect, it } from 'vitest';
import { REVIEW_ROUTES, type ReviewRoute } from '../../models/caseJourney.events.ts';
import { ALL_EVENTS, activityIn, eventName, step } from '../fixtures/journey.ts';

/** Transition tests for the duty team: a manager screens again or decides on a referral. */

describe('the duty team', () => {
  it('waits for the team’s duty managers, whose review is decided by reviewRoute', () => {
    expect(activityIn('dutyTeam.awaitingDutyReview')).toMatchObject({ kind: 'queueForStaff', pool: 'dutyManagers', started: 'REVIEW_STARTED' });
    expect(activityIn('dutyTeam.dutyReview')).toMatchObject({ kind: 'staffWork', completes: 'REVIEWED' });
  });

  it('a case waiting for a duty manager starts the review when one is free, and ignores everything else', () => {
    expect(step('dutyTeam.awaitingDutyReview', { type: 'REVIEW_STARTED' })).toMatchObject({ next: 'dutyTeam.dutyReview', detail: ['startWork'] });
    for (const e of ALL_EVENTS.filter((x) => x.type !== 'REVIEW_STARTED')) {
      expect(step('dutyTeam.awaitingDutyReview', e).ignored, eventName(e)).toBe(true);
    }
  });

  // The decision is recorded as it is made; the manager is released on leaving the review.
  const reviewed: Record<ReviewRoute, { next: string; detail: string[] }> = {
    accepted: { next: 'assessment.awaitingAllocation', detail: ['recordDecision(route=accepted)', 'releaseStaff', 'recordReferral', 'requestStaff'] },
    returnForReclassification: { next: 'contactCentre.awaitingReclassification', detail: ['recordSentBack', 'releaseStaff', 'requestStaff'] },
    noFurtherAction: { next: 'closed', detail: ['recordDecision(route=noFurtherAction)', 'releaseStaff', 'closeCase(stage=duty)'] },
    earlyHelp: { next: 'earlyHelp', detail: ['recordDecision(route=earlyHelp)', 'releaseStaff', 'startWork'] },
    linked: { next: 'closed', detail: ['recordDecision(route=linked)', 'releaseStaff', 'closeCase(stage=linked)'] },
  };
  for (const route of REVIEW_ROUTES) {
    const want = reviewed[route];
    it(`review outcome "${route}" goes to ${want.next} with ${want.detail.join(' → ')}`, () => {
      const got = step('dutyTeam.dutyReview', { type: 'REVIEWED', route });
      expect({ next: got.next, detail: got.detail }).toEqual(want);
      expect(got.status).toBe(want.next === 'closed' ? 'done' : 'active');
    });
  }

  it('a contact returned for reclassification is neither decided nor a referral yet (both once reclassified)', () => {
    const actions = step('dutyTeam.dutyReview', { type: 'REVIEWED', route: 'returnForReclassification' }).actions;
    expect(actions).not.toContain('recordReferral');
    expect(actions).not.toContain('recordDecision');
  });

  it('the review ignores every event but its completion', () => {
    for (const e of ALL_EVENTS.filter((x) => x.type !== 'REVIEWED')) {
      expect(step('dutyTeam.dutyReview', e).ignored, eventName(e)).toBe(true);
    }
  });
});
