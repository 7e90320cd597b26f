import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createRun } from '../../src/sim/engine.ts';
import type { Scenario } from '../../src/scenario/schema.ts';
import type { SimRecord } from '../../src/sim/records.ts';
import { runArb, scenarioArb } from '../fixtures/randomScenario.ts';

/**
 * Common random numbers (lesson 2, Law §11.2): on the same seed, two scenarios that differ only
 * in staffing, thresholds or front-door structure see the same new children arrive at the same
 * times with the same needs, so a comparison shows the effect of the change and not noise.
 */
function newChildren(scenario: Scenario, days: number, seed: number): string[] {
  const seen = new Set<number>();
  const out: string[] = [];
  createRun(scenario, {
    days,
    seed,
    onRecord: (r: SimRecord) => {
      if (r.kind === 'diverted') out.push(`${r.t} diverted child ${r.child} team ${r.team}`);
      if (r.kind === 'contact' && !seen.has(r.child)) {
        seen.add(r.child);
        out.push(`${r.t} child ${r.child} team ${r.team} agency ${r.agency} need ${r.trueNeed} known ${r.known}`);
      }
    },
  }).runToEnd();
  return out.sort();
}

const change = fc.record({
  posts: fc.integer({ min: 0, max: 12 }),
  managers: fc.integer({ min: 0, max: 4 }),
  threshold: fc.integer({ min: 20, max: 90 }),
  screeners: fc.integer({ min: 1, max: 6 }),
  structure: fc.constantFrom('contactCentre' as const, 'singleQualified' as const, 'districtDuty' as const, 'direct' as const),
});

describe('common random numbers', () => {
  it('changing staff, thresholds or the front-door structure leaves the arrivals of new children unchanged', () => {
    fc.assert(
      fc.property(scenarioArb, runArb, change, (scenario, { days, seed }, c) => {
        const variant: Scenario = {
          ...scenario,
          frontDoor: {
            ...scenario.frontDoor,
            structure: c.structure,
            unqualifiedScreeners: c.structure === 'singleQualified' ? 0 : c.screeners,
            qualifiedScreeners: 1,
          },
          dutyTeams: scenario.dutyTeams.map((t) => ({ ...t, socialWorkerPosts: c.posts, managers: c.managers, threshold: c.threshold })),
        };
        expect(newChildren(variant, days, seed)).toEqual(newChildren(scenario, days, seed));
      }),
      { numRuns: 40 },
    );
  });
});
