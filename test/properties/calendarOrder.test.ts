import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createRun } from '../../src/sim/engine.ts';
import { EventQueue } from '../../src/sim/eventQueue.ts';
import type { SimRecord } from '../../src/sim/records.ts';
import { runArb, scenarioArb } from '../fixtures/randomScenario.ts';

/** Calendar order: events leave the calendar in (time, priority, sequence) order. */
type Key = { t: number; priority: number; seq: number; id: number };
const before = (a: Key, b: Key) => a.t < b.t || (a.t === b.t && (a.priority < b.priority || (a.priority === b.priority && a.seq < b.seq)));

describe('calendar order', () => {
  it('every pop is the least (t, priority, seq) of the events pending, through any mix of schedules and pops', () => {
    const op = fc.oneof(
      fc.record({
        kind: fc.constant('schedule' as const),
        dt: fc.oneof(fc.constant(0), fc.double({ min: 0, max: 10, noNaN: true })),
        priority: fc.integer({ min: 0, max: 3 }),
      }),
      fc.record({ kind: fc.constant('pop' as const) }),
    );
    fc.assert(
      fc.property(fc.array(op, { maxLength: 400 }), (ops) => {
        const q = new EventQueue();
        const pending: Key[] = [];
        let seq = 0;
        let last: Key | null = null;
        for (const o of ops) {
          if (o.kind === 'schedule') {
            const k = { t: q.now + o.dt, priority: o.priority, seq: seq++, id: seq };
            q.schedule(k.t, 0, k.id, k.priority);
            pending.push(k);
          } else {
            const got = q.pop();
            if (!pending.length) {
              expect(got).toBeUndefined();
              continue;
            }
            let min = 0;
            for (let i = 1; i < pending.length; i++) if (before(pending[i]!, pending[min]!)) min = i;
            const want = pending.splice(min, 1)[0]!;
            expect(got).toMatchObject({ t: want.t, priority: want.priority, seq: want.seq, id: want.id });
            if (last) expect(got!.t).toBeGreaterThanOrEqual(last.t);
            last = want;
          }
        }
      }),
      { numRuns: 200 },
    );
  });

  it('events scheduled up front pop in non-decreasing (t, priority, seq) order', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: 20 }), fc.integer({ min: 0, max: 2 })), { maxLength: 300 }), (evs) => {
        const q = new EventQueue();
        evs.forEach(([t, p], i) => q.schedule(t, 0, i, p));
        const out: Key[] = [];
        for (let e = q.pop(); e; e = q.pop()) out.push(e);
        expect(out).toHaveLength(evs.length);
        for (let i = 1; i < out.length; i++) expect(before(out[i]!, out[i - 1]!)).toBe(false);
      }),
      { numRuns: 200 },
    );
  });

  it('a run emits its records in non-decreasing time, none after the end of the run', () => {
    fc.assert(
      fc.property(scenarioArb, runArb, (scenario, { days, seed }) => {
        const ts: number[] = [];
        const run = createRun(scenario, { days, seed, onRecord: (r: SimRecord) => ts.push(r.t) });
        run.runToEnd();
        for (let i = 1; i < ts.length; i++) if (ts[i]! < ts[i - 1]!) expect.fail(`record ${i} at t=${ts[i]} after one at t=${ts[i - 1]}`);
        expect(Math.max(...ts)).toBeLessThanOrEqual(days * 24);
      }),
      { numRuns: 25 },
    );
  });
});
