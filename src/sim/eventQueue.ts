/**
 * The future-event calendar: a binary min-heap keyed (time, priority, sequence). Same-time
 * events run in priority order, then in the order they were scheduled, so a run is fully
 * determined by its seed (SimPy core.py uses the same (time, priority, id) key). Times are
 * hours since the start of the run.
 *
 * The heap is stored as typed arrays (time; priority and sequence packed into one number; kind
 * and id) rather than objects: a county with tens of thousands of pending events (children due
 * to come back) then stays in cache, and events per second stay flat as the county grows.
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

/** Sequence numbers fit below 2^44, priorities 0-255 above them, exactly, in a double. */
const SEQ_SPAN = 2 ** 44;

export class EventQueue {
  private times = new Float64Array(512);
  private order = new Float64Array(512);
  private kinds = new Int32Array(512);
  /**
   * Entity ids are slots and indices (whole numbers under 2^31). Kept as int32, not float64, so
   * `id` reads back as a small integer: a float64 read made every case's agency (an arrival's id)
   * a heap number, and the objects and records it went into changed shape between runs.
   */
  private ids = new Int32Array(512);
  private n = 0;
  private seq = 0;
  /** Time of the last event taken; scheduling before it is a bug. */
  now = 0;
  /** Kind of the event the last `next()` took. */
  kind = 0;
  /** Entity id of the event the last `next()` took. */
  id = 0;

  constructor() {
    // Grown once here, to 1,024 entries: V8 treats a field never assigned after construction as a
    // constant, and a calendar's first growth, deep in a long run, then discarded the compiled
    // code of everything that reads the calendar.
    this.grow();
  }

  get size(): number {
    return this.n;
  }

  /** Schedules `kind` for entity `id` at time `t` (hours). Throws when `t` is in the past or not finite. */
  schedule(t: number, kind: number, id: number, priority: number): void {
    if (!(t >= this.now) || t === Infinity) throw new Error(`cannot schedule in the past or at a non-finite time: t=${t} < now=${this.now}`);
    if (!(priority >= 0 && priority < 256)) throw new Error(`priority must be 0-255, got ${priority}`);
    if (this.n === this.times.length) this.grow();
    const ord = priority * SEQ_SPAN + this.seq++;
    const { times, order, kinds, ids } = this;
    let i = this.n++;
    while (i > 0) {
      const p = (i - 1) >> 1;
      const tp = times[p]!;
      if (tp < t || (tp === t && order[p]! < ord)) break;
      times[i] = tp;
      order[i] = order[p]!;
      kinds[i] = kinds[p]!;
      ids[i] = ids[p]!;
      i = p;
    }
    times[i] = t;
    order[i] = ord;
    kinds[i] = kind;
    ids[i] = id;
  }

  private grow(): void {
    const size = this.times.length * 2;
    const t = new Float64Array(size);
    t.set(this.times);
    const o = new Float64Array(size);
    o.set(this.order);
    const k = new Int32Array(size);
    k.set(this.kinds);
    const d = new Int32Array(size);
    d.set(this.ids);
    this.times = t;
    this.order = o;
    this.kinds = k;
    this.ids = d;
  }

  /** Time of the next event, or Infinity when none is left. */
  peekTime(): number {
    return this.n ? this.times[0]! : Infinity;
  }

  /** Takes the next event into `now`, `kind` and `id`; false when the calendar is empty. */
  next(): boolean {
    if (!this.n) return false;
    const { times, order, kinds, ids } = this;
    this.now = times[0]!;
    this.kind = kinds[0]!;
    this.id = ids[0]!;
    const last = --this.n;
    if (last > 0) {
      const lt = times[last]!;
      const lo = order[last]!;
      const lk = kinds[last]!;
      const ld = ids[last]!;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        if (l >= last) break;
        const r = l + 1;
        let c = l;
        if (r < last && (times[r]! < times[l]! || (times[r] === times[l] && order[r]! < order[l]!))) c = r;
        const tc = times[c]!;
        if (lt < tc || (lt === tc && lo < order[c]!)) break;
        times[i] = tc;
        order[i] = order[c]!;
        kinds[i] = kinds[c]!;
        ids[i] = ids[c]!;
        i = c;
      }
      times[i] = lt;
      order[i] = lo;
      kinds[i] = lk;
      ids[i] = ld;
    }
    return true;
  }

  /** Removes and returns the next event (allocates; the engine uses `next()`). */
  pop(): ScheduledEvent | undefined {
    if (!this.n) return undefined;
    const ord = this.order[0]!;
    const priority = Math.floor(ord / SEQ_SPAN);
    const seq = ord - priority * SEQ_SPAN;
    this.next();
    return { t: this.now, priority, seq, kind: this.kind, id: this.id };
  }
}
