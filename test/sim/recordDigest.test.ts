import { describe, expect, it } from 'vitest';
import { PRESETS } from '../../src/scenario/presets.ts';
import type { Scenario } from '../../src/scenario/schema.ts';
import { createRun } from '../../src/sim/engine.ts';
import { recordsDigest } from '../fixtures/digest.ts';
import { smallScenario } from '../fixtures/small.ts';

/**
 * Every record of every preset, pinned: a digest of the warm-start template and of every record
 * of a 120-day replication on seed 7 (test/fixtures/digest.ts), plus cold-start variants that
 * reach the engine paths no preset uses (direct entry, long-term caseload caps, known children
 * screened once, the initial-assessment clock from allocation). The values are a snapshot, not
 * the truth: they were taken from main before the engine was split into modules (issue 11), so a
 * refactor that changes any record fails here. A deliberate change of behaviour updates them
 * and says which changed and why in its commit message.
 */

const SEED = 7;
const DAYS = 120;

/** Preset id → digest of its warm-started replication. A preset without an entry fails the test. */
const PRESET_DIGESTS: Record<string, { records: number; digest: string; events: number }> = {
  'kent-2010': { records: 51461, digest: '98d56a27', events: 28704 },
  'kent-2008': { records: 26092, digest: '91677d3a', events: 13690 },
  'medway-2006': { records: 10649, digest: '6057c682', events: 5934 },
  'kent-2010-single-front-door': { records: 45417, digest: 'eaadc60', events: 23661 },
  'kent-2010-one-threshold': { records: 51070, digest: '8044e3a7', events: 28373 },
  'kent-2010-vacancies-filled': { records: 51333, digest: '6a1aec38', events: 28417 },
  'kent-2010-caf-relaunched': { records: 35906, digest: '3f859f9e', events: 19654 },
  'kent-2010-twelve-districts': { records: 51265, digest: '7bb9037d', events: 28415 },
  // Added with the MASH front door (issue 11), after the refactor: pinned from then on.
  'kent-2010-mash': { records: 48036, digest: '7456d836', events: 30095 },
  // Added with the England presets and the statutory framework (issue 15): pinned from then on.
  // Re-pinned when its MASH began closing some accepted referrals before assessment (mashClosedBeforeAssessmentShare 0.35).
  'england-2023-24': { records: 46916, digest: '8d908c08', events: 26891 },
  'england-2009-10': { records: 22397, digest: '56a300e', events: 11406 },
};

/** FNV-1a of `text` folded into `h`. */
function fold(h: number, text: string): number {
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h;
}

/**
 * FNV-1a over every record of a cold-started run (no warm start), and separately over every
 * transition it reports (`onTransition`): each stream in its own order. (How the two interleave
 * within one event is not part of the contract: a decision is recorded as the machine takes it.)
 */
function coldDigest(scenario: Scenario, seed: number, days: number): { records: number; digest: string; transitions: string; events: number } {
  let records = 0x811c9dc5;
  let moves = 0x811c9dc5;
  let n = 0;
  const run = createRun(scenario, {
    days,
    seed,
    onRecord: (r) => {
      n++;
      records = fold(records, JSON.stringify(r));
    },
    onTransition: (t, caseId, from, to) => (moves = fold(moves, `${t}|${caseId}|${from}|${to}`)),
  });
  run.runToEnd();
  return { records: n, digest: (records >>> 0).toString(16), transitions: (moves >>> 0).toString(16), events: run.events };
}

const variant = (patch: (s: Scenario) => void): Scenario => {
  const s = structuredClone(smallScenario);
  patch(s);
  return s;
};

const longTermCaps = variant((s) => {
  s.services.longTermCapacity = 'caseloadCaps';
  s.dutyTeams.forEach((t) => ((t.longTermSocialWorkers = 3), (t.longTermCaseloadCap = 6)));
});

const VARIANTS: { name: string; scenario: Scenario; expected: { records: number; digest: string; transitions: string; events: number } }[] = [
  { name: 'small county, contact centre', scenario: smallScenario, expected: { records: 53685, digest: 'b18f7519', transitions: 'f6e46076', events: 31355 } },
  {
    name: 'small county, every contact direct to allocation',
    scenario: variant((s) => Object.assign(s.frontDoor, { structure: 'direct', unqualifiedScreeners: 0, qualifiedScreeners: 0 })),
    expected: { records: 64605, digest: 'd4a22921', transitions: 'eca4f5fb', events: 35232 },
  },
  {
    name: 'small county, district duty teams screen their own contacts',
    scenario: variant((s) => Object.assign(s.frontDoor, { structure: 'districtDuty', unqualifiedScreeners: 0, qualifiedScreeners: 0 })),
    expected: { records: 47330, digest: 'f7344b7e', transitions: 'f2631692', events: 26146 },
  },
  {
    name: 'small county, long-term teams with caseload caps',
    scenario: longTermCaps,
    expected: { records: 53351, digest: '3af7e903', transitions: 'b9bec584', events: 31166 },
  },
  {
    name: 'small county, known children screened once, clock from allocation, demand growing',
    scenario: variant((s) => {
      s.frontDoor.knownChildrenRescreened = false;
      s.assessment.initialAssessmentClockStartsAt = 'allocation';
      s.demand.trendPerYear = 0.2;
    }),
    expected: { records: 50101, digest: 'b804feaa', transitions: '8894b790', events: 27922 },
  },
];

describe('records are identical to the pinned digests (a snapshot, not the truth)', () => {
  it('every preset in seeds/ has a pinned digest', () => {
    expect(PRESETS.map((p) => p.id).filter((id) => !(id in PRESET_DIGESTS))).toEqual([]);
  });

  it.for(PRESETS.map((p) => [p.id, p] as const))('%s, warm-started, %# on seed 7 for 120 days', ([id, preset]) => {
    expect(recordsDigest(preset, SEED, DAYS)).toEqual(PRESET_DIGESTS[id]);
  });

  it('small county, long-term teams with caseload caps, warm-started', () => {
    expect(recordsDigest(longTermCaps, SEED, DAYS)).toEqual({ records: 78658, digest: '56cd5a06', events: 33519 });
  });

  it.for(VARIANTS)('$name, cold-started', ({ scenario, expected }) => {
    expect(coldDigest(scenario, SEED, DAYS)).toEqual(expected);
  });
});
