import { beforeAll, describe, expect, it } from 'vitest';
import { pressuredScenario } from '../fixtures/pressured.ts';
import { meanMetrics } from './compare.ts';

/** Removing double screening (K10 ¶25) cuts repeat work (same seeds, mean over replications). */
type Means = ReturnType<typeof meanMetrics>;
let base: Means;
let noRescreen: Means;
let single: Means;

describe('removing double screening', () => {
  beforeAll(() => {
    base = meanMetrics(pressuredScenario());
    noRescreen = meanMetrics(pressuredScenario((s) => (s.frontDoor.knownChildrenRescreened = false)));
    single = meanMetrics(
      pressuredScenario((s) => {
        s.frontDoor.structure = 'singleQualified';
        s.frontDoor.qualifiedScreeners = s.frontDoor.unqualifiedScreeners + s.frontDoor.qualifiedScreeners;
        s.frontDoor.unqualifiedScreeners = 0;
      }),
    );
  });

  it('the Kent-style contact centre does screen known children twice (the baseline has repeat work to remove)', () => {
    expect(base.doubleScreenedRate).toBeGreaterThan(0.1);
    expect(base.repeatWorkHours).toBeGreaterThan(0);
  });

  it('not rescreening known children cuts repeat work hours, and nobody is screened twice', () => {
    expect(noRescreen.repeatWorkHours, `${noRescreen.repeatWorkHours.toFixed(0)} vs ${base.repeatWorkHours.toFixed(0)} hours`).toBeLessThan(
      base.repeatWorkHours,
    );
    expect(noRescreen.doubleScreenedRate).toBe(0);
  });

  it('a single qualified front door that decides once cuts repeat work hours, with no screening twice and no returns for reclassification', () => {
    expect(single.repeatWorkHours, `${single.repeatWorkHours.toFixed(0)} vs ${base.repeatWorkHours.toFixed(0)} hours`).toBeLessThan(base.repeatWorkHours);
    expect(single.doubleScreenedRate).toBe(0);
    expect(single.returnedForReclassificationRate).toBe(0);
  });
});
