import type { PathwayLayout } from './layout.ts';

/**
 * Where the diagram's connectors cross or run along one another, counted from the layout's
 * polylines (not from the picture): every pair of segments from two different connectors that
 * meet anywhere but at a shared end, and every pair that overlaps along a line. Pure.
 */

type Pt = readonly [number, number];
type Seg = { a: Pt; b: Pt; id: string };

/** One place two connectors cross or overlap. */
export interface Crossing {
  a: string;
  b: string;
  at: [number, number];
  overlap: boolean;
}

const EPS = 0.5;

function segmentsOf(layout: PathwayLayout): Seg[] {
  const lines = layout.edges.map((e) => ({ id: e.id, points: e.points as readonly Pt[] }));
  if (layout.comeBack) lines.push({ id: 'comes back', points: layout.comeBack.points });
  return lines.flatMap((l) => l.points.slice(1).map((p, i) => ({ a: l.points[i]!, b: p, id: l.id })));
}

const between = (v: number, lo: number, hi: number) => v > Math.min(lo, hi) - EPS && v < Math.max(lo, hi) + EPS;
const near = (p: Pt, q: Pt) => Math.abs(p[0] - q[0]) < EPS && Math.abs(p[1] - q[1]) < EPS;

/** Every crossing or overlap between two connectors of `layout` (none is the goal). */
export function connectorCrossings(layout: PathwayLayout): Crossing[] {
  const segs = segmentsOf(layout);
  const out: Crossing[] = [];
  for (let i = 0; i < segs.length; i++) {
    for (let j = i + 1; j < segs.length; j++) {
      const s = segs[i]!;
      const t = segs[j]!;
      if (s.id === t.id) continue;
      const sv = Math.abs(s.a[0] - s.b[0]) < EPS;
      const tv = Math.abs(t.a[0] - t.b[0]) < EPS;
      const sh = Math.abs(s.a[1] - s.b[1]) < EPS;
      const th = Math.abs(t.a[1] - t.b[1]) < EPS;
      if (!(sv || sh) || !(tv || th)) throw new Error(`connector ${!(sv || sh) ? s.id : t.id} has a segment that is not horizontal or vertical`);
      if ((sv && tv) || (sh && th)) {
        // Parallel: they overlap if on one line and their extents share more than a point.
        const [fixed, along]: [0 | 1, 0 | 1] = sv ? [0, 1] : [1, 0];
        if (Math.abs(s.a[fixed] - t.a[fixed]) >= EPS) continue;
        const lo = Math.max(Math.min(s.a[along], s.b[along]), Math.min(t.a[along], t.b[along]));
        const hi = Math.min(Math.max(s.a[along], s.b[along]), Math.max(t.a[along], t.b[along]));
        if (hi - lo > EPS) out.push({ a: s.id, b: t.id, at: sv ? [s.a[0], lo] : [lo, s.a[1]], overlap: true });
        continue;
      }
      const v = sv ? s : t;
      const h = sv ? t : s;
      const p: [number, number] = [v.a[0], h.a[1]];
      if (!between(p[0], h.a[0], h.b[0]) || !between(p[1], v.a[1], v.b[1])) continue;
      // Two connectors may share a point where both end (e.g. arrows into one side): not a crossing.
      const endOf = (g: Seg) => near(p, g.a) || near(p, g.b);
      if (endOf(v) && endOf(h)) continue;
      out.push({ a: s.id, b: t.id, at: p, overlap: false });
    }
  }
  return out;
}
