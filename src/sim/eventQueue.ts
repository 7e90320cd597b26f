/**
 * The future-event calendar: a binary min-heap keyed (time, priority, sequence). Same-time
 * events run in priority order, then in the order they were scheduled, so a run is fully
 * determined by its seed (SimPy core.py uses the same (time, priority, id) key). Times are
 * hours since the start of the run.
 */
export interface ScheduledEvent {
  t: number;
  priority: number;
  seq: number;
  kind: number;
  id: number;
}

/** Tie-break at one instant: completions free staff before arrivals claim them; week marks last. */
export const PRIORITY = { completion: 0, arrival: 1, mark: 2 } as const;

export class EventQueue {
  private heap: ScheduledEvent[] = [];
  private seq = 0;
  /** Time of the last event taken; scheduling before it is a bug. */
  now = 0;

  get size(): number {
    return this.heap.length;
  }

  /** Schedules `kind` for entity `id` at time `t` (hours). Throws when `t` is in the past or not finite. */
  schedule(t: number, kind: number, id: number, priority: number): void {
    if (!(t >= this.now)) throw new Error(`cannot schedule in the past or at a non-finite time: t=${t} < now=${this.now}`);
    const e: ScheduledEvent = { t, priority, seq: this.seq++, kind, id };
    const h = this.heap;
    h.push(e);
    let i = h.length - 1;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (!before(e, h[p]!)) break;
      h[i] = h[p]!;
      i = p;
    }
    h[i] = e;
  }

  /** Time of the next event, or Infinity when none is left. */
  peekTime(): number {
    return this.heap.length ? this.heap[0]!.t : Infinity;
  }

  /** Removes and returns the next event and advances `now` to it. */
  pop(): ScheduledEvent | undefined {
    const h = this.heap;
    if (!h.length) return undefined;
    const top = h[0]!;
    const last = h.pop()!;
    if (h.length) {
      let i = 0;
      const n = h.length;
      for (;;) {
        const l = 2 * i + 1;
        if (l >= n) break;
        const r = l + 1;
        const c = r < n && before(h[r]!, h[l]!) ? r : l;
        if (!before(h[c]!, last)) break;
        h[i] = h[c]!;
        i = c;
      }
      h[i] = last;
    }
    this.now = top.t;
    return top;
  }
}

function before(a: ScheduledEvent, b: ScheduledEvent): boolean {
  return a.t < b.t || (a.t === b.t && (a.priority < b.priority || (a.priority === b.priority && a.seq < b.seq)));
}
