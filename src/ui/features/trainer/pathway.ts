import type { PathwayEdge, PathwayGraph, PathwayNode } from '../../../../models/graph.ts';

/**
 * What the trainer highlights, worked out from the pathway graph rather than named by hand: the
 * order of stages (longest path, with back edges set aside), the duplication loops (moves
 * between stages that can send a case back, and work flagged as rework) and the threshold
 * decisions (`meta.decision`). Pure functions of the graph.
 */

/** Key of a stage whose nodes are all final (drawn as the closure bar, not a column). */
export function isFinalStage(graph: PathwayGraph, stage: string): boolean {
  const nodes = graph.nodes.filter((n) => n.stage === stage);
  return nodes.length > 0 && nodes.every((n) => n.final);
}

/** Stage-to-stage moves (distinct, in edge order), ignoring moves within a stage. */
export function stageEdges(graph: PathwayGraph): [string, string][] {
  const stageOf = new Map(graph.nodes.map((n) => [n.key, n.stage]));
  const seen = new Set<string>();
  const out: [string, string][] = [];
  for (const e of graph.edges) {
    const a = stageOf.get(e.source)!;
    const b = stageOf.get(e.target)!;
    if (a !== b && !seen.has(`${a}>${b}`)) {
      seen.add(`${a}>${b}`);
      out.push([a, b]);
    }
  }
  return out;
}

/**
 * Column of each stage: the longest path from the initial stage over stage moves, after a
 * depth-first search (in document order) has set aside the moves that go back to a stage still
 * being explored. Returns the ranks and those back moves.
 */
export function stageRanks(graph: PathwayGraph): { rank: Map<string, number>; back: Set<string> } {
  const stages = graph.stages.map((s) => s.key);
  const out = new Map<string, string[]>(stages.map((s) => [s, []]));
  for (const [a, b] of stageEdges(graph)) out.get(a)!.push(b);
  const back = new Set<string>();
  const state = new Map<string, 'open' | 'done'>();
  const order: string[] = [];
  const visit = (s: string) => {
    state.set(s, 'open');
    for (const t of out.get(s)!) {
      if (state.get(t) === 'open') back.add(`${s}>${t}`);
      else if (!state.has(t)) visit(t);
    }
    state.set(s, 'done');
    order.push(s);
  };
  const initialStage = graph.nodes.find((n) => n.key === graph.initial)!.stage;
  visit(initialStage);
  for (const s of stages) if (!state.has(s)) visit(s);
  const rank = new Map<string, number>(stages.map((s) => [s, 0]));
  for (const s of order.reverse()) {
    for (const t of out.get(s)!) if (!back.has(`${s}>${t}`)) rank.set(t, Math.max(rank.get(t)!, rank.get(s)! + 1));
  }
  return { rank, back };
}

/** Strongly connected components of the stage graph with more than one stage (the loops). */
export function stageLoops(graph: PathwayGraph): string[][] {
  const stages = graph.stages.map((s) => s.key);
  const out = new Map<string, string[]>(stages.map((s) => [s, []]));
  for (const [a, b] of stageEdges(graph)) out.get(a)!.push(b);
  // Tarjan's algorithm.
  let index = 0;
  const idx = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const comps: string[][] = [];
  const strong = (v: string) => {
    idx.set(v, index);
    low.set(v, index++);
    stack.push(v);
    onStack.add(v);
    for (const w of out.get(v)!) {
      if (!idx.has(w)) {
        strong(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, idx.get(w)!));
    }
    if (low.get(v) === idx.get(v)) {
      const comp: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        comp.push(w);
      } while (w !== v);
      if (comp.length > 1) comps.push(comp.sort((a, b) => stages.indexOf(a) - stages.indexOf(b)));
    }
  };
  for (const s of stages) if (!idx.has(s)) strong(s);
  return comps;
}

/**
 * Moves that are part of a duplication loop: between two stages of one loop (a case screened in
 * one place and sent on to be screened, or sent back, in another), or into, within or out of a
 * state flagged as rework.
 */
export function loopEdges(graph: PathwayGraph): PathwayEdge[] {
  const stageOf = new Map(graph.nodes.map((n) => [n.key, n]));
  const loopOf = new Map<string, number>();
  stageLoops(graph).forEach((comp, i) => comp.forEach((s) => loopOf.set(s, i)));
  return graph.edges.filter((e) => {
    const a = stageOf.get(e.source)!;
    const b = stageOf.get(e.target)!;
    const sameLoop = a.stage !== b.stage && loopOf.has(a.stage) && loopOf.get(a.stage) === loopOf.get(b.stage);
    return sameLoop || a.rework || b.rework;
  });
}

/**
 * States where work is done again: states flagged as rework, and the states a case reaches in
 * another stage of a loop (a duty manager screening a contact the front door already screened),
 * with the states that follow them within that stage.
 */
export function loopNodes(graph: PathwayGraph): Set<string> {
  const byKey = new Map(graph.nodes.map((n) => [n.key, n]));
  const out = new Set(graph.nodes.filter((n) => n.rework).map((n) => n.key));
  const loops = stageLoops(graph);
  const sameLoop = (a: string, b: string) => a !== b && loops.some((l) => l.includes(a) && l.includes(b));
  const queue = graph.edges.filter((e) => sameLoop(byKey.get(e.source)!.stage, byKey.get(e.target)!.stage)).map((e) => e.target);
  while (queue.length) {
    const k = queue.pop()!;
    if (out.has(k) && !byKey.get(k)!.rework) continue;
    out.add(k);
    for (const e of graph.edges) if (e.source === k && byKey.get(e.target)!.stage === byKey.get(k)!.stage && !out.has(e.target)) queue.push(e.target);
  }
  return out;
}

/** Nodes where a threshold decision is made. */
export function decisionNodes(graph: PathwayGraph): PathwayNode[] {
  return graph.nodes.filter((n) => n.decision);
}

/** Nodes a case passes through at once (no entry action, not final): shown as a doorway, not a queue. */
export function isPassThrough(n: PathwayNode): boolean {
  return n.entry.length === 0 && !n.final;
}

/**
 * A short caption for a duplication loop's connector ("screened again"), or null for a move that
 * needs none (a queue reaching its worker). Unknown routes are spelt out.
 */
export function loopCaption(edges: readonly { route: string | null; event: string }[]): string | null {
  const short: Record<string, string> = {
    forwardForDecision: 'screened again',
    referral: 'screened again',
    returnForReclassification: 'sent back',
    RECLASSIFIED: 'reclassified',
  };
  for (const e of edges) {
    const k = e.route ?? e.event;
    if (short[k]) return short[k];
  }
  const routed = edges.find((e) => e.route);
  return routed ? routeWords(routed.route, routed.event) : null;
}

/** Plain words for a route, as a trainer would say it (unknown routes are spelt out from their name). */
export function routeWords(route: string | null, event: string): string {
  const words: Record<string, string> = {
    screen: 'to the contact centre',
    dutyScreen: 'to the duty team',
    direct: 'straight to assessment',
    fastTrack: 'child protection: fast-tracked',
    forwardForDecision: 'known child: screened again',
    referral: 'referral: to the duty manager',
    accepted: 'accepted for assessment',
    signposted: 'signposted, closed',
    earlyHelp: 'to early help',
    linked: 'linked to an open case',
    returnForReclassification: 'sent back to be reclassified',
    noFurtherAction: 'no further action',
    closedBeforeAssessment: 'referral closed before assessment',
    coreAssessment: 'core assessment needed',
    childInNeed: 'child in need plan',
    childProtectionPlan: 'child protection plan',
    closed: 'closed',
  };
  if (route) return words[route] ?? spell(route);
  const byEvent: Record<string, string> = {
    SCREENING_STARTED: 'a screener is free',
    REVIEW_STARTED: 'a duty manager is free',
    RECLASSIFICATION_STARTED: 'a screener is free',
    RECLASSIFIED: 'reclassified as a referral',
    ALLOCATED: 'a social worker is allocated',
    PLAN_ENDED: 'plan ends',
    EARLY_HELP_ENDED: 'early help ends',
  };
  return byEvent[event] ?? spell(event);
}

function spell(name: string): string {
  const s = name
    .replace(/_/g, ' ')
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase();
  return s.charAt(0).toUpperCase() + s.slice(1);
}
