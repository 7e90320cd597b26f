import { describe, expect, it } from 'vitest';
import { MASH_DECISION_ROUTES, MASH_SCREENING_ROUTES, type MashDecisionRoute, type MashScreeningRoute } from '../../models/caseJourney.events.ts';
import { mashDecisionRoute, mashScreeningRoute, researchWindowHours } from '../../models/mash.rules.ts';
import type { FrontDoor } from '../../src/scenario/schema.ts';
import { ALL_EVENTS, activityIn, eventName, step } from '../fixtures/journey.ts';
import { smallScenario } from '../fixtures/small.ts';

/** The MASH front door: screening and RAG rating, partners' research within the window, one manager's decision. */

const fd: FrontDoor = {
  ...smallScenario.frontDoor,
  structure: 'mash',
  mashManagers: 2,
  redResearchWindowHours: 4,
  amberResearchWindowHours: 24,
  greenResearchWindowHours: 72,
};
const need = smallScenario.need;

describe('the MASH rules', () => {
  it('rates by perceived need: red at child protection level, amber at the referral threshold, green at moderate need', () => {
    const route = (perceivedNeed: number, hasOpenCase = false) => mashScreeningRoute(fd, need, { perceivedNeed, hasOpenCase });
    expect([route(need.childProtectionLevel), route(fd.referralThreshold), route(need.moderateLevel), route(need.moderateLevel - 0.01)]).toEqual([
      'red',
      'amber',
      'green',
      'signposted',
    ]);
    expect(route(99, true)).toBe('linked');
  });

  it('gives partners hours for red, a day for amber and three days for green', () => {
    expect([researchWindowHours(fd, 'red'), researchWindowHours(fd, 'amber'), researchWindowHours(fd, 'green')]).toEqual([4, 24, 72]);
  });

  it('the manager accepts what reaches the threshold; otherwise early help where it is taken up, or no further action', () => {
    expect(mashDecisionRoute({ reachesThreshold: true, earlyHelpTakenUp: true })).toBe('accepted');
    expect(mashDecisionRoute({ reachesThreshold: false, earlyHelpTakenUp: true })).toBe('earlyHelp');
    expect(mashDecisionRoute({ reachesThreshold: false, earlyHelpTakenUp: false })).toBe('noFurtherAction');
  });

  it('an accepted referral closes before assessment only when the checks after acceptance say so; a contact not accepted never does', () => {
    expect(mashDecisionRoute({ reachesThreshold: true, earlyHelpTakenUp: false, closedBeforeAssessment: true })).toBe('closedBeforeAssessment');
    expect(mashDecisionRoute({ reachesThreshold: true, earlyHelpTakenUp: false, closedBeforeAssessment: false })).toBe('accepted');
    expect(mashDecisionRoute({ reachesThreshold: false, earlyHelpTakenUp: false, closedBeforeAssessment: true })).toBe('noFurtherAction');
  });
});

describe('the MASH in the machine', () => {
  it('declares its activities: screeners, a research window, MASH managers (red first)', () => {
    expect(activityIn('mash.awaitingScreening')).toMatchObject({ kind: 'queueForStaff', pool: 'frontDoorScreeners' });
    expect(activityIn('mash.screening')).toMatchObject({ kind: 'staffWork', completes: 'MASH_SCREENED' });
    expect(activityIn('mash.research')).toMatchObject({ kind: 'delay', completes: 'RESEARCHED' });
    expect(activityIn('mash.awaitingDecision')).toMatchObject({ kind: 'queueForStaff', pool: 'mashManagers', started: 'MASH_DECISION_STARTED' });
    expect(activityIn('mash.deciding')).toMatchObject({ kind: 'staffWork', completes: 'MASH_DECIDED' });
  });

  const screened: Record<MashScreeningRoute, { next: string; detail: string[] }> = {
    red: { next: 'mash.research', detail: ['releaseStaff', 'note(urgency=red)', 'startWork'] },
    amber: { next: 'mash.research', detail: ['releaseStaff', 'note(urgency=amber)', 'startWork'] },
    green: { next: 'mash.research', detail: ['releaseStaff', 'note(urgency=green)', 'startWork'] },
    signposted: { next: 'closed', detail: ['recordDecision(route=signposted)', 'releaseStaff', 'closeCase(stage=frontDoor)'] },
    linked: { next: 'closed', detail: ['recordDecision(route=linked)', 'releaseStaff', 'closeCase(stage=linked)'] },
  };
  for (const route of MASH_SCREENING_ROUTES) {
    it(`screening outcome "${route}" goes to ${screened[route].next}`, () => {
      const got = step('mash.screening', { type: 'MASH_SCREENED', route });
      expect({ next: got.next, detail: got.detail }).toEqual(screened[route]);
    });
  }

  it('after the research the contact waits for a manager, who alone decides', () => {
    expect(step('mash.research', { type: 'RESEARCHED' })).toMatchObject({ next: 'mash.awaitingDecision', detail: ['requestStaff'] });
    expect(step('mash.awaitingDecision', { type: 'MASH_DECISION_STARTED' })).toMatchObject({ next: 'mash.deciding', detail: ['startWork'] });
    for (const e of ALL_EVENTS.filter((x) => x.type !== 'RESEARCHED')) expect(step('mash.research', e).ignored, eventName(e)).toBe(true);
  });

  const decided: Record<MashDecisionRoute, { next: string; detail: string[] }> = {
    accepted: { next: 'assessment.awaitingAllocation', detail: ['recordDecision(route=accepted)', 'releaseStaff', 'recordReferral', 'requestStaff'] },
    earlyHelp: { next: 'earlyHelp', detail: ['recordDecision(route=earlyHelp)', 'releaseStaff', 'startWork'] },
    noFurtherAction: { next: 'closed', detail: ['recordDecision(route=noFurtherAction)', 'releaseStaff', 'closeCase(stage=frontDoor)'] },
    // A referral (counted as one), closed at the decision on a referral before any assessment.
    closedBeforeAssessment: {
      next: 'closed',
      detail: ['recordDecision(route=closedBeforeAssessment)', 'releaseStaff', 'recordReferral', 'closeCase(stage=duty)'],
    },
  };
  for (const route of MASH_DECISION_ROUTES) {
    it(`the manager's decision "${route}" goes to ${decided[route].next}`, () => {
      const got = step('mash.deciding', { type: 'MASH_DECIDED', route });
      expect({ next: got.next, detail: got.detail }).toEqual(decided[route]);
    });
  }
});
