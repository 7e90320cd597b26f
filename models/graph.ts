import type { AnyStateMachine, AnyStateNode } from 'xstate';
import type { Activity } from './activity.ts';

/**
 * The case journey as a graph, read from an XState machine definition: every atomic or final
 * state is a node (with its practice-vocabulary label and flags from `meta`), every guarded
 * transition is an edge (with its event, the `route` its guard tests and its actions). The
 * trainer's pathway diagram is drawn from this, so it cannot disagree with the model. Pure: no
 * layout, no DOM, no engine; it only walks the state nodes.
 */

/** One state a case can rest in (an atomic or final state of the machine). */
export interface PathwayNode {
  /** Dotted key, as the engine names states (`contactCentre.screening`, `closed`). */
  key: string;
  /** Practice-vocabulary label from `meta.label` (the key if there is none). */
  label: string;
  /** Key of the top-level state that holds it (its stage); a top-level leaf is its own stage. */
  stage: string;
  /** Whether cases wait here for staff (its activity is a queue). */
  queue: boolean;
  /** Whether a threshold decision is made here (its activity ends with a decision rule). */
  decision: boolean;
  /** Whether being here is work done again (`meta.rework`). */
  rework: boolean;
  /** Whether this is a final state (the journey ends). */
  final: boolean;
  /** Engine actions run on entering the state (a state with none is passed through at once). */
  entry: string[];
}

/** One possible move between two states. */
export interface PathwayEdge {
  source: string;
  target: string;
  /** The event that causes it (`SCREENED`). */
  event: string;
  /** The route its guard tests (`guard.params.route`), or null for an unguarded transition. */
  route: string | null;
  /** Actions on the transition itself (not entry or exit), e.g. `recordReferral`. */
  actions: string[];
}

/** A top-level state: a stage of the pathway (contact centre, duty team, ...). */
export interface PathwayStage {
  key: string;
  label: string;
  /** Keys of its nodes in document order. */
  nodes: string[];
}

/** The machine as nodes, edges and stages, in the machine's document order. */
export interface PathwayGraph {
  /** The machine's id. */
  id: string;
  /** Key of the state a new case starts in. */
  initial: string;
  nodes: PathwayNode[];
  edges: PathwayEdge[];
  stages: PathwayStage[];
}

type Meta = { label?: unknown; rework?: unknown; activity?: Activity };

const keyOf = (n: AnyStateNode) => n.path.join('.');
const metaOf = (n: AnyStateNode): Meta => (n.meta ?? {}) as Meta;
/** An action's name: a string, a function's name, or an action object's `type` (params are dropped). */
const actionName = (a: unknown): string =>
  typeof a === 'string' ? a : typeof a === 'function' ? a.name || '(inline)' : String((a as { type?: unknown })?.type ?? '(unknown)');

/** The leaf a transition into `n` comes to rest in (following initial states down). */
function restingLeaf(n: AnyStateNode): AnyStateNode {
  let node = n;
  while (node.type === 'compound') {
    const target = node.initial?.target?.[0];
    if (!target) throw new Error(`state ${keyOf(node)} has no initial state`);
    node = target;
  }
  if (node.type !== 'atomic' && node.type !== 'final') {
    throw new Error(`state ${keyOf(node)} is ${node.type}: only atomic, compound and final states are supported`);
  }
  return node;
}

function leavesOf(n: AnyStateNode): AnyStateNode[] {
  if (n.type === 'atomic' || n.type === 'final') return [n];
  if (n.type !== 'compound') throw new Error(`state ${keyOf(n)} is ${n.type}: only atomic, compound and final states are supported`);
  return Object.values(n.states).flatMap(leavesOf);
}

/** Reads `machine`'s states and transitions (including guard params) into a graph. */
export function pathwayGraph(machine: AnyStateMachine): PathwayGraph {
  const root = machine.root;
  const stages: PathwayStage[] = [];
  const nodes: PathwayNode[] = [];
  const edges: PathwayEdge[] = [];
  for (const top of Object.values(root.states)) {
    const leaves = leavesOf(top);
    stages.push({ key: top.key, label: labelOf(top), nodes: leaves.map(keyOf) });
    for (const leaf of leaves) {
      const m = metaOf(leaf);
      nodes.push({
        key: keyOf(leaf),
        label: labelOf(leaf),
        stage: top.key,
        queue: m.activity?.kind === 'queueForStaff' || m.activity?.kind === 'queueForPlace',
        decision: m.activity !== undefined && 'decide' in m.activity && typeof m.activity.decide === 'function',
        rework: m.rework === true,
        final: leaf.type === 'final',
        entry: leaf.entry.map(actionName),
      });
      edges.push(...edgesFrom(leaf));
    }
  }
  return { id: machine.id, initial: keyOf(restingLeaf(root)), nodes, edges, stages };
}

function labelOf(n: AnyStateNode): string {
  const label = metaOf(n).label;
  return typeof label === 'string' ? label : n.key;
}

/** Transitions a case in `leaf` can take: its own, then its ancestors' (which apply to it too). */
function edgesFrom(leaf: AnyStateNode): PathwayEdge[] {
  const out: PathwayEdge[] = [];
  const seen = new Set<string>();
  for (let n: AnyStateNode | undefined = leaf; n && n.parent; n = n.parent) {
    const lists = [...n.transitions.values(), n.always ?? []];
    for (const list of lists) {
      for (const t of list) {
        const targets = t.target ?? [];
        for (const target of targets) {
          const params = (t.guard as { params?: { route?: unknown } } | undefined)?.params;
          const route = typeof params?.route === 'string' ? params.route : null;
          const edge: PathwayEdge = {
            source: keyOf(leaf),
            target: keyOf(restingLeaf(target)),
            event: t.eventType || '(always)',
            route,
            actions: t.actions.map(actionName),
          };
          const id = `${edge.event}:${edge.route}:${edge.target}`;
          if (!seen.has(id)) {
            seen.add(id);
            out.push(edge);
          }
        }
      }
    }
  }
  return out;
}

/**
 * The part of the graph a front door reaches: every stage holding a state reachable from the start
 * through the entry routes given (each such stage whole, so a stage a case can only come back to
 * is drawn as it is), the final states, and every edge among them. A view of one front door draws
 * this (the trainer), so a structure's stages are shown without the stages of the others.
 */
export function reachedBy(graph: PathwayGraph, entryRoutes: readonly string[]): PathwayGraph {
  const reached = new Set([graph.initial]);
  const todo = [graph.initial];
  while (todo.length) {
    const key = todo.pop()!;
    for (const e of graph.edges) {
      if (e.source !== key || reached.has(e.target)) continue;
      if (key === graph.initial && e.route !== null && !entryRoutes.includes(e.route)) continue;
      reached.add(e.target);
      todo.push(e.target);
    }
  }
  const stages = graph.stages.filter((g) => g.nodes.some((k) => reached.has(k) || graph.nodes.find((n) => n.key === k)!.final));
  const kept = new Set(stages.flatMap((g) => g.nodes));
  return { ...graph, stages, nodes: graph.nodes.filter((n) => kept.has(n.key)), edges: graph.edges.filter((e) => kept.has(e.source) && kept.has(e.target)) };
}

/**
 * The graph in a statutory framework's words: under Working Together 2013 onwards the initial
 * stage is a single assessment and the core stage is the same assessment carrying on (the engine
 * keeps one clock and one completion; src/scenario/framework.ts), so no "core assessment" is drawn.
 */
export function inFrameworkWords(graph: PathwayGraph, framework: '2000' | 'wt2010' | 'wt2013'): PathwayGraph {
  if (framework !== 'wt2013') return graph;
  const words: Record<string, string> = { 'Initial assessment': 'Single assessment', 'Core assessment': 'Single assessment (more work)' };
  return { ...graph, nodes: graph.nodes.map((n) => (words[n.label] ? { ...n, label: words[n.label]! } : n)) };
}
