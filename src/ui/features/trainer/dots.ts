import type { CaseColumns } from '../../../worker/trainerProtocol.ts';
import type { Rect } from './layout.ts';

/**
 * Where each case's dot is, frame by frame: every state has a grid of slots filled from the
 * bottom (so a queue piles up), a case keeps its slot while it stays, and a case that moves
 * glides from where it is to its new slot. A crowded state shrinks its grid pitch (all its dots
 * glide closer); beyond the smallest pitch dots are counted but not drawn. Closed cases glide to
 * the closure bar and fade. Pure: times are passed in, nothing touches the DOM.
 */

/** Grid pitches (logical pixels), largest first. */
export const PITCHES = [15, 11, 8, 6, 4.5] as const;
/** How long a closed case's dot stays visible after it arrives (ms). */
export const FADE_MS = 700;
/** Most closed dots fading at once (older ones are dropped). */
export const MAX_FADING = 700;

export interface Dot {
  id: number;
  child: number;
  node: number;
  /** Slot in its node's grid, or -1 (closing). */
  slot: number;
  need: number;
  agency: number;
  flags: number;
  x0: number;
  y0: number;
  x1: number;
  y1: number;
  t0: number;
  dur: number;
  /** When it started fading (closed dots), else -1. */
  fadeAt: number;
  gen: number;
}

class Slots {
  private occ: Uint8Array = new Uint8Array(64);
  private firstFree = 0;
  /** One past the highest slot in use. */
  top = 0;
  count = 0;
  take(): number {
    let s = this.firstFree;
    while (s < this.occ.length && this.occ[s]) s++;
    if (s >= this.occ.length) {
      const grown = new Uint8Array(this.occ.length * 2);
      grown.set(this.occ);
      this.occ = grown;
    }
    this.occ[s] = 1;
    this.firstFree = s + 1;
    this.top = Math.max(this.top, s + 1);
    this.count++;
    return s;
  }
  free(s: number): void {
    this.occ[s] = 0;
    this.count--;
    if (s < this.firstFree) this.firstFree = s;
    while (this.top > 0 && !this.occ[this.top - 1]) this.top--;
  }
}

/** Capacity of a dot area at a pitch. */
export function capacity(area: Rect, pitch: number): number {
  return Math.max(0, Math.floor(area.w / pitch)) * Math.max(0, Math.floor(area.h / pitch));
}

/** Centre of slot `s` in `area` at `pitch` (filled left to right, bottom row first). */
export function slotCentre(area: Rect, pitch: number, s: number): [number, number] {
  const cols = Math.max(1, Math.floor(area.w / pitch));
  const col = s % cols;
  const row = Math.floor(s / cols);
  const x0 = area.x + (area.w - cols * pitch) / 2;
  return [x0 + pitch * (col + 0.5), area.y + area.h - pitch * (row + 0.5)];
}

const ease = (u: number) => (u < 0.5 ? 4 * u * u * u : 1 - (-2 * u + 2) ** 3 / 2);

/** A cheap, stable pseudo-random number in [0, 1) from an integer. */
function hash01(n: number): number {
  let x = (n ^ 0x9e3779b9) >>> 0;
  x = Math.imul(x ^ (x >>> 16), 0x45d9f3b) >>> 0;
  x = Math.imul(x ^ (x >>> 16), 0x45d9f3b) >>> 0;
  return ((x ^ (x >>> 16)) >>> 0) / 4294967296;
}

export class DotField {
  readonly dots = new Map<number, Dot>();
  fading: Dot[] = [];
  /** Current pitch level of each node (index into PITCHES). */
  readonly level: Uint8Array;
  private readonly slots: Slots[];
  private gen = 0;

  constructor(
    /** Dot area of each node, indexed as the worker's `nodes`. */
    readonly areas: readonly Rect[],
    /** Box of each node (dots spawn from a pass-through node's centre). */
    readonly boxes: readonly Rect[],
    readonly entryNode: number,
    readonly closedNode: number,
  ) {
    this.level = new Uint8Array(areas.length);
    this.slots = areas.map(() => new Slots());
  }

  /** Pitch of node `n` now. */
  pitch(n: number): number {
    return PITCHES[this.level[n]!]!;
  }

  /** Whether a dot in a slot is drawn (its node's grid holds it). */
  visible(d: Dot): boolean {
    if (d.slot < 0) return true;
    return d.slot < capacity(this.areas[d.node]!, this.pitch(d.node));
  }

  /** Cases in node `n` that are not drawn for lack of room. */
  hidden(n: number): number {
    const cap = capacity(this.areas[n]!, this.pitch(n));
    return this.slots[n]!.top <= cap ? 0 : countAbove(this.dots, n, cap);
  }

  /** Where dot `d` is at time `t` (ms). */
  at(d: Dot, t: number): [number, number] {
    if (d.dur <= 0 || t >= d.t0 + d.dur) return [d.x1, d.y1];
    const u = ease(Math.max(0, (t - d.t0) / d.dur));
    return [d.x0 + (d.x1 - d.x0) * u, d.y0 + (d.y1 - d.y0) * u];
  }

  /** Opacity of dot `d` at time `t` (fading closed dots). */
  alpha(d: Dot, t: number): number {
    if (d.fadeAt < 0) return 1;
    const start = d.fadeAt;
    return t <= start ? 1 : Math.max(0, 1 - (t - start) / FADE_MS);
  }

  private moveTo(d: Dot, x: number, y: number, t: number, dur: number): void {
    const [cx, cy] = this.at(d, t);
    d.x0 = cx;
    d.y0 = cy;
    d.x1 = x;
    d.y1 = y;
    d.t0 = t;
    d.dur = dur;
  }

  private spawnPoint(node: number): [number, number] {
    const b = this.boxes[node]!;
    return [b.x + b.w / 2, b.y + b.h / 2];
  }

  /** Takes a frame's cases and closures at time `t` (ms); moves glide for `dur` ms (0: jump). */
  apply(cases: CaseColumns, closed: CaseColumns, t: number, dur: number): void {
    const gen = ++this.gen;
    const touched = new Set<number>();
    for (let i = 0; i < cases.id.length; i++) {
      const id = cases.id[i]!;
      const node = cases.node[i]!;
      let d = this.dots.get(id);
      if (!d) {
        const [sx, sy] = this.spawnPoint(this.entryNode);
        d = {
          id,
          child: cases.child[i]!,
          node,
          slot: -1,
          need: cases.need[i]!,
          agency: cases.agency[i]!,
          flags: cases.flags[i]!,
          x0: sx,
          y0: sy,
          x1: sx,
          y1: sy,
          t0: t,
          dur: 0,
          fadeAt: -1,
          gen,
        };
        this.dots.set(id, d);
        d.slot = this.slots[node]!.take();
        touched.add(node);
        const [x, y] = slotCentre(this.areas[node]!, this.pitch(node), d.slot);
        this.moveTo(d, x, y, t, dur);
      } else if (d.node !== node) {
        this.slots[d.node]!.free(d.slot);
        touched.add(d.node);
        d.node = node;
        d.slot = this.slots[node]!.take();
        touched.add(node);
        const [x, y] = slotCentre(this.areas[node]!, this.pitch(node), d.slot);
        this.moveTo(d, x, y, t, dur);
      }
      d.gen = gen;
    }
    for (let i = 0; i < closed.id.length; i++) {
      const id = closed.id[i]!;
      let d = this.dots.get(id);
      if (d) {
        this.slots[d.node]!.free(d.slot);
        touched.add(d.node);
        this.dots.delete(id);
      } else {
        const [sx, sy] = this.spawnPoint(closed.node[i]!);
        d = {
          id,
          child: closed.child[i]!,
          node: closed.node[i]!,
          slot: -1,
          need: closed.need[i]!,
          agency: closed.agency[i]!,
          flags: closed.flags[i]!,
          x0: sx,
          y0: sy,
          x1: sx,
          y1: sy,
          t0: t,
          dur: 0,
          fadeAt: -1,
          gen,
        };
      }
      d.flags = closed.flags[i]!;
      d.node = this.closedNode;
      d.slot = -1;
      const a = this.areas[this.closedNode]!;
      this.moveTo(d, a.x + hash01(id) * a.w, a.y + hash01(id + 7919) * a.h, t, dur);
      d.fadeAt = t + dur;
      this.fading.push(d);
    }
    // Anything not in this frame and not closed has gone (should not happen): drop it.
    for (const d of this.dots.values()) {
      if (d.gen !== gen) {
        this.slots[d.node]!.free(d.slot);
        touched.add(d.node);
        this.dots.delete(d.id);
      }
    }
    if (this.fading.length > MAX_FADING) this.fading.splice(0, this.fading.length - MAX_FADING);
    this.fading = this.fading.filter((d) => this.alpha(d, t) > 0);
    for (const n of touched) this.relevel(n, t, dur);
  }

  /** Chooses node `n`'s pitch for its highest slot in use, gliding its dots if it changes. */
  private relevel(n: number, t: number, dur: number): void {
    const area = this.areas[n]!;
    const top = this.slots[n]!.top;
    let lv = this.level[n]!;
    while (lv < PITCHES.length - 1 && top > capacity(area, PITCHES[lv]!)) lv++;
    while (lv > 0 && top < 0.7 * capacity(area, PITCHES[lv - 1]!)) lv--;
    if (lv === this.level[n]) return;
    this.level[n] = lv;
    for (const d of this.dots.values()) {
      if (d.node !== n) continue;
      const [x, y] = slotCentre(area, PITCHES[lv]!, d.slot);
      this.moveTo(d, x, y, t, dur);
    }
  }

  /** The drawn dot nearest (x, y) within `radius`, at time `t`. */
  hit(x: number, y: number, t: number, radius: number): Dot | null {
    let best: Dot | null = null;
    let bestD = radius * radius;
    for (const d of this.dots.values()) {
      if (!this.visible(d)) continue;
      const [dx, dy] = this.at(d, t);
      const dd = (dx - x) ** 2 + (dy - y) ** 2;
      if (dd <= bestD) {
        bestD = dd;
        best = d;
      }
    }
    return best;
  }

  /** The case that has been in node `n` longest among those drawn (lowest slot), if any. */
  firstIn(n: number): Dot | null {
    let best: Dot | null = null;
    for (const d of this.dots.values()) if (d.node === n && (!best || d.slot < best.slot)) best = d;
    return best;
  }

  /** Removes every dot (restart). */
  clear(): void {
    this.dots.clear();
    this.fading = [];
    this.level.fill(0);
    this.slots.forEach((_, i) => (this.slots[i] = new Slots()));
  }
}

function countAbove(dots: Map<number, Dot>, n: number, cap: number): number {
  let k = 0;
  for (const d of dots.values()) if (d.node === n && d.slot >= cap) k++;
  return k;
}
