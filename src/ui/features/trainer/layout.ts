import { path as d3path } from 'd3-path';
import { linkHorizontal, linkVertical } from 'd3-shape';
import type { PathwayEdge, PathwayGraph, PathwayNode } from '../../../../models/graph.ts';
import { isFinalStage, isPassThrough, loopEdges, stageLoops, stageRanks } from './pathway.ts';

/**
 * Lays the pathway graph out as a left-to-right diagram in a fixed logical frame (the SVG
 * viewBox and the dot canvas share it): one column per stage rank, stages stacked in their
 * column, nodes stacked in their stage, final states as a bar along the bottom. Moves between
 * neighbouring columns are d3 links; longer moves run along lanes above the stages and down the
 * gaps; moves to the closure bar drop down the gap beside their source. Pure: numbers and path
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
}

/** One drawn connector: every machine edge between the same two states, merged. */
export interface EdgeRoute {
  id: string;
  source: string;
  target: string;
  edges: PathwayEdge[];
  /** SVG path data. */
  d: string;
  /** Where a label sits. */
  label: { x: number; y: number };
  kind: 'adjacent' | 'back' | 'stack' | 'lane' | 'drop';
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
  comeBack: { d: string; label: { x: number; y: number } } | null;
}

export interface LayoutOptions {
  width?: number;
  height?: number;
  /** Relative heights of nodes within their column (default 1). */
  weights?: Readonly<Record<string, number>>;
}

const MARGIN = 16;
const GAP = 72;
const LANE_STEP = 11;
const HEADER = 30;
const STAGE_PAD = 8;
const STAGE_GAP = 18;
const NODE_GAP = 10;
const NODE_HEADER = 62;
const LINE_H = 20;
const BAR_H = 72;
const PASS_H = 150;

type Pt = [number, number];

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

const hlink = linkHorizontal<{ source: Pt; target: Pt }, Pt>();
const vlink = linkVertical<{ source: Pt; target: Pt }, Pt>();

/** Lays out `graph` in a `width` × `height` frame (default 1600 × 900). */
export function layoutPathway(graph: PathwayGraph, opts: LayoutOptions = {}): PathwayLayout {
  const width = opts.width ?? 1600;
  const height = opts.height ?? 900;
  const weight = (k: string) => opts.weights?.[k] ?? 1;
  const { rank } = stageRanks(graph);
  const loops = stageLoops(graph);
  const inLoop = new Set(loops.flat());
  const loopIds = new Set(loopEdges(graph).map((e) => `${e.source}>${e.target}`));
  const byKey = new Map(graph.nodes.map((n) => [n.key, n]));

  // Columns: stage ranks of non-final stages, renumbered densely.
  const columnStages: string[][] = [];
  const ranks = [...new Set(graph.stages.filter((s) => !isFinalStage(graph, s.key)).map((s) => rank.get(s.key)!))].sort((a, b) => a - b);
  for (const r of ranks) columnStages.push(graph.stages.filter((s) => !isFinalStage(graph, s.key) && rank.get(s.key) === r).map((s) => s.key));
  const passThroughColumn = (c: number) => columnStages[c]!.every((s) => graph.nodes.filter((n) => n.stage === s).every(isPassThrough));
  const colWeights = columnStages.map((_, c) => (passThroughColumn(c) ? 0.6 : 1));
  const finalNodes = graph.nodes.filter((n) => n.final);

  // Lanes above the stages: count long moves first, so the stage area starts below them.
  const colOfStage = new Map<string, number>();
  columnStages.forEach((ss, c) => ss.forEach((s) => colOfStage.set(s, c)));
  const colOf = (k: string) => colOfStage.get(byKey.get(k)!.stage);
  const groups = new Map<string, PathwayEdge[]>();
  for (const e of graph.edges) {
    const id = `${e.source}>${e.target}`;
    if (!groups.has(id)) groups.set(id, []);
    groups.get(id)!.push(e);
  }
  const kindOf = (s: string, t: string): EdgeRoute['kind'] => {
    const cs = colOf(s)!;
    const ct = colOf(t);
    if (ct === undefined) return 'drop';
    if (ct === cs + 1) return 'adjacent';
    if (ct === cs - 1) return 'back';
    if (ct === cs) return 'stack';
    return 'lane';
  };
  const laneKeys = [...groups.keys()].filter((id) => {
    const [s, t] = id.split('>') as [string, string];
    return kindOf(s, t) === 'lane';
  });
  const laneTop = MARGIN + 4;
  const areaTop = laneTop + laneKeys.length * LANE_STEP + 14;
  const barY = height - MARGIN - (finalNodes.length ? BAR_H : 0);
  const areaBottom = finalNodes.length ? barY - 46 : height - MARGIN;

  // Column x positions: a gap after every column (drops run down it).
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

  // Stages and nodes down each column.
  const stages: StageBox[] = [];
  const nodes: NodeBox[] = [];
  columnStages.forEach((ss, c) => {
    const stageNodes = ss.map((s) => graph.stages.find((g) => g.key === s)!.nodes.map((k) => byKey.get(k)!));
    if (passThroughColumn(c)) {
      const h = PASS_H;
      let y = areaTop + (areaBottom - areaTop - h * ss.length - STAGE_GAP * (ss.length - 1)) / 2;
      ss.forEach((s, i) => {
        const n = stageNodes[i]![0]!;
        stages.push({ key: s, label: graph.stages.find((g) => g.key === s)!.label, x: colX[c]!, y, w: colW[c]!, h, loop: inLoop.has(s) });
        nodes.push({ node: n, lines: [n.label], x: colX[c]!, y, w: colW[c]!, h, dots: { x: colX[c]! + 8, y: y + NODE_HEADER + 20, w: colW[c]! - 16, h: 0 }, column: c });
        y += h + STAGE_GAP;
      });
      return;
    }
    const fixed = ss.length * (HEADER + 2 * STAGE_PAD) + (ss.length - 1) * STAGE_GAP + stageNodes.reduce((a, ns) => a + (ns.length - 1) * NODE_GAP, 0);
    const totalW = stageNodes.flat().reduce((a, n) => a + weight(n.key), 0);
    const per = (areaBottom - areaTop - fixed) / totalW;
    let y = areaTop;
    ss.forEach((s, i) => {
      const ns = stageNodes[i]!;
      const h = HEADER + 2 * STAGE_PAD + ns.reduce((a, n) => a + weight(n.key) * per, 0) + (ns.length - 1) * NODE_GAP;
      stages.push({ key: s, label: graph.stages.find((g) => g.key === s)!.label, x: colX[c]!, y, w: colW[c]!, h, loop: inLoop.has(s) });
      let ny = y + HEADER + STAGE_PAD;
      const nx = colX[c]! + STAGE_PAD;
      const nw = colW[c]! - 2 * STAGE_PAD;
      for (const n of ns) {
        const nh = weight(n.key) * per;
        const lines = wrapLabel(`${n.decision ? '◆ ' : ''}${n.label}`, nw - 16);
        const top = NODE_HEADER + (lines.length - 1) * LINE_H;
        nodes.push({ node: n, lines, x: nx, y: ny, w: nw, h: nh, dots: { x: nx + 7, y: ny + top, w: nw - 14, h: Math.max(0, nh - top - 6) }, column: c });
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
      stages.push({ key: n.stage, label: graph.stages.find((g) => g.key === n.stage)!.label, ...r, loop: false });
      nodes.push({ node: n, lines: [n.label], ...r, dots: { x: r.x + 240, y: r.y + 8, w: r.w - 250, h: r.h - 16 }, column: -1 });
    });
  }
  const box = new Map(nodes.map((b) => [b.node.key, b]));

  // Ports: where each connector leaves and enters a box, spread along the side it uses.
  const routes = [...groups.entries()].map(([id, edges]) => {
    const [source, target] = id.split('>') as [string, string];
    return { id, source, target, edges, kind: kindOf(source, target) };
  });
  const cy = (k: string) => box.get(k)!.y + box.get(k)!.h / 2;
  type Side = 'right' | 'left' | 'top' | 'bottom';
  const ports = new Map<string, { side: Side; order: number; id: string }[]>();
  const addPort = (node: string, side: Side, order: number, id: string) => {
    const key = `${node}:${side}`;
    if (!ports.has(key)) ports.set(key, []);
    ports.get(key)!.push({ side, order, id });
  };
  for (const r of routes) {
    const other = (k: string) => (r.kind === 'lane' ? -1 : r.kind === 'drop' ? 1e6 : cy(k));
    if (r.kind === 'adjacent' || r.kind === 'lane' || r.kind === 'drop') {
      addPort(r.source, 'right', other(r.target), r.id);
      if (r.kind === 'drop') addPort(r.target, 'top', box.get(r.source)!.x, r.id);
      else addPort(r.target, 'left', r.kind === 'lane' ? -1 : cy(r.source), r.id);
    } else if (r.kind === 'back') {
      addPort(r.source, 'left', cy(r.target), r.id);
      addPort(r.target, 'right', cy(r.source), r.id);
    } else {
      const below = cy(r.target) > cy(r.source);
      const adjacentBelow = below && nextInColumn(r.source) === r.target;
      addPort(r.source, adjacentBelow ? 'bottom' : 'left', cy(r.target), r.id);
      addPort(r.target, adjacentBelow ? 'top' : 'left', cy(r.source), r.id);
    }
  }
  function nextInColumn(k: string): string | undefined {
    const b = box.get(k)!;
    return nodes
      .filter((n) => n.column === b.column && n.y > b.y)
      .sort((a, c) => a.y - c.y)[0]?.node.key;
  }
  const portAt = (node: string, side: Side, id: string): Pt => {
    const list = ports.get(`${node}:${side}`)!.slice().sort((a, b) => a.order - b.order);
    const i = list.findIndex((p) => p.id === id);
    const b = box.get(node)!;
    const f = (i + 1) / (list.length + 1);
    if (side === 'right' || side === 'left') {
      const top = b.y + Math.min(24, b.h / 4);
      const span = Math.max(0, b.h - 2 * Math.min(24, b.h / 4));
      return [side === 'right' ? b.x + b.w : b.x, top + span * f];
    }
    if (side === 'top' && b.column === -1) {
      // Drops arrive where their gap meets the bar.
      return [NaN, b.y];
    }
    return [b.x + b.w * (0.3 + 0.4 * f), side === 'top' ? b.y : b.y + b.h];
  };

  // Vertical runs in each gap (gap c is right of column c), assigned left to right.
  const gapRuns = new Map<number, number>();
  const gapX = (c: number) => {
    const k = gapRuns.get(c) ?? 0;
    gapRuns.set(c, k + 1);
    return colX[c]! + colW[c]! + 14 + ((k * 9) % (GAP - 24));
  };
  // Lanes: longer spans higher up so lanes nest without crossing.
  const laneOrder = routes
    .filter((r) => r.kind === 'lane')
    .sort((a, b) => Math.abs(colOf(b.target)! - colOf(b.source)!) - Math.abs(colOf(a.target)! - colOf(a.source)!));
  const laneY = new Map(laneOrder.map((r, i) => [r.id, laneTop + i * LANE_STEP]));

  const edges: EdgeRoute[] = routes.map((r) => {
    const fromDecision = byKey.get(r.source)!.decision;
    const loop = loopIds.has(r.id);
    let d: string;
    let label: { x: number; y: number };
    const s0 = r.kind === 'back' ? portAt(r.source, 'left', r.id) : r.kind === 'stack' ? null : portAt(r.source, 'right', r.id);
    switch (r.kind) {
      case 'adjacent': {
        const t = portAt(r.target, 'left', r.id);
        d = hlink({ source: s0!, target: t })!;
        label = { x: (s0![0] + t[0]) / 2, y: (s0![1] + t[1]) / 2 };
        break;
      }
      case 'back': {
        const t = portAt(r.target, 'right', r.id);
        d = hlink({ source: s0!, target: t })!;
        label = { x: (s0![0] + t[0]) / 2, y: (s0![1] + t[1]) / 2 };
        break;
      }
      case 'drop': {
        const gx = gapX(colOf(r.source)!);
        const by = box.get(r.target)!.y;
        d = roundedPath([s0!, [gx, s0![1]], [gx, by]]);
        label = { x: gx, y: (s0![1] + by) / 2 };
        break;
      }
      case 'lane': {
        const ly = laneY.get(r.id)!;
        const up = gapX(colOf(r.source)!);
        const down = gapX(colOf(r.target)! - 1);
        const t = portAt(r.target, 'left', r.id);
        d = roundedPath([s0!, [up, s0![1]], [up, ly], [down, ly], [down, t[1]], t]);
        label = { x: (up + down) / 2, y: ly };
        break;
      }
      case 'stack': {
        const below = cy(r.target) > cy(r.source) && nextInColumn(r.source) === r.target;
        if (below) {
          const s = portAt(r.source, 'bottom', r.id);
          const t = portAt(r.target, 'top', r.id);
          d = vlink({ source: s, target: t })!;
          label = { x: s[0], y: (s[1] + t[1]) / 2 };
        } else {
          const s = portAt(r.source, 'left', r.id);
          const t = portAt(r.target, 'left', r.id);
          const c = box.get(r.source)!.column;
          const gx = c > 0 ? gapX(c - 1) : s[0] - 10;
          d = roundedPath([s, [gx, s[1]], [gx, t[1]], t]);
          label = { x: gx, y: (s[1] + t[1]) / 2 };
        }
        break;
      }
    }
    return { id: r.id, source: r.source, target: r.target, edges: r.edges, d, label, kind: r.kind, loop, fromDecision };
  });

  // A child coming back: from the left end of the closure bar round to the first state.
  let comeBack: PathwayLayout['comeBack'] = null;
  const first = box.get(graph.initial);
  const bar = finalNodes[0] && box.get(finalNodes[0].key);
  if (first && bar && first.column === 0) {
    const yb = bar.y + bar.h / 2;
    const xm = first.x + first.w / 2;
    comeBack = { d: roundedPath([[bar.x, yb], [xm, yb], [xm, first.y + first.h]], 14), label: { x: xm, y: (yb + first.y + first.h) / 2 } };
  }
  return { width, height, nodes, stages, edges, comeBack };
}
