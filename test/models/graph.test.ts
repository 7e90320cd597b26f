import { describe, expect, it } from 'vitest';
import { createMachine, setup } from 'xstate';
import { getStateNodes } from 'xstate/graph';
import { caseJourneyMachine } from '../../models/caseJourney.machine.ts';
import { reachedBy, pathwayGraph } from '../../models/graph.ts';
import { ALL_EVENTS, LEAF_STATES, step } from '../fixtures/journey.ts';

/**
 * The pathway graph the trainer draws is read from the machine definition. These tests check it
 * against XState itself: every edge is a move `transition` makes, and every move is an edge.
 */
const graph = pathwayGraph(caseJourneyMachine);

describe('pathwayGraph(caseJourneyMachine)', () => {
  it('has one node per atomic or final state, with the same dotted keys the engine uses', () => {
    const fromXState = getStateNodes(caseJourneyMachine.root)
      .filter((n) => n.type === 'atomic' || n.type === 'final')
      .map((n) => n.path.join('.'));
    expect(graph.nodes.map((n) => n.key).sort()).toEqual([...fromXState].sort());
    expect(graph.nodes.map((n) => n.key).sort()).toEqual([...LEAF_STATES].sort());
  });

  it('takes labels and flags from meta, in practice vocabulary', () => {
    const byKey = new Map(graph.nodes.map((n) => [n.key, n]));
    expect(byKey.get('contactCentre.awaitingReclassification')).toMatchObject({
      label: 'Returned for reclassification',
      queue: true,
      rework: true,
      stage: 'contactCentre',
    });
    expect(byKey.get('dutyTeam.dutyReview')).toMatchObject({ label: 'Duty manager decision', decision: true, queue: false });
    expect(byKey.get('closed')).toMatchObject({ label: 'Closed', final: true });
    for (const n of graph.nodes) expect(n.label).not.toBe(n.key.split('.').pop());
  });

  it('starts where the machine starts', () => {
    expect(graph.initial).toBe('contactReceived');
  });

  it('groups nodes into the top-level stages, in document order', () => {
    expect(graph.stages.map((s) => s.key)).toEqual(['contactReceived', 'contactCentre', 'mash', 'dutyTeam', 'assessment', 'services', 'earlyHelp', 'closed']);
    expect(graph.stages.flatMap((s) => s.nodes)).toEqual(graph.nodes.map((n) => n.key));
  });

  it('every edge is a move XState makes for that event and route, and every move is an edge', () => {
    const moves = new Set<string>();
    for (const from of LEAF_STATES) {
      for (const event of ALL_EVENTS) {
        const out = step(from, event);
        if (!out.ignored) moves.add(`${from} ${event.type} ${'route' in event ? event.route : null} ${out.next}`);
      }
    }
    const edges = new Set(graph.edges.map((e) => `${e.source} ${e.event} ${e.route} ${e.target}`));
    expect([...edges].sort()).toEqual([...moves].sort());
  });

  it('keeps transition actions (a referral is recorded on the edge, not the state)', () => {
    const reclassified = graph.edges.find((e) => e.source === 'contactCentre.reclassifying')!;
    expect(reclassified).toMatchObject({
      target: 'assessment.awaitingAllocation',
      event: 'RECLASSIFIED',
      route: null,
      actions: ['recordDecision', 'recordReferral'],
    });
    const forwarded = graph.edges.find((e) => e.route === 'forwardForDecision')!;
    expect(forwarded.actions).toEqual([]);
  });
});

describe('a front door’s part of the graph (reachedBy)', () => {
  it('a contact centre reaches every stage but the MASH; a MASH none of the contact centre or duty team', () => {
    const centre = reachedBy(graph, ['screen']);
    expect(centre.stages.map((s) => s.key)).toEqual(['contactReceived', 'contactCentre', 'dutyTeam', 'assessment', 'services', 'earlyHelp', 'closed']);
    const mash = reachedBy(graph, ['mash']);
    expect(mash.stages.map((s) => s.key)).toEqual(['contactReceived', 'mash', 'assessment', 'services', 'earlyHelp', 'closed']);
    for (const e of mash.edges)
      expect(mash.nodes.some((n) => n.key === e.source) && mash.nodes.some((n) => n.key === e.target), `${e.source}>${e.target}`).toBe(true);
  });

  it('keeps a stage whole when a case can reach part of it (district duty teams send contacts back to the centre)', () => {
    const district = reachedBy(graph, ['dutyScreen']);
    expect(district.stages.find((s) => s.key === 'contactCentre')?.nodes).toEqual(graph.stages.find((s) => s.key === 'contactCentre')?.nodes);
  });
});

describe('pathwayGraph on other machines', () => {
  it('resolves compound targets to their initial leaf and applies a parent’s transitions to each child', () => {
    const m = setup({ guards: { routeIs: () => true } }).createMachine({
      id: 'toy',
      initial: 'a',
      states: {
        a: { on: { GO: { target: 'b' } } },
        b: {
          initial: 'b1',
          on: { CANCEL: '#toy.done' },
          states: {
            b1: { meta: { label: 'First' }, on: { NEXT: 'b2' } },
            b2: { on: { BACK: { guard: { type: 'routeIs', params: { route: 'x' } }, target: '#toy.a' } } },
          },
        },
        done: { type: 'final' },
      },
    });
    const g = pathwayGraph(m);
    expect(g.nodes.map((n) => n.key)).toEqual(['a', 'b.b1', 'b.b2', 'done']);
    expect(g.nodes[1]!.label).toBe('First');
    expect(g.nodes[2]!.label).toBe('b2');
    const e = g.edges.map((x) => `${x.source}-${x.event}/${x.route}->${x.target}`);
    expect(e).toEqual(['a-GO/null->b.b1', 'b.b1-NEXT/null->b.b2', 'b.b1-CANCEL/null->done', 'b.b2-BACK/x->a', 'b.b2-CANCEL/null->done']);
  });

  it('refuses parallel states rather than drawing them wrongly', () => {
    const m = createMachine({ id: 'p', type: 'parallel', states: { x: {}, y: {} } });
    expect(() => pathwayGraph(m)).toThrow(/parallel/);
  });
});
