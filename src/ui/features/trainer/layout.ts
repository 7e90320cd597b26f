import { path as d3path } from 'd3-path';
import type { PathwayEdge, PathwayGraph, PathwayNode } from '../../../../models/graph.ts';
import { isFinalStage, isPassThrough, loopEdges, stageLoops, stageRanks } from './pathway.ts';

/**
 * Lays the pathway graph out as a left-to-right diagram in a fixed logical frame (the SVG
 * viewBox and the dot canvas share it): one column per stage rank, stages stacked in their
 * column, nodes stacked in their stage, final states as a bar along the bottom. Every connector
 * is an orthogonal polyline, routed so that no two cross (test/ui/trainerRouting.test.ts counts
 * them): moves between neighbouring columns run in the gap between them, in tracks ordered so
 * they nest; moves within a column run down its left side; a move to a final state ends in a
 * short "closes" stub beside its source (the bar below counts them all); the entry's and rework
 * states' long jumps are labelled links ("▸ Awaiting allocation") instead of lines across the
 * page; a long move that cannot go round otherwise runs under the stages. Pure: numbers and path
 * strings only, so it is tested in Node.
 */

export interface Rect {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** A state's box and the area its resting cases' dots fill. */
export interface NodeBox extends Rect {
  node: PathwayNode;
  /** The label broken into lines that fit the box (a decision's label starts with ◆). */
  lines: string[];
  /** Where dots go (empty for pass-through states). */
  dots: Rect;
  column: number;
}

export interface StageBox extends Rect {
  key: string;
  label: string;
  /** Part of a duplication loop (a strongly connected set of stages). */
  loop: boolean;
  /** A stage of one state draws no box or header of its own (the state's box is enough). */
  single: boolean;
}

type Pt = [number, number];

/** One drawn connector: every machine edge between the same two states, merged. */
export interface EdgeRoute {
  id: string;
  source: string;
  target: string;
  edges: PathwayEdge[];
  /** The orthogonal polyline, corner to corner (what the crossing test reads). */
  points: Pt[];
  /** SVG path data (the polyline with rounded corners). */
  d: string;
  /** Where a label sits. */
  label: { x: number; y: number };
  /**
   * adjacent: to the next column; back: to the previous one; stack: to the next state down its
   * column; skip: further down its column, along its left side; over and under: further right,
   * round over or under the stages (to a state in the top or bottom half of its column);
   * end: a stub that closes the case; link: a labelled jump (the words are `linkLines`).
   */
  kind: 'adjacent' | 'back' | 'stack' | 'skip' | 'over' | 'under' | 'end' | 'link';
  /** A link's words, drawn inside its source's box, right-aligned, the first line at `label`. */
  linkLines?: string[];
  /** Part of a duplication loop. */
  loop: boolean;
  /** Leaves a threshold decision. */
  fromDecision: boolean;
}

export interface PathwayLayout {
  width: number;
  height: number;
  nodes: NodeBox[];
  stages: StageBox[];
  edges: EdgeRoute[];
  /** The path from closure back to the first state: a child coming back (drawn by the engine's rule, not a machine edge). */
  comeBack: { d: string; points: Pt[]; label: { x: number; y: number } } | null;
}

export interface LayoutOptions {
  width?: number;
  height?: number;
  /** Relative heights of nodes within their column (default 1). */
  weights?: Readonly<Record<string, number>>;
  /** Stages drawn below another stage, in its column (stage key → the stage above it). */
  below?: Readonly<Record<string, string>>;
}

const MARGIN = 16;
const GAP = 84;
/** Tracks in a gap start this far from the column on their left (stubs stay shorter). */
const TRACK0 = 36;
const STUB = 22;
const HEADER = 30;
const STAGE_PAD = 8;
const STAGE_GAP = 18;
const NODE_GAP = 10;
const NODE_HEADER = 62;
const LINE_H = 20;
const LINK_FONT = 16;
const BAR_H = 72;
const PASS_H = 110;
const LANE_STEP = 12;

/**
 * A state's label in at most two lines that fit `width` logical pixels at `fontPx` bold Arial
 * (an estimate: 0.56 em per character), broken at spaces.
 */
export function wrapLabel(label: string, width: number, fontPx = 18): string[] {
  const max = Math.max(6, Math.floor(width / (fontPx * 0.56)));
  if (label.length <= max) return [label];
  const words = label.split(' ');
  let first = '';
  let i = 0;
  while (i < words.length && (first ? `${first} ${words[i]}` : words[i]!).length <= max) first = first ? `${first} ${words[i++]}` : words[i++]!;
  if (!first) return [label];
  const rest = words.slice(i).join(' ');
  return rest ? [first, rest.length <= max ? rest : `${rest.slice(0, max - 1)}…`] : [first];
}

/** An orthogonal polyline with rounded corners (radius r), as SVG path data. */
export function roundedPath(points: readonly Pt[], r = 10): string {
  const p = d3path();
  p.moveTo(points[0]![0], points[0]![1]);
  for (let i = 1; i < points.length - 1; i++) {
    const [x0, y0] = points[i - 1]!;
    const [x1, y1] = points[i]!;
    const [x2, y2] = points[i + 1]!;
    const rr = Math.min(r, Math.hypot(x1 - x0, y1 - y0) / 2, Math.hypot(x2 - x1, y2 - y1) / 2);
    p.arcTo(x1, y1, x2, y2, rr);
  }
  const last = points[points.length - 1]!;
  p.lineTo(last[0], last[1]);
  return p.toString();
}

type Side = 'right' | 'left' | 'top' | 'bottom';

/** Lays out `graph` in a `width` × `height` frame (default 1600 × 900). */
export function layoutPathway(graph: PathwayGraph, opts: LayoutOptions = {}): PathwayLayout {
  const width = opts.width ?? 1600;
  const height = opts.height ?? 900;
  const weight = (k: string) => opts.weights?.[k] ?? 1;
  const below = opts.below ?? {};
  const { rank } = stageRanks(graph);
  const inLoop = new Set(stageLoops(graph).flat());
  const loopIds = new Set(loopEdges(graph).map((e) => `${e.source}>${e.target}`));
  const byKey = new Map(graph.nodes.map((n) => [n.key, n]));
  const stageOf = (k: string) => graph.stages.find((g) => g.key === k)!;

  // Columns: stage ranks of non-final stages, renumbered densely; `below` stages join another's column.
  const placed = graph.stages.filter((s) => !isFinalStage(graph, s.key) && !(s.key in below));
  const ranks = [...new Set(placed.map((s) => rank.get(s.key)!))].sort((a, b) => a - b);
  const columnStages: string[][] = ranks.map((r) => placed.filter((s) => rank.get(s.key) === r).map((s) => s.key));
  for (const [stage, above] of Object.entries(below)) {
    if (!graph.stages.some((g) => g.key === stage) || isFinalStage(graph, stage)) continue;
    const col = columnStages.find((ss) => ss.includes(above)) ?? columnStages[columnStages.length - 1]!;
    col.splice(col.includes(above) ? col.indexOf(above) + 1 : col.length, 0, stage);
  }
  const colOfStage = new Map<string, number>();
  columnStages.forEach((ss, c) => ss.forEach((s) => colOfStage.set(s, c)));
  const colOf = (k: string) => colOfStage.get(byKey.get(k)!.stage);
  const passThroughColumn = (c: number) => columnStages[c]!.every((s) => stageOf(s).nodes.every((k) => isPassThrough(byKey.get(k)!)));
  const colWeights = columnStages.map((_, c) => (passThroughColumn(c) ? 0.8 : 1));
  const finalNodes = graph.nodes.filter((n) => n.final);

  // Connectors: every machine edge between the same two states, merged; links are known before placing boxes.
  const groups = new Map<string, PathwayEdge[]>();
  for (const e of graph.edges) {
    const id = `${e.source}>${e.target}`;
    if (!groups.has(id)) groups.set(id, []);
    groups.get(id)!.push(e);
  }
  const pairs = [...groups.entries()].map(([id, edges]) => {
    const [source, target] = id.split('>') as [string, string];
    return { id, source, target, edges };
  });
  const isLink = (s: string, t: string) => {
    const cs = colOf(s)!;
    const ct = colOf(t);
    const src = byKey.get(s)!;
    return ct !== undefined && Math.abs(ct - cs) > 1 && (isPassThrough(src) || src.rework);
  };

  // Column x positions: a gap after every column (tracks and stubs use it).
  const usable = width - 2 * MARGIN - GAP * columnStages.length;
  const unit = usable / colWeights.reduce((a, b) => a + b, 0);
  const colX: number[] = [];
  const colW: number[] = [];
  let x = MARGIN;
  for (const w of colWeights) {
    colX.push(x);
    colW.push(w * unit);
    x += w * unit + GAP;
  }
  const linkLinesOf = (k: string, w: number) =>
    pairs
      .filter((p) => p.source === k && isLink(p.source, p.target))
      .map((p) => ({ id: p.id, lines: wrapLabel(`▸ ${byKey.get(p.target)!.label}`, w - 16, LINK_FONT) }));
  const linkBlock = (k: string, w: number) => linkLinesOf(k, w).reduce((a, l) => a + l.lines.length * LINE_H + 6, 0);

  // Long moves that are not links go over or under the stages: count them to leave room for lanes.
  // (Whether over or under depends on where the target sits; until boxes are placed, the target's
  // position in its column's document order stands in for it.)
  const long = pairs.filter((p) => {
    const cs = colOf(p.source)!;
    const ct = colOf(p.target);
    return ct !== undefined && ct > cs + 1 && !isLink(p.source, p.target);
  });
  const upperHalf = (k: string) => {
    const col = columnStages[colOf(k)!]!.flatMap((st) => stageOf(st).nodes);
    return col.indexOf(k) < col.length / 2;
  };
  const overCount = long.filter((p) => upperHalf(p.target)).length;
  const underCount = long.length - overCount;
  const areaTop = MARGIN + 4 + (overCount ? overCount * LANE_STEP + 10 : 0);
  const barY = height - MARGIN - (finalNodes.length ? BAR_H : 0);
  const areaBottom = (finalNodes.length ? barY - 30 : height - MARGIN) - underCount * LANE_STEP - (underCount ? 10 : 0);

  // Stages and nodes down each column.
  const stages: StageBox[] = [];
  const nodes: NodeBox[] = [];
  columnStages.forEach((ss, c) => {
    const stageNodes = ss.map((s) => stageOf(s).nodes.map((k) => byKey.get(k)!));
    if (passThroughColumn(c)) {
      const hs = stageNodes.map((ns) => PASS_H + linkBlock(ns[0]!.key, colW[c]!));
      let y = areaTop + (areaBottom - areaTop - hs.reduce((a, b) => a + b, 0) - STAGE_GAP * (ss.length - 1)) / 2;
      ss.forEach((s, i) => {
        const n = stageNodes[i]![0]!;
        const h = hs[i]!;
        stages.push({ key: s, label: stageOf(s).label, x: colX[c]!, y, w: colW[c]!, h, loop: inLoop.has(s), single: true });
        nodes.push({
          node: n,
          lines: [n.label],
          x: colX[c]!,
          y,
          w: colW[c]!,
          h,
          dots: { x: colX[c]! + 8, y: y + NODE_HEADER + 20, w: colW[c]! - 16, h: 0 },
          column: c,
        });
        y += h + STAGE_GAP;
      });
      return;
    }
    const single = ss.map((_, i) => stageNodes[i]!.length === 1);
    const fixed =
      ss.reduce((a, _, i) => a + (single[i] ? 0 : HEADER + 2 * STAGE_PAD), 0) +
      (ss.length - 1) * STAGE_GAP +
      stageNodes.reduce((a, ns) => a + (ns.length - 1) * NODE_GAP, 0);
    const totalW = stageNodes.flat().reduce((a, n) => a + weight(n.key), 0);
    const per = (areaBottom - areaTop - fixed) / totalW;
    let y = areaTop;
    ss.forEach((s, i) => {
      const ns = stageNodes[i]!;
      const pad = single[i] ? 0 : STAGE_PAD;
      const h = (single[i] ? 0 : HEADER) + 2 * pad + ns.reduce((a, n) => a + weight(n.key) * per, 0) + (ns.length - 1) * NODE_GAP;
      stages.push({ key: s, label: stageOf(s).label, x: colX[c]!, y, w: colW[c]!, h, loop: inLoop.has(s), single: single[i]! });
      let ny = y + (single[i] ? 0 : HEADER) + pad;
      const nx = colX[c]! + pad;
      const nw = colW[c]! - 2 * pad;
      for (const n of ns) {
        const nh = weight(n.key) * per;
        const lines = wrapLabel(`${n.decision ? '◆ ' : ''}${n.label}`, nw - 16, 19); // fits presentation mode's larger type too
        const top = NODE_HEADER + (lines.length - 1) * LINE_H;
        const links = linkBlock(n.key, nw);
        nodes.push({
          node: n,
          lines,
          x: nx,
          y: ny,
          w: nw,
          h: nh,
          dots: { x: nx + 7, y: ny + top, w: nw - 14, h: Math.max(0, nh - top - 6 - links) },
          column: c,
        });
        ny += nh + NODE_GAP;
      }
      y += h + STAGE_GAP;
    });
  });
  // Final states share the bar along the bottom, from the second column to the right margin.
  if (finalNodes.length) {
    const bx = colX[Math.min(1, colX.length - 1)]!;
    const bw = (width - MARGIN - bx) / finalNodes.length;
    finalNodes.forEach((n, i) => {
      const fx = bx + i * bw;
      const r = { x: fx, y: barY, w: bw - (i < finalNodes.length - 1 ? 8 : 0), h: BAR_H };
      stages.push({ key: n.stage, label: stageOf(n.stage).label, ...r, loop: false, single: true });
      nodes.push({ node: n, lines: [n.label], ...r, dots: { x: r.x + 240, y: r.y + 8, w: r.w - 250, h: r.h - 16 }, column: -1 });
    });
  }
  const box = new Map(nodes.map((b) => [b.node.key, b]));
  const cy = (k: string) => box.get(k)!.y + box.get(k)!.h / 2;
  const nextInColumn = (k: string): string | undefined => {
    const b = box.get(k)!;
    return nodes.filter((n) => n.column === b.column && n.y > b.y).sort((a, c) => a.y - c.y)[0]?.node.key;
  };
  const kindOf = (s: string, t: string): EdgeRoute['kind'] => {
    const cs = colOf(s)!;
    const ct = colOf(t);
    if (ct === undefined) return 'end';
    if (isLink(s, t)) return 'link';
    if (ct === cs + 1) return 'adjacent';
    if (ct === cs - 1) return 'back';
    if (ct === cs) return nextInColumn(s) === t ? 'stack' : 'skip';
    return upperHalf(t) ? 'over' : 'under';
  };
  const routes = pairs.map((p) => ({ ...p, kind: kindOf(p.source, p.target) }));

  // Ports on the left and right sides, spread down the side in an order that keeps lines apart:
  // toward where the other end is; a skip further down leaves higher; stubs below the lines.
  const ports = new Map<string, { id: string; order: number }[]>();
  const addPort = (node: string, side: Side, id: string, order: number) => {
    const key = `${node}:${side}`;
    if (!ports.has(key)) ports.set(key, []);
    ports.get(key)!.push({ id, order });
  };
  for (const r of routes) {
    if (r.kind === 'adjacent') {
      addPort(r.source, 'right', r.id, cy(r.target));
      addPort(r.target, 'left', r.id, cy(r.source));
    } else if (r.kind === 'back') {
      addPort(r.source, 'left', r.id, cy(r.target));
      addPort(r.target, 'right', r.id, cy(r.source));
    } else if (r.kind === 'skip') {
      addPort(r.source, 'left', r.id, 1e6 - cy(r.target));
      addPort(r.target, 'left', r.id, cy(r.source));
    } else if (r.kind === 'over') {
      addPort(r.source, 'right', r.id, cy(r.target));
      addPort(r.target, 'left', r.id, cy(r.source));
    } else if (r.kind === 'under') {
      addPort(r.source, 'left', r.id, 2e6);
    } else if (r.kind === 'end') {
      addPort(r.source, 'right', r.id, 3e6);
    }
  }
  const portAt = (node: string, side: 'left' | 'right', id: string): Pt => {
    const list = ports
      .get(`${node}:${side}`)!
      .slice()
      .sort((a, b) => a.order - b.order);
    const i = list.findIndex((p) => p.id === id);
    const b = box.get(node)!;
    const links = side === 'right' ? linkBlock(node, b.w) : 0;
    const top = b.y + Math.min(28, b.h / 4);
    const span = Math.max(0, b.y + b.h - links - Math.min(12, b.h / 6) - top);
    return [side === 'right' ? b.x + b.w : b.x, top + (span * (i + 1)) / (list.length + 1)];
  };

  // Vertical runs in each gap (gap c is right of column c): lines between the two columns first
  // (rising ones, then falling ones), then lines that belong to the right-hand column only (its
  // skips, outermost first, and its moves round under the stages).
  type Run = { id: string; gap: number; group: number; key: number };
  const runs: Run[] = [];
  for (const r of routes) {
    const cs = colOf(r.source)!;
    if (r.kind === 'adjacent' || r.kind === 'back') {
      const s = r.kind === 'adjacent' ? portAt(r.source, 'right', r.id) : portAt(r.source, 'left', r.id);
      const t = r.kind === 'adjacent' ? portAt(r.target, 'left', r.id) : portAt(r.target, 'right', r.id);
      const rising = t[1] <= s[1];
      runs.push({ id: r.id, gap: r.kind === 'adjacent' ? cs : cs - 1, group: 0, key: rising ? s[1] : 1e6 - s[1] });
    } else if (r.kind === 'over') {
      runs.push({ id: `${r.id}#up`, gap: cs, group: 0, key: portAt(r.source, 'right', r.id)[1] });
      runs.push({ id: `${r.id}#down`, gap: colOf(r.target)! - 1, group: 0, key: -1e6 });
    } else if (r.kind === 'skip') runs.push({ id: r.id, gap: cs - 1, group: 1, key: -Math.abs(cy(r.target) - cy(r.source)) });
    else if (r.kind === 'under') runs.push({ id: r.id, gap: cs - 1, group: 2, key: 0 });
  }
  const trackX = new Map<string, number>();
  for (const g of new Set(runs.map((r) => r.gap))) {
    const inGap = runs.filter((r) => r.gap === g).sort((a, b) => a.group - b.group || a.key - b.key);
    const left = g >= 0 ? colX[g]! + colW[g]! : MARGIN - GAP;
    const step = Math.min(12, (GAP - TRACK0 - 8) / Math.max(1, inGap.length - 1));
    inGap.forEach((r, i) => trackX.set(r.id, left + TRACK0 + i * step));
  }
  const unders = routes.filter((r) => r.kind === 'under');
  const laneY = new Map(unders.map((r, i) => [r.id, areaBottom + 16 + i * LANE_STEP]));
  // Over the top: the longest span highest, so lanes nest.
  const overs = routes.filter((r) => r.kind === 'over').sort((a, b) => colOf(b.target)! - colOf(b.source)! - (colOf(a.target)! - colOf(a.source)!));
  overs.forEach((r, i) => laneY.set(r.id, MARGIN + 4 + i * LANE_STEP));

  const edges: EdgeRoute[] = routes.map((r) => {
    const b = box.get(r.source)!;
    let points: Pt[];
    let label: { x: number; y: number };
    let linkLines: string[] | undefined;
    switch (r.kind) {
      case 'adjacent':
      case 'back': {
        const s = portAt(r.source, r.kind === 'adjacent' ? 'right' : 'left', r.id);
        const t = portAt(r.target, r.kind === 'adjacent' ? 'left' : 'right', r.id);
        const tx = trackX.get(r.id)!;
        points = Math.abs(s[1] - t[1]) < 0.5 ? [s, t] : [s, [tx, s[1]], [tx, t[1]], t];
        label = { x: tx, y: (s[1] + t[1]) / 2 };
        break;
      }
      case 'skip': {
        const s = portAt(r.source, 'left', r.id);
        const t = portAt(r.target, 'left', r.id);
        const tx = trackX.get(r.id)!;
        points = [s, [tx, s[1]], [tx, t[1]], t];
        label = { x: tx, y: (s[1] + t[1]) / 2 };
        break;
      }
      case 'over': {
        const s = portAt(r.source, 'right', r.id);
        const t = portAt(r.target, 'left', r.id);
        const up = trackX.get(`${r.id}#up`)!;
        const down = trackX.get(`${r.id}#down`)!;
        const ly = laneY.get(r.id)!;
        points = [s, [up, s[1]], [up, ly], [down, ly], [down, t[1]], t];
        label = { x: (up + down) / 2, y: ly };
        break;
      }
      case 'under': {
        const s = portAt(r.source, 'left', r.id);
        const t = box.get(r.target)!;
        const tx = trackX.get(r.id)!;
        const ly = laneY.get(r.id)!;
        const ex = t.x + t.w * 0.5;
        points = [s, [tx, s[1]], [tx, ly], [ex, ly], [ex, t.y + t.h]];
        label = { x: (tx + ex) / 2, y: ly };
        break;
      }
      case 'stack': {
        const t = box.get(r.target)!;
        const sx = b.x + b.w / 2;
        points = [
          [sx, b.y + b.h],
          [sx, t.y],
        ];
        label = { x: sx, y: (b.y + b.h + t.y) / 2 };
        break;
      }
      case 'end': {
        const s = portAt(r.source, 'right', r.id);
        points = [s, [s[0] + STUB, s[1]]];
        label = { x: s[0] + STUB, y: s[1] };
        break;
      }
      case 'link': {
        const all = linkLinesOf(r.source, b.w);
        let y0 = b.y + b.h - linkBlock(r.source, b.w);
        for (const l of all) {
          if (l.id === r.id) break;
          y0 += l.lines.length * LINE_H + 6;
        }
        linkLines = all.find((l) => l.id === r.id)!.lines;
        const y = y0 + LINE_H * linkLines.length - 6;
        points = [
          [b.x + b.w, y],
          [b.x + b.w + STUB, y],
        ];
        label = { x: b.x + b.w - 8, y: y0 + LINE_H - 4 };
        break;
      }
    }
    return {
      id: r.id,
      source: r.source,
      target: r.target,
      edges: r.edges,
      points,
      d: roundedPath(points),
      label,
      kind: r.kind,
      ...(linkLines ? { linkLines } : {}),
      loop: loopIds.has(r.id),
      fromDecision: byKey.get(r.source)!.decision,
    };
  });

  // A child coming back: from the left end of the closure bar round to the first state.
  let comeBack: PathwayLayout['comeBack'] = null;
  const first = box.get(graph.initial);
  const bar = finalNodes[0] && box.get(finalNodes[0].key);
  if (first && bar && first.column === 0) {
    const yb = bar.y + bar.h / 2;
    const xm = first.x + first.w / 2;
    const points: Pt[] = [
      [bar.x, yb],
      [xm, yb],
      [xm, first.y + first.h],
    ];
    comeBack = { d: roundedPath(points, 14), points, label: { x: xm, y: (yb + first.y + first.h) / 2 } };
  }
  return { width, height, nodes, stages, edges, comeBack };
}
