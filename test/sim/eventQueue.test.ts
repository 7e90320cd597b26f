import { describe, expect, it } from 'vitest';
import { EventQueue, PRIORITY } from '../../src/sim/eventQueue.ts';

/** The future-event calendar: (time, priority, sequence) order, and no scheduling in the past. */
describe('EventQueue', () => {
  it('pops events in time order whatever order they were scheduled in', () => {
    const q = new EventQueue();
    const times = [5, 1, 9, 3, 3.5, 0, 7, 2];
    times.forEach((t, i) => q.schedule(t, 0, i, PRIORITY.arrival));
    const out: number[] = [];
    while (q.size) out.push(q.pop()!.t);
    expect(out).toEqual([...times].sort((a, b) => a - b));
  });

  it('at one instant, completions run before arrivals and week marks last (lower priority first)', () => {
    const q = new EventQueue();
    q.schedule(4, 10, 1, PRIORITY.mark);
    q.schedule(4, 11, 2, PRIORITY.arrival);
    q.schedule(4, 12, 3, PRIORITY.completion);
    expect([q.pop()!.kind, q.pop()!.kind, q.pop()!.kind]).toEqual([12, 11, 10]);
    expect(PRIORITY.completion).toBeLessThan(PRIORITY.arrival);
    expect(PRIORITY.arrival).toBeLessThan(PRIORITY.mark);
  });

  it('at one instant and priority, events run in the order they were scheduled (first in, first out)', () => {
    const q = new EventQueue();
    for (let i = 0; i < 50; i++) q.schedule(1, 0, i, PRIORITY.arrival);
    const ids: number[] = [];
    while (q.size) ids.push(q.pop()!.id);
    expect(ids).toEqual(Array.from({ length: 50 }, (_, i) => i));
  });

  it('pop reports the key it was ordered by, and next() the same event without allocating', () => {
    const q = new EventQueue();
    q.schedule(2, 7, 42, PRIORITY.completion);
    q.schedule(2, 8, 43, PRIORITY.arrival);
    expect(q.pop()).toEqual({ t: 2, priority: PRIORITY.completion, seq: 0, kind: 7, id: 42 });
    expect(q.next()).toBe(true);
    expect([q.now, q.kind, q.id]).toEqual([2, 8, 43]);
    expect(q.next()).toBe(false);
  });

  it('an empty calendar peeks at Infinity and pops undefined', () => {
    const q = new EventQueue();
    expect(q.peekTime()).toBe(Infinity);
    expect(q.pop()).toBeUndefined();
  });

  it('taking an event advances now to its time', () => {
    const q = new EventQueue();
    q.schedule(3.25, 0, 0, 0);
    q.pop();
    expect(q.now).toBe(3.25);
  });

  it('throws when scheduling in the past, with both times in the message', () => {
    const q = new EventQueue();
    q.schedule(4, 0, 0, 0);
    q.pop();
    expect(() => q.schedule(3.2, 0, 0, 0)).toThrow(/t=3\.2 < now=4/);
    expect(() => q.schedule(4, 0, 0, 0)).not.toThrow(); // now itself is allowed
  });

  it('throws for a time that is not a finite number', () => {
    const q = new EventQueue();
    expect(() => q.schedule(NaN, 0, 0, 0)).toThrow(/past or at a non-finite time/);
    expect(() => q.schedule(Infinity, 0, 0, 0)).toThrow(/non-finite/);
  });

  it('keeps its order as it grows past its initial capacity (10 000 pending events)', () => {
    const q = new EventQueue();
    const n = 10_000;
    // A deterministic scramble of 0..n-1 (multiplication by a unit mod n).
    for (let i = 0; i < n; i++) q.schedule((i * 7919) % n, 0, i, (i * 31) % 3);
    expect(q.size).toBe(n);
    let last = -1;
    while (q.size) {
      const e = q.pop()!;
      expect(e.t).toBeGreaterThan(last);
      last = e.t;
    }
  });
});
