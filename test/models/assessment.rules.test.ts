import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  coreAssessmentRoute,
  durationStretch,
  initialAssessmentRoute,
  prematureClosureChance,
  teamPressure,
  type AssessmentFacts,
} from '../../models/assessment.rules.ts';
import type { Assessment } from '../../src/scenario/schema.ts';
import { smallScenario } from '../fixtures/small.ts';

/** Assessment rules: team pressure, premature closure (K10 ¶27), duration stretch and outcomes. */
const a: Assessment = {
  ...smallScenario.assessment,
  prematureClosureBaseRate: 0.05,
  prematureClosurePerPressure: 0.3,
  durationStretchPerPressure: 0.5,
  pressureKnee: 0.8,
  coreAssessmentLevel: 70,
};
const need = smallScenario.need; // moderate 40, child in need 60, child protection 80
const facts = (f: Partial<AssessmentFacts>): AssessmentFacts => ({ perceivedNeed: 65, closedPrematurely: false, earlyHelpTakenUp: false, ...f });
const pressures = fc.double({ min: 0, max: 20, noNaN: true });
const assessments = fc.record({
  prematureClosureBaseRate: fc.double({ min: 0, max: 1, noNaN: true }),
  prematureClosurePerPressure: fc.double({ min: 0, max: 10, noNaN: true }),
  durationStretchPerPressure: fc.double({ min: 0, max: 10, noNaN: true }),
  pressureKnee: fc.double({ min: 0, max: 5, noNaN: true }),
});

describe('team pressure', () => {
  it('is open plus waiting assessments per caseload place', () => {
    expect(teamPressure(30, 6, 24)).toBe(1.5);
    expect(teamPressure(0, 0, 24)).toBe(0);
  });

  it('a team with no places is at no pressure when nobody waits and at high pressure when someone does', () => {
    expect(teamPressure(0, 0, 0)).toBe(0);
    expect(teamPressure(0, 3, 0)).toBeGreaterThan(5);
  });
});

describe('premature closure and stretched durations', () => {
  it('at or below the knee, premature closure happens at the base rate and durations are not stretched', () => {
    expect(prematureClosureChance(a, 0)).toBe(0.05);
    expect(prematureClosureChance(a, 0.8)).toBe(0.05);
    expect(durationStretch(a, 0.8)).toBe(1);
  });

  it('above the knee, the chance rises by prematureClosurePerPressure per unit of pressure', () => {
    expect(prematureClosureChance(a, 1.8)).toBeCloseTo(0.05 + 0.3, 12);
    expect(durationStretch(a, 1.8)).toBeCloseTo(1.5, 12);
  });

  it('the premature closure chance is a probability, never falls as pressure rises, and stops rising at the pressure cap', () => {
    fc.assert(
      fc.property(assessments, pressures, pressures, (p, x, y) => {
        const s = { ...a, ...p };
        const [lo, hi] = x <= y ? [x, y] : [y, x];
        const cLo = prematureClosureChance(s, lo);
        const cHi = prematureClosureChance(s, hi);
        expect(cLo).toBeGreaterThanOrEqual(0);
        expect(cHi).toBeLessThanOrEqual(1);
        expect(cHi).toBeGreaterThanOrEqual(cLo);
      }),
      { numRuns: 500 },
    );
    expect(prematureClosureChance(a, 100)).toBe(prematureClosureChance(a, a.pressureCap));
    expect(prematureClosureChance({ ...a, prematureClosurePerPressure: 10 }, 100)).toBe(1);
  });

  it('the duration stretch is at least 1 and never falls as pressure rises', () => {
    fc.assert(
      fc.property(assessments, pressures, pressures, (p, x, y) => {
        const s = { ...a, ...p };
        const [lo, hi] = x <= y ? [x, y] : [y, x];
        expect(durationStretch(s, lo)).toBeGreaterThanOrEqual(1);
        expect(durationStretch(s, hi)).toBeGreaterThanOrEqual(durationStretch(s, lo));
      }),
      { numRuns: 300 },
    );
  });
});

describe('assessment outcomes', () => {
  it('an initial assessment leads to a core assessment from the core level up (inclusive), else to child-in-need services from that level', () => {
    expect(initialAssessmentRoute(a, need, facts({ perceivedNeed: 70 }))).toBe('coreAssessment');
    expect(initialAssessmentRoute(a, need, facts({ perceivedNeed: 69.99 }))).toBe('childInNeed');
    expect(initialAssessmentRoute(a, need, facts({ perceivedNeed: 60 }))).toBe('childInNeed');
    expect(initialAssessmentRoute(a, need, facts({ perceivedNeed: 59.99 }))).toBe('closed');
    expect(initialAssessmentRoute(a, need, facts({ perceivedNeed: 59.99, earlyHelpTakenUp: true }))).toBe('earlyHelp');
  });

  it('premature closure closes a child-in-need case (or sends it to early help) but never a child protection case', () => {
    expect(initialAssessmentRoute(a, need, facts({ perceivedNeed: 65, closedPrematurely: true }))).toBe('closed');
    expect(initialAssessmentRoute(a, need, facts({ perceivedNeed: 75, closedPrematurely: true }))).toBe('closed');
    expect(initialAssessmentRoute(a, need, facts({ perceivedNeed: 65, closedPrematurely: true, earlyHelpTakenUp: true }))).toBe('earlyHelp');
    expect(initialAssessmentRoute(a, need, facts({ perceivedNeed: 80, closedPrematurely: true }))).toBe('coreAssessment');
  });

  it('premature closure only ever takes a case out of services, never into them', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 100, noNaN: true }), fc.boolean(), (p, eh) => {
        const kept = initialAssessmentRoute(a, need, facts({ perceivedNeed: p, earlyHelpTakenUp: eh }));
        const closed = initialAssessmentRoute(a, need, facts({ perceivedNeed: p, earlyHelpTakenUp: eh, closedPrematurely: true }));
        if (kept === 'closed' || kept === 'earlyHelp') expect(closed).toBe(kept);
      }),
      { numRuns: 300 },
    );
  });

  it('a core assessment ends in a child protection plan from the child protection level, a child-in-need plan from that level, else closure', () => {
    expect(coreAssessmentRoute(need, 80)).toBe('childProtectionPlan');
    expect(coreAssessmentRoute(need, 79.99)).toBe('childInNeed');
    expect(coreAssessmentRoute(need, 60)).toBe('childInNeed');
    expect(coreAssessmentRoute(need, 59.99)).toBe('closed');
  });
});
