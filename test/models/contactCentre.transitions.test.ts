import { describe, expect, it } from 'vitest';
import { SCREENING_ROUTES, type EntryRoute, type ScreeningRoute } from '../../models/caseJourney.events.ts';
import { ALL_EVENTS, activityIn, eventName, start, step } from '../fixtures/journey.ts';

/**
 * Transition tests for the arrival and the front door (contact centre / single front door).
 * Actions are shown with their params (`detail`): a decision is recorded first, as the event is
 * taken, then the screener is released (exit), then the move's own actions, then the target's entry.
 */

describe('a contact arriving', () => {
  it('starts in "contact received" with no engine action', () => {
    const { snapshot, actions } = start();
    expect(snapshot.value).toBe('contactReceived');
    expect(snapshot.status).toBe('active');
    expect(actions).toEqual([]);
  });

  const entries: Record<EntryRoute, { next: string; detail: string[] }> = {
    screen: { next: 'contactCentre.awaitingScreening', detail: ['requestStaff'] },
    dutyScreen: { next: 'dutyTeam.awaitingDutyReview', detail: ['requestStaff'] },
    direct: { next: 'assessment.awaitingAllocation', detail: ['recordDecision(route=direct)', 'recordReferral', 'requestStaff'] },
    mash: { next: 'mash.awaitingScreening', detail: ['requestStaff'] },
  };
  for (const [route, want] of Object.entries(entries) as [EntryRoute, (typeof entries)[EntryRoute]][]) {
    it(`entry route "${route}" goes to ${want.next} and asks the engine for ${want.detail.join(', ')}`, () => {
      const got = step('contactReceived', { type: 'CONTACT_RECEIVED', route });
      expect({ next: got.next, detail: got.detail }).toEqual(want);
    });
  }
});

describe('the contact centre', () => {
  it('waits for the front door’s screeners, who screen for the scenario’s mean hours and decide by screeningRoute', () => {
    expect(activityIn('contactCentre.awaitingScreening')).toMatchObject({ kind: 'queueForStaff', pool: 'frontDoorScreeners', started: 'SCREENING_STARTED' });
    expect(activityIn('contactCentre.screening')).toMatchObject({ kind: 'staffWork', completes: 'SCREENED' });
    expect(activityIn('contactCentre.awaitingReclassification')).toMatchObject({
      kind: 'queueForStaff',
      pool: 'frontDoorScreeners',
      started: 'RECLASSIFICATION_STARTED',
    });
    expect(activityIn('contactCentre.reclassifying')).toMatchObject({ kind: 'staffWork', completes: 'RECLASSIFIED' });
  });

  it('a contact waiting for a screener starts screening when one is free, and only then', () => {
    expect(step('contactCentre.awaitingScreening', { type: 'SCREENING_STARTED' })).toMatchObject({ next: 'contactCentre.screening', detail: ['startWork'] });
    for (const e of ALL_EVENTS.filter((x) => x.type !== 'SCREENING_STARTED')) {
      expect(step('contactCentre.awaitingScreening', e).ignored, eventName(e)).toBe(true);
    }
  });

  const screened: Record<ScreeningRoute, { next: string; detail: string[] }> = {
    fastTrack: {
      next: 'assessment.awaitingAllocation',
      detail: ['recordDecision(route=fastTrack)', 'releaseStaff', 'note(fastTrack=true)', 'recordReferral', 'requestStaff'],
    },
    forwardForDecision: { next: 'dutyTeam.awaitingDutyReview', detail: ['releaseStaff', 'requestStaff'] },
    referral: { next: 'dutyTeam.awaitingDutyReview', detail: ['releaseStaff', 'recordReferral', 'requestStaff'] },
    accepted: { next: 'assessment.awaitingAllocation', detail: ['recordDecision(route=accepted)', 'releaseStaff', 'recordReferral', 'requestStaff'] },
    signposted: { next: 'closed', detail: ['recordDecision(route=signposted)', 'releaseStaff', 'closeCase(stage=frontDoor)'] },
    earlyHelp: { next: 'earlyHelp', detail: ['recordDecision(route=earlyHelp)', 'releaseStaff', 'startWork'] },
    linked: { next: 'closed', detail: ['recordDecision(route=linked)', 'releaseStaff', 'closeCase(stage=linked)'] },
  };
  for (const route of SCREENING_ROUTES) {
    const want = screened[route];
    it(`screening outcome "${route}" goes to ${want.next} with ${want.detail.join(' → ')}`, () => {
      const got = step('contactCentre.screening', { type: 'SCREENED', route });
      expect({ next: got.next, detail: got.detail }).toEqual(want);
      expect(got.status).toBe(want.next === 'closed' ? 'done' : 'active');
    });
  }

  it('a contact passed to a duty manager is not yet decided, and a forwarded one about a known child is not yet a referral', () => {
    for (const route of ['forwardForDecision', 'referral'] as const)
      expect(step('contactCentre.screening', { type: 'SCREENED', route }).actions).not.toContain('recordDecision');
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
      detail: ['startWork'],
      ignored: false,
    });
    expect(step('contactCentre.awaitingReclassification', { type: 'SCREENING_STARTED' }).ignored).toBe(true);
  });

  it('reclassification is decided, makes the contact a referral awaiting allocation and frees the screener', () => {
    expect(step('contactCentre.reclassifying', { type: 'RECLASSIFIED' })).toMatchObject({
      next: 'assessment.awaitingAllocation',
      detail: ['recordDecision(route=reclassified)', 'releaseStaff', 'recordReferral', 'requestStaff'],
    });
    expect(step('contactCentre.reclassifying', { type: 'SCREENED', route: 'accepted' }).ignored).toBe(true);
  });
});
