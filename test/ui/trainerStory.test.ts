import { describe, expect, it } from 'vitest';
import { caseJourneyMachine } from '../../models/caseJourney.machine.ts';
import { pathwayGraph } from '../../models/graph.ts';
import { getPreset } from '../../src/scenario/presets.ts';
import { createRun } from '../../src/sim/engine.ts';
import type { SimRecord } from '../../src/sim/records.ts';
import { describeMoves, describeNews, thresholdNote } from '../../src/ui/features/trainer/narration.ts';
import { dayLabel, journeyLines, journeySummary, sayDuration } from '../../src/ui/features/trainer/story.ts';
import { CaseRecord } from '../../src/worker/trainerProtocol.ts';
import { smallScenario } from '../fixtures/small.ts';

/** A followed child's journey in plain words, held to the records it comes from. */
const kent = getPreset('kent-2010')!;

describe('journey lines', () => {
  it('tells a child closed too early who comes back, in order, marking the concerns', () => {
    const records: CaseRecord[] = [
      {
        kind: 'contact',
        t: 50,
        caseId: 7,
        team: 0,
        child: 3,
        agency: 1,
        sincePreviousContactHours: Infinity,
        sinceLastClosureHours: Infinity,
        lastClosureUnmet: false,
        duplicate: false,
        trueNeed: 62,
        known: false,
      },
      { kind: 'screened', t: 52, caseId: 7, team: 0, by: 'frontDoor', hours: 1, doneAt: 53, qualified: false, repeat: null },
      { kind: 'decided', t: 80, caseId: 7, team: 0, route: 'signposted', waitHours: 30, inTimescale: false },
      { kind: 'closed', t: 80, caseId: 7, team: 0, child: 3, stage: 'frontDoor', unmetNeed: true, trueNeed: 62 },
      {
        kind: 'contact',
        t: 1500,
        caseId: 90,
        team: 0,
        child: 3,
        agency: 0,
        sincePreviousContactHours: 1450,
        sinceLastClosureHours: 1420,
        lastClosureUnmet: true,
        duplicate: false,
        trueNeed: 67,
        known: true,
      },
    ];
    const lines = journeyLines([records[4]!, ...records.slice(0, 4)], kent);
    expect(lines.map((l) => l.kind)).toEqual(['contact', 'screened', 'decided', 'closed', 'contact']);
    expect(lines[0]!.when).toBe('Day 3 (Wed)');
    expect(lines[0]!.text).toMatch(/^School contacted the contact centre about the child \(true need 62: child in need\)\.$/);
    expect(lines[2]!.text).toMatch(/below the threshold: signposted/);
    expect(lines[2]!.concern).toBe(true);
    expect(lines[3]!.text).toMatch(/need unmet/);
    expect(lines[4]!.text).toMatch(/^Police contacted .* come back, 59 days after their last case was closed with their need unmet\./);
    expect(lines[4]!.concern).toBe(true);
    expect(journeySummary(records)).toBe('2 contacts · 0 referrals · screened 1 time · closed 1 time with need unmet');
  });

  it('has one line per record of a real child, in time order, for every kind of record the engine sends', () => {
    const records: SimRecord[] = [];
    createRun(smallScenario, { days: 120, seed: 5, onRecord: (r) => records.push(r) }).runToEnd();
    const childOf = new Map<number, number>();
    for (const r of records) if (r.kind === 'contact') childOf.set(r.caseId, r.child);
    const byChild = new Map<number, CaseRecord[]>();
    for (const r of records) {
      if (!('caseId' in r)) continue;
      const c = childOf.get(r.caseId)!;
      if (!byChild.has(c)) byChild.set(c, []);
      byChild.get(c)!.push(CaseRecord.parse(r));
    }
    const busiest = [...byChild.values()].sort((a, b) => b.length - a.length)[0]!;
    const lines = journeyLines(busiest, smallScenario);
    expect(lines).toHaveLength(busiest.length);
    expect(lines.map((l) => l.t)).toEqual(busiest.map((r) => r.t));
    const kinds = new Set([...byChild.values()].flat().map((r) => r.kind));
    for (const list of byChild.values()) for (const l of journeyLines(list, smallScenario)) expect(l.text).not.toMatch(/undefined|NaN|\[object/);
    expect(kinds.size).toBeGreaterThanOrEqual(9);
  });

  it('says days and durations as people do', () => {
    expect(dayLabel(0)).toBe('Day 1 (Mon)');
    expect(dayLabel(24 * 6 + 3)).toBe('Day 7 (Sun)');
    expect(sayDuration(0.5)).toBe('under an hour');
    expect(sayDuration(5)).toBe('5 hours');
    expect(sayDuration(72)).toBe('3 days');
    expect(sayDuration(24 * 365)).toBe('12 months');
  });
});

describe('narration', () => {
  it('describes a step’s move with the route’s words and the states’ labels', () => {
    const graph = pathwayGraph(caseJourneyMachine);
    const nodes = graph.nodes.map((n) => n.key);
    const move = {
      t: 24 * 2 + 10.4,
      caseId: 5,
      child: 9,
      from: nodes.indexOf('dutyTeam.dutyReview'),
      to: nodes.indexOf('contactCentre.awaitingReclassification'),
    };
    const text = describeMoves([move], nodes, graph, { need: () => 55, agency: () => 0 }, kent);
    expect(text).toBe(
      'Day 3 (Wed), 10:24: child 9 (from police, child in need) moved from Duty manager decision to Returned for reclassification (sent back to be reclassified).',
    );
  });

  it('sums up a slice of days', () => {
    const news = {
      contacts: 57,
      referrals: 12,
      reReferrals: 3,
      screenedAgain: 9,
      returnedForReclassification: 2,
      cameBack: 1,
      closed: 40,
      closedUnmet: 4,
      allocated: 5,
      plansStarted: 2,
    };
    expect(describeNews(24 * 11, 24 * 13, news)).toBe(
      'Days 12 to 13: 57 new contacts, 12 referrals, 3 of them re-referrals, 9 contacts screened again, 2 sent back for reclassification, 1 child came back after closure, 40 cases closed, 4 of them with need unmet.',
    );
  });

  it('notes the threshold each decision applies, from the scenario', () => {
    expect(thresholdNote('contactCentre.screening', kent)).toBe(`threshold ${kent.frontDoor.referralThreshold}`);
    expect(thresholdNote('dutyTeam.dutyReview', kent)).toMatch(/^thresholds? \d+/);
    expect(thresholdNote('closed', kent)).toBeNull();
    const mash = getPreset('kent-2010-mash')!;
    expect(thresholdNote('mash.deciding', mash)).toMatch(new RegExp(`^threshold ${mash.frontDoor.referralThreshold}( ±\\d+(\\.\\d+)?)?$`));
    expect(thresholdNote('mash.screening', mash)).toBe(
      `red from ${mash.need.childProtectionLevel}, amber from ${mash.frontDoor.referralThreshold}, green from ${mash.need.moderateLevel}`,
    );
    const england = getPreset('england-2023-24')!;
    expect(thresholdNote('mash.deciding', england)).toBe('threshold 43 ±3; 35% of referrals checked below 50 close before assessment');
  });

  it('tells a MASH referral closed before its assessment as a referral, then a closure before any assessment', () => {
    const england = getPreset('england-2023-24')!;
    const records: CaseRecord[] = [
      {
        kind: 'contact',
        t: 50,
        caseId: 8,
        team: 0,
        child: 4,
        agency: 1,
        sincePreviousContactHours: Infinity,
        sinceLastClosureHours: Infinity,
        lastClosureUnmet: false,
        duplicate: false,
        trueNeed: 45,
        known: false,
      },
      { kind: 'decided', t: 60, caseId: 8, team: 0, route: 'closedBeforeAssessment', waitHours: 10, inTimescale: true },
      { kind: 'referral', t: 60, caseId: 8, team: 0, child: 4, sincePreviousReferralHours: Infinity },
      { kind: 'closed', t: 60, caseId: 8, team: 0, child: 4, stage: 'duty', unmetNeed: false, trueNeed: 45 },
    ];
    const lines = journeyLines(records, england).map((l) => l.text);
    expect(lines[0]).toMatch(/contacted the MASH/);
    expect(lines[1]).toBe(
      'Accepted as a referral, but the checks that followed found no need for an assessment: no further action before an assessment began.',
    );
    expect(lines[2]).toBe('It became a referral.');
    expect(lines[3]).toBe('Closed as a referral before any assessment.');
    // The same stage under a duty team is the duty manager's decision.
    expect(journeyLines(records.slice(3), kent)[0]!.text).toBe('Closed by the duty team.');
  });
});
