import { describe, expect, it } from 'vitest';
import { pressuredScenario } from '../fixtures/pressured.ts';
import { meanMetrics, nonIncreasing } from './compare.ts';

/** More staff at a stage never makes people wait longer at that stage (same seeds, mean over replications). */
describe('more staff, shorter waits', () => {
  it('more social worker posts in the duty teams never lengthen the wait for allocation', () => {
    const posts = [5, 6, 7, 8, 10];
    const waits = posts.map(
      (p) => meanMetrics(pressuredScenario((s) => s.dutyTeams.forEach((t: Record<string, unknown>) => (t.socialWorkerPosts = p)))).meanWaitToAllocationHours,
    );
    expect(nonIncreasing(waits), `posts ${posts.join(', ')} → waits ${waits.map((w) => w.toFixed(1)).join(', ')} hours`).toBe(true);
    // Not vacuous: the smallest team really waits, and enough staff removes the wait.
    expect(waits[0]).toBeGreaterThan(24);
    expect(waits[waits.length - 1]).toBeLessThan(waits[0]! / 10);
  });

  it('more front-door screeners never lengthen the wait for a decision', () => {
    const screeners = [3, 4, 5, 7];
    const waits = screeners.map((k) => meanMetrics(pressuredScenario((s) => (s.frontDoor.unqualifiedScreeners = k))).meanWaitToDecisionHours);
    expect(nonIncreasing(waits), `screeners ${screeners.join(', ')} → waits ${waits.map((w) => w.toFixed(1)).join(', ')} hours`).toBe(true);
    expect(waits[0]).toBeGreaterThan(waits[waits.length - 1]! * 2);
  });

  it('more duty managers never lengthen the wait for a decision where the duty teams screen their own contacts', () => {
    const managers = [1, 2, 3];
    const waits = managers.map(
      (k) =>
        meanMetrics(
          pressuredScenario((s) => {
            s.frontDoor.structure = 'districtDuty';
            s.dutyTeams.forEach((t: Record<string, unknown>) => (t.managers = k));
          }),
        ).meanWaitToDecisionHours,
    );
    expect(nonIncreasing(waits), `managers ${managers.join(', ')} → waits ${waits.map((w) => w.toFixed(1)).join(', ')} hours`).toBe(true);
    expect(waits[0]).toBeGreaterThan(waits[waits.length - 1]!);
  });
});
