import { describe, expect, it } from 'vitest';
import { SCREENING_ROUTES, type EntryRoute, type ScreeningRoute } from '../../models/caseJourney.events.ts';
import { ALL_EVENTS, eventName, start, step } from '../fixtures/journey.ts';

/** Transition tests for the arrival and the front door (contact centre / single front door). */

describe('a contact arriving', () => {
  it('starts in "contact received" with no engine action', () => {
    const { snapshot, actions } = start();
    expect(snapshot.value).toBe('contactReceived');
    expect(snapshot.status).toBe('active');
    expect(actions).toEqual([]);
  });

  const entries: Record<EntryRoute, { next: string; actions: string[] }> = {
    screen: { next: 'contactCentre.awaitingScreening', actions: ['requestScreener'] },
    dutyScreen: { next: 'dutyTeam.awaitingDutyReview', actions: ['requestManager'] },
    direct: { next: 'assessment.awaitingAllocation', actions: ['recordReferral', 'requestAllocation'] },
  };
  for (const [route, want] of Object.entries(entries) as [EntryRoute, (typeof entries)[EntryRoute]][]) {
    it(`entry route "${route}" goes to ${want.next} and asks the engine for ${want.actions.join(', ')}`, () => {
      const got = step('contactReceived', { type: 'CONTACT_RECEIVED', route });
      expect({ next: got.next, actions: got.actions }).toEqual(want);
    });
  }
});

describe('the contact centre', () => {
  it('a contact waiting for a screener starts screening when one is free, and only then', () => {
    expect(step('contactCentre.awaitingScreening', { type: 'SCREENING_STARTED' })).toMatchObject({
      next: 'contactCentre.screening',
      actions: ['startScreening'],
    });
    for (const e of ALL_EVENTS.filter((x) => x.type !== 'SCREENING_STARTED')) {
      expect(step('contactCentre.awaitingScreening', e).ignored, eventName(e)).toBe(true);
    }
  });

  // Every outcome releases the screener first (exit), then the transition's action, then the target's entry.
  const screened: Record<ScreeningRoute, { next: string; actions: string[] }> = {
    fastTrack: { next: 'assessment.awaitingAllocation', actions: ['releaseScreener', 'recordReferral', 'requestAllocation'] },
    forwardForDecision: { next: 'dutyTeam.awaitingDutyReview', actions: ['releaseScreener', 'requestManager'] },
    referral: { next: 'dutyTeam.awaitingDutyReview', actions: ['releaseScreener', 'recordReferral', 'requestManager'] },
    accepted: { next: 'assessment.awaitingAllocation', actions: ['releaseScreener', 'recordReferral', 'requestAllocation'] },
    signposted: { next: 'closed', actions: ['releaseScreener', 'closeCase'] },
    earlyHelp: { next: 'earlyHelp', actions: ['releaseScreener', 'startEarlyHelp'] },
    linked: { next: 'closed', actions: ['releaseScreener', 'closeCase'] },
  };
  for (const route of SCREENING_ROUTES) {
    const want = screened[route];
    it(`screening outcome "${route}" goes to ${want.next} with ${want.actions.join(' → ')}`, () => {
      const got = step('contactCentre.screening', { type: 'SCREENED', route });
      expect({ next: got.next, actions: got.actions }).toEqual(want);
      expect(got.status).toBe(want.next === 'closed' ? 'done' : 'active');
    });
  }

  it('a forwarded contact about a known child is not yet a referral (no recordReferral)', () => {
    expect(step('contactCentre.screening', { type: 'SCREENED', route: 'forwardForDecision' }).actions).not.toContain('recordReferral');
  });

  it('screening ignores every event but its completion', () => {
    for (const e of ALL_EVENTS.filter((x) => x.type !== 'SCREENED')) {
      expect(step('contactCentre.screening', e).ignored, eventName(e)).toBe(true);
    }
  });

  it('a contact returned for reclassification starts reclassifying when a screener is free', () => {
    expect(step('contactCentre.awaitingReclassification', { type: 'RECLASSIFICATION_STARTED' })).toMatchObject({
      next: 'contactCentre.reclassifying',
      actions: ['startReclassification'],
      ignored: false,
    });
    expect(step('contactCentre.awaitingReclassification', { type: 'SCREENING_STARTED' }).ignored).toBe(true);
  });

  it('reclassification makes the contact a referral awaiting allocation and frees the screener', () => {
    expect(step('contactCentre.reclassifying', { type: 'RECLASSIFIED' })).toMatchObject({
      next: 'assessment.awaitingAllocation',
      actions: ['releaseScreener', 'recordReferral', 'requestAllocation'],
    });
    expect(step('contactCentre.reclassifying', { type: 'SCREENED', route: 'accepted' }).ignored).toBe(true);
  });
});
