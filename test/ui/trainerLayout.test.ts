import { describe, expect, it } from 'vitest';
import { createMachine } from 'xstate';
import { caseJourneyMachine } from '../../models/caseJourney.machine.ts';
import { entryRoutesOf } from '../../models/caseJourney.rules.ts';
import { pathwayGraph, reachedBy } from '../../models/graph.ts';
import { PRESETS } from '../../src/scenario/presets.ts';
import { TRAINER_LAYOUT } from '../../src/ui/features/trainer/diagramOptions.ts';
import { layoutPathway, wrapLabel, type Rect } from '../../src/ui/features/trainer/layout.ts';
import { decisionNodes, loopCaption, loopEdges, loopNodes, stageLoops, stageRanks } from '../../src/ui/features/trainer/pathway.ts';

/**
 * The trainer's diagram layout and highlights, computed from the machine's graph: the stages a
 * contact-centre front door reaches (the trainer draws each pane's front door, models/graph.ts
 * reachedBy), and below, every preset's front door.
 */
const graph = reachedBy(pathwayGraph(caseJourneyMachine), ['screen', 'dutyScreen', 'direct']);
const layout = layoutPathway(graph, TRAINER_LAYOUT);

const overlaps = (a: Rect, b: Rect) => a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
const inside = (a: Rect, b: Rect) => a.x >= b.x - 1e-9 && a.y >= b.y - 1e-9 && a.x + a.w <= b.x + b.w + 1e-9 && a.y + a.h <= b.y + b.h + 1e-9;

describe('pathway layout', () => {
  it('gives every state of the machine exactly one box, inside the frame, none overlapping', () => {
    expect(layout.nodes.map((b) => b.node.key).sort()).toEqual(graph.nodes.map((n) => n.key).sort());
    const frame = { x: 0, y: 0, w: layout.width, h: layout.height };
    for (const b of layout.nodes) expect(inside(b, frame), b.node.key).toBe(true);
    for (const a of layout.nodes) for (const b of layout.nodes) if (a !== b) expect(overlaps(a, b), `${a.node.key} / ${b.node.key}`).toBe(false);
  });

  it('keeps each state’s dot area inside its box, clear of its label (below it; beside it in the closure bar)', () => {
    for (const b of layout.nodes) {
      expect(inside(b.dots, b), b.node.key).toBe(true);
      if (b.node.final) expect(b.dots.x).toBeGreaterThanOrEqual(b.x + 200);
      else if (b.dots.h > 0) expect(b.dots.y).toBeGreaterThanOrEqual(b.y + 40 + 20 * (b.lines.length - 1));
    }
  });

  it('draws every machine edge exactly once, merging edges between the same two states', () => {
    const drawn = layout.edges.flatMap((r) => r.edges);
    expect(drawn).toHaveLength(graph.edges.length);
    expect(new Set(drawn)).toEqual(new Set(graph.edges));
    for (const r of layout.edges) {
      expect(r.d).toMatch(/^M[\d.-]/);
      for (const e of r.edges) expect([e.source, e.target]).toEqual([r.source, r.target]);
    }
  });

  it('flows left to right: a move goes to a later column unless it is a back edge, stays in a column, or closes', () => {
    const col = new Map(layout.nodes.map((b) => [b.node.key, b.column]));
    for (const r of layout.edges) {
      const a = col.get(r.source)!;
      const b = col.get(r.target)!;
      if (r.kind === 'end') expect(b).toBe(-1);
      else if (r.kind === 'back') expect(b).toBeLessThan(a);
      else if (r.kind === 'stack' || r.kind === 'skip') expect(b).toBe(a);
      else expect(b).toBeGreaterThan(a);
    }
  });

  it('puts the final state in a bar along the bottom and draws a child coming back from it to the start', () => {
    const closed = layout.nodes.find((b) => b.node.final)!;
    for (const b of layout.nodes) if (b !== closed) expect(b.y + b.h).toBeLessThanOrEqual(closed.y);
    expect(layout.comeBack).not.toBeNull();
  });

  it('wraps a long label into at most two lines that fit', () => {
    expect(wrapLabel('Screening', 200)).toEqual(['Screening']);
    const lines = wrapLabel('Awaiting transfer to a long-term team', 220);
    expect(lines.length).toBe(2);
    for (const l of lines) expect(l.length * 18 * 0.56).toBeLessThanOrEqual(220);
  });
});

describe('what the trainer highlights, read from the graph', () => {
  it('finds the contact centre and duty team as one loop (a case can be sent back)', () => {
    expect(stageLoops(graph)).toEqual([['contactCentre', 'dutyTeam']]);
  });

  it('marks the double screening and the reclassification bounce as duplication, and nothing at assessment', () => {
    const ids = new Set(loopEdges(graph).map((e) => `${e.source}>${e.target}`));
    expect(ids).toContain('contactCentre.screening>dutyTeam.awaitingDutyReview');
    expect(ids).toContain('dutyTeam.dutyReview>contactCentre.awaitingReclassification');
    expect(ids).toContain('contactCentre.awaitingReclassification>contactCentre.reclassifying');
    for (const id of ids) expect(id.startsWith('assessment.') && id.includes('>assessment.')).toBe(false);
  });

  it('marks as repeat work the duty manager’s second screening and the reclassification, not the first screening or allocation', () => {
    expect([...loopNodes(graph)].sort()).toEqual([
      'contactCentre.awaitingReclassification',
      'contactCentre.reclassifying',
      'dutyTeam.awaitingDutyReview',
      'dutyTeam.dutyReview',
    ]);
    const caption = (s: string, t: string) => loopCaption(graph.edges.filter((e) => e.source === s && e.target === t));
    expect(caption('contactCentre.screening', 'dutyTeam.awaitingDutyReview')).toBe('screened again');
    expect(caption('dutyTeam.dutyReview', 'contactCentre.awaitingReclassification')).toBe('sent back');
    expect(caption('contactCentre.awaitingReclassification', 'contactCentre.reclassifying')).toBeNull();
  });

  it('the threshold decisions are exactly the states flagged as decisions', () => {
    expect(decisionNodes(graph).map((n) => n.key)).toEqual(graph.nodes.filter((n) => n.decision).map((n) => n.key));
    expect(decisionNodes(graph).map((n) => n.key)).toContain('contactCentre.screening');
  });

  it('ranks stages by longest path with back edges set aside, on any machine', () => {
    const m = createMachine({
      id: 'toy',
      initial: 'a',
      states: { a: { on: { X: 'b' } }, b: { on: { Y: 'c', Z: 'a' } }, c: { on: { W: 'd' } }, d: { type: 'final' } },
    });
    const g = pathwayGraph(m);
    const { rank, back } = stageRanks(g);
    expect(Object.fromEntries(rank)).toEqual({ a: 0, b: 1, c: 2, d: 3 });
    expect([...back]).toEqual(['b>a']);
    const l = layoutPathway(g);
    expect(l.edges.find((e) => e.source === 'b' && e.target === 'a')!.kind).toBe('back');
  });
});

describe('every front door the presets have is laid out unaided', () => {
  const doors = new Map(PRESETS.map((p) => [entryRoutesOf(p.frontDoor).join('+'), p]));
  it.for([...doors.values()].map((p) => [p.id, p] as const))('%s: a box each, inside the frame, none overlapping, dots clear of labels', ([, preset]) => {
    const g = reachedBy(pathwayGraph(caseJourneyMachine), entryRoutesOf(preset.frontDoor));
    const l = layoutPathway(g, TRAINER_LAYOUT);
    expect(l.nodes.map((b) => b.node.key).sort()).toEqual(g.nodes.map((n) => n.key).sort());
    const frame = { x: 0, y: 0, w: l.width, h: l.height };
    for (const b of l.nodes) {
      expect(inside(b, frame), b.node.key).toBe(true);
      expect(inside(b.dots, b), b.node.key).toBe(true);
      if (!b.node.final && b.dots.h > 0) expect(b.dots.y, b.node.key).toBeGreaterThanOrEqual(b.y + 40 + 20 * (b.lines.length - 1));
    }
    for (const a of l.nodes) for (const b of l.nodes) if (a !== b) expect(overlaps(a, b), `${a.node.key} / ${b.node.key}`).toBe(false);
  });
});
