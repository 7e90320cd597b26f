import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Caseloads, CaseQueue, countyStaffing, largestRemainder, ServerPool, staffing } from '../../src/sim/staff.ts';

/** Staff pools: one piece of work at a time, caseload caps, and no releasing what is not held. */
describe('ServerPool', () => {
  it('uses unqualified staff first, then qualified, then none', () => {
    const p = new ServerPool(2, 1);
    expect([p.acquire(), p.acquire(), p.acquire(), p.acquire()]).toEqual(['u', 'u', 'q', null]);
    expect(p.busy).toBe(3);
    expect(p.size).toBe(3);
  });

  it('releasing a member of staff who is not busy throws', () => {
    const p = new ServerPool(1, 1);
    expect(() => p.release('u')).toThrow(/not busy/);
    expect(() => p.release('q')).toThrow(/not busy/);
    p.acquire();
    p.release('u');
    expect(() => p.release('u')).toThrow(/unqualified screener who was not busy/);
  });
});

describe('Caseloads', () => {
  it('holds at most the sum of caps: experienced workers to their cap, newly qualified to the protected cap', () => {
    const c = new Caseloads(3, 1, 12, 8);
    expect(c.places).toBe(32);
    expect(c.newlyQualified).toEqual([true, false, false]);
    const got: number[] = [];
    for (let i = 0; i < 32; i++) got.push(c.acquire());
    expect(got.every((w) => w >= 0)).toBe(true);
    expect(c.acquire()).toBe(-1);
    expect(c.load).toEqual([8, 12, 12]);
    expect(c.held).toBe(32);
  });

  it('allocates to the worker with the most free places (a manager balancing caseloads)', () => {
    const c = new Caseloads(3, 1, 4, 2);
    // Free places: [2, 4, 4] → a worker with 4 first, then the other, then any with 3.
    const first = c.acquire();
    expect([1, 2]).toContain(first);
    const second = c.acquire();
    expect([1, 2]).toContain(second);
    expect(second).not.toBe(first);
    fc.assert(
      fc.property(fc.array(fc.boolean(), { maxLength: 60 }), (ops) => {
        const k = new Caseloads(4, 2, 5, 3);
        for (const take of ops) {
          if (take) {
            const free = k.caps.map((cap, i) => cap - k.load[i]!);
            const most = Math.max(...free);
            const w = k.acquire();
            if (most === 0) expect(w).toBe(-1);
            else expect(free[w]).toBe(most);
          } else {
            const holding = k.load.findIndex((l) => l > 0);
            if (holding >= 0) k.release(holding);
          }
          for (let i = 0; i < k.workers; i++) {
            expect(k.load[i]).toBeGreaterThanOrEqual(0);
            expect(k.load[i]).toBeLessThanOrEqual(k.caps[i]!);
          }
          expect(k.held).toBe(k.load.reduce((a, b) => a + b, 0));
        }
      }),
      { numRuns: 200 },
    );
  });

  it('releasing a place a worker does not hold throws, naming the worker', () => {
    const c = new Caseloads(2, 0, 3, 3);
    expect(() => c.release(0)).toThrow(/worker 0 did not hold/);
    const w = c.acquire();
    c.release(w);
    expect(() => c.release(w)).toThrow(/did not hold/);
    expect(c.held).toBe(0);
  });

  it('a released place can be allocated again', () => {
    const c = new Caseloads(1, 0, 1, 1);
    const w = c.acquire();
    expect(c.acquire()).toBe(-1);
    c.release(w);
    expect(c.acquire()).toBe(w);
  });

  it('a team with no filled posts has no places', () => {
    const c = new Caseloads(0, 0, 12, 8);
    expect(c.places).toBe(0);
    expect(c.acquire()).toBe(-1);
  });
});

describe('staffing', () => {
  it('rounds filled posts and newly qualified staff to whole people', () => {
    expect(staffing(14, 0.13, 0.3)).toEqual({ filled: 12, nq: 4 }); // 12.18 filled, 3.6 NQ
    expect(staffing(10, 0, 0)).toEqual({ filled: 10, nq: 0 });
    expect(staffing(10, 1, 0.5)).toEqual({ filled: 0, nq: 0 });
  });
});

describe('county staffing (largest remainder)', () => {
  it('rounds the county total once and gives each team its exact share rounded down or up', () => {
    fc.assert(
      fc.property(fc.array(fc.noBias(fc.double({ min: 0, max: 40, noNaN: true })), { minLength: 1, maxLength: 12 }), (exact) => {
        const whole = largestRemainder(exact);
        expect(whole.reduce((a, b) => a + b, 0)).toBe(Math.round(exact.reduce((a, b) => a + b, 0)));
        whole.forEach((w, i) => {
          expect(Number.isInteger(w)).toBe(true);
          expect(Math.abs(w - exact[i]!)).toBeLessThan(1);
        });
      }),
      { numRuns: 300 },
    );
  });

  it('gives the extra people to the largest fractional parts, ties to the earlier team', () => {
    expect(largestRemainder([1.2, 1.7, 1.1])).toEqual([1, 2, 1]); // total round(4.0) = 4
    expect(largestRemainder([0.5, 0.5, 0.5, 0.5])).toEqual([1, 1, 0, 0]);
  });

  it('keeps a county-wide vacancy rate visible that team-by-team rounding hides (8-post teams, 10% vs 13%)', () => {
    const teams = (vacancyRate: number) => Array.from({ length: 11 }, () => ({ socialWorkerPosts: 8, vacancyRate, newlyQualifiedShare: 0.3 }));
    const filled = (v: number) => countyStaffing(teams(v)).reduce((a, t) => a + t.filled, 0);
    expect(filled(0.1)).toBe(Math.round(88 * 0.9)); // 79
    expect(filled(0.13)).toBe(Math.round(88 * 0.87)); // 77
    expect(staffing(8, 0.1, 0).filled).toBe(staffing(8, 0.13, 0).filled); // 7 each way, team by team
  });

  it('never fills more posts than a team has, nor has more newly qualified workers than filled posts', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            socialWorkerPosts: fc.integer({ min: 0, max: 30 }),
            vacancyRate: fc.noBias(fc.double({ min: 0, max: 1, noNaN: true })),
            newlyQualifiedShare: fc.noBias(fc.double({ min: 0, max: 1, noNaN: true })),
          }),
          { minLength: 1, maxLength: 11 },
        ),
        (teams) => {
          countyStaffing(teams).forEach((t, i) => {
            expect(t.filled).toBeLessThanOrEqual(teams[i]!.socialWorkerPosts);
            expect(t.nq).toBeGreaterThanOrEqual(0);
            expect(t.nq).toBeLessThanOrEqual(t.filled);
          });
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('CaseQueue', () => {
  it('is first in, first out, with the urgent lane served first, and -1 when empty', () => {
    const q = new CaseQueue();
    q.push(1);
    q.push(2);
    q.push(3, true);
    q.push(4);
    q.push(5, true);
    expect(q.ids()).toEqual([3, 5, 1, 2, 4]);
    expect(q.length).toBe(5);
    expect([q.shift(), q.shift(), q.shift(), q.shift(), q.shift(), q.shift()]).toEqual([3, 5, 1, 2, 4, -1]);
  });

  it('behaves like two arrays through any mix of pushes and shifts, including past its compaction point', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(2), fc.boolean()), { minLength: 2500, maxLength: 3000 }), (ops) => {
        const q = new CaseQueue();
        const urgent: number[] = [];
        const normal: number[] = [];
        let id = 0;
        for (const [op, u] of ops) {
          if (op > 0) {
            q.push(id, u);
            (u ? urgent : normal).push(id);
            id++;
          } else {
            expect(q.shift()).toBe(urgent.length ? urgent.shift()! : normal.length ? normal.shift()! : -1);
          }
          expect(q.length).toBe(urgent.length + normal.length);
        }
        expect(q.ids()).toEqual([...urgent, ...normal]);
      }),
      { numRuns: 5 },
    );
  });
});
